/**
 * The enterprise directory as an import's name directory (platform/imports NameDirectory): an investor
 * a sheet names that no enterprise matches exactly (by credit code or normalised name) is offered the
 * enterprises most like it. The directory is shared by all zones (decision 016) and can hold 100k
 * enterprises, so it is searched, never listed: one scan for a batch of names, on the leading
 * characters of each name's 字号 (its normalised core), then ranked by likeness.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { containsPattern } from '../../db/sql-helpers.ts';
import type { NameDirectory } from '../../platform/imports/importer.ts';
import { nearestNames } from '../../platform/text-similarity.ts';
import { normalizeEnterpriseName } from './normalize-name.ts';

/** Rows one search reads before ranking (a common 字号 start cannot make it read the whole directory). */
const POOL = 3000;

export function enterpriseNameDirectory(): NameDirectory {
  return {
    search: 'enterprises',
    async candidates(db: DbOrTx, texts: string[]) {
      const cores = texts.map((text) => ({ text, core: normalizeEnterpriseName(text) }));
      // The 字号's first two pairs of characters: 华晟 for 华晟新材, 晟新 when the first was mistyped.
      const patterns = [...new Set(cores.flatMap(({ core }) => [core.slice(0, 2), core.slice(1, 3)].filter((x) => x.length === 2)))].map(containsPattern);
      const answer = new Map<string, { id: string; name: string }[]>();
      if (!patterns.length) return answer;
      const pool = rowsOf<{ id: string; name: string; normalized_name: string }>(
        await db.execute(sql`select id, name, normalized_name from enterprises
          where normalized_name like any(${sql.param(patterns)}::text[]) order by created_at, id limit ${POOL}`),
      );
      const byCore = pool.map((e) => ({ id: e.id, name: e.normalized_name, display: e.name }));
      for (const { text, core } of cores) {
        const near = nearestNames(core, byCore).map((e) => ({ id: e.id, name: e.display }));
        if (near.length) answer.set(text, near);
      }
      return answer;
    },
    async find(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Map();
      const rows = rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from enterprises where id = any(${sql.param(ids)}::uuid[])`));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}

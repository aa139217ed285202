import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../test/templates.ts';
import type { Database } from '../db/client.ts';
import { backupDatabase, BackupError, restoreDatabase } from './backup.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-backup-'));
let source: Awaited<ReturnType<typeof cloneTemplate>>;
let target: Awaited<ReturnType<typeof cloneTemplate>>;

beforeAll(async () => {
  [source, target] = await Promise.all([cloneTemplate('demo'), cloneTemplate('empty')]);
});
afterAll(async () => {
  await Promise.all([source.drop(), target.drop()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every table's full content as one fingerprint per table, computed by PostgreSQL itself. */
async function fingerprint(database: Database) {
  const tables = await database.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
  const result: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await database.query<{ n: string; h: string | null }>(
      `select count(*)::text as n, md5(string_agg(x::text, '|' order by x::text)) as h from "${t}" x`,
    );
    result[t] = `${row.n}:${row.h}`;
  }
  return result;
}

describe('backup and restore', () => {
  it('round-trips a database exactly, and the identity sequences continue', async () => {
    // Values that lose precision through JS numbers or JSON must survive.
    await source.database.query(
      `insert into audit_log (actor_name, action, entity_type, entity_id, after) values ('test', 'x', 'y', 'z', '{"big": 12345678901234567890.123456789, "text": "引号\\"与换行\\n"}'::jsonb)`,
    );
    const file = path.join(tmp, 'demo.zdbackup');
    const written = await backupDatabase(source.database, file);
    expect(written.rows).toBeGreaterThan(30);
    const restored = await restoreDatabase(target.database, file);
    expect(restored.rows).toBe(written.rows);
    expect(await fingerprint(target.database)).toEqual(await fingerprint(source.database));
    // The triggers restore turned off for its rows (decision 028) are on again: a new lead is counted.
    const [{ before }] = await target.database.query<{ before: number }>(`select coalesce(sum(leads), 0)::int as before from lead_stage_counts`);
    await target.database.query(`insert into leads (zone_id, code, name, method) select zone_id, code || '-R', name, method from leads limit 1`);
    const [{ after }] = await target.database.query<{ after: number }>(`select coalesce(sum(leads), 0)::int as after from lead_stage_counts`);
    expect(Number(after)).toBe(Number(before) + 1);
    const maxId = async (db: Database) => Number((await db.query<{ id: string }>(`select max(id)::text as id from audit_log`))[0].id);
    const sourceMax = await maxId(source.database);
    await target.database.query(`insert into audit_log (actor_name, action, entity_type, entity_id) values ('after', 'x', 'y', 'z')`);
    expect(await maxId(target.database)).toBe(sourceMax + 1);
  });

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const before = await fingerprint(target.database);
    const junk = path.join(tmp, 'junk.zdbackup');
    fs.writeFileSync(junk, 'this is not gzip');
    await expect(restoreDatabase(target.database, junk)).rejects.toThrow(BackupError);
    expect(await fingerprint(target.database)).toEqual(before);
  });
});

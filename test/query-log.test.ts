/**
 * Every statement the app sends on a zone-scoped table carries zone_id, or is a lookup by id, or is
 * a cross-zone statement listed with its reason (issue 17 item 6; docs/scale-out.md). The walk:
 * every registered operation, GETs as the administrator, a province viewer and a zone officer,
 * mutations as the administrator with a plausible body, on the records the manifests' fixtures
 * make; each statement is read from the query log and judged (test/query-log.ts). A new query
 * that a distributed database could not route to its zones fails here.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestContext, type Client, type TestContext } from './harness.ts';
import { modules } from '../src/server/modules/modules.ts';
import { registeredOperations } from '../src/server/platform/http/operations.ts';
import { multipartBody, pathOf, type OperationSpec } from '../src/contract/operation.ts';
import { onQuery } from '../src/server/db/query-log.ts';
import { readCitusLayout } from '../src/server/db/citus.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';
import { crossShardByDesign, crossShardJoinsOf, crossShardToFix, shapeOf, verdictOf, type Verdict } from './query-log.ts';

vi.setConfig({ testTimeout: 600_000 });

let ctx: TestContext;
let distributed: string[];
const fixtures = Object.fromEntries(modules.flatMap((m) => Object.entries(m.securityFixtures ?? {})));
const ids = new Map<string, string>();
const logins = new Map<string, Promise<Client>>();
const login = (u: string) => {
  if (!logins.has(u)) logins.set(u, ctx.login(u));
  return logins.get(u)!;
};
const shapes = new Map<string, Verdict>();
const dumped = new Set<string>();
/** Statement shapes with a join of two distributed tables that is neither on zone_id nor pinned to one zone. */
const crossShard = new Map<string, string[]>();

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' } });
  const layout = await readCitusLayout(ctx.database);
  distributed = [...layout.placement].filter(([, p]) => p === 'distributed').map(([t]) => t);
  for (const [url, make] of Object.entries(fixtures)) {
    try {
      ids.set(url, await make({ login }));
    } catch {
      // a fixture that needs another's state: the route gets a random id (404 before any query on it)
    }
  }
}, 300_000);
afterAll(() => ctx?.close());

function objectShape(schema: unknown): Record<string, z.ZodType> | undefined {
  let s = schema as z.ZodType | undefined;
  for (let i = 0; i < 6 && s; i++) {
    if (s instanceof z.ZodObject) return s.shape as Record<string, z.ZodType>;
    const def = (s as unknown as { def?: { innerType?: z.ZodType; in?: z.ZodType; schema?: z.ZodType } }).def;
    s = def?.innerType ?? def?.in ?? def?.schema;
  }
  return undefined;
}

const fendong = demoId('zone:fendong');
function plausible(field: z.ZodType): unknown {
  const options = (field as unknown as { options?: unknown[] }).options;
  for (const c of [...(Array.isArray(options) ? options.slice(0, 1) : []), fendong, '2026-11-18', '2026-11', 1, '100', '查询日志', true, [], {}, null]) {
    if (field.safeParse(c).success) return c;
  }
  return undefined;
}

function pathFor(op: OperationSpec): string {
  const params: Record<string, string> = {};
  for (const name of op.path.match(/:([A-Za-z0-9_]+)/g) ?? []) {
    const key = name.slice(1);
    params[key] = ids.get(op.path) ?? (key === 'day' ? '2026-11-18' : key === 'year' ? '2026' : '00000000-0000-4000-8000-000000000000');
  }
  return pathOf(op, params);
}

describe('query log: zone-scoped statements carry zone_id (Citus routing)', () => {
  it('every operation, walked: no statement on a distributed table without zone_id, an id, or a listed reason', async () => {
    const ops = [...registeredOperations.values()].filter((op) => !op.path.startsWith('/api/auth/'));
    expect(ops.length).toBeGreaterThan(100);
    const stop = onQuery((query) => {
      const verdict = verdictOf(query, distributed);
      if (verdict) shapes.set(shapeOf(query), verdict);
      if (verdict) {
        const q = query.replace(/\s+/g, ' ');
        const joins = crossShardJoinsOf(query, distributed).filter((j) => !crossShardToFix.includes(j));
        if (joins.length > 0 && !crossShardByDesign.some((c) => c.match.test(q))) crossShard.set(shapeOf(query), joins);
      }
      if (verdict && process.env.QUERY_LOG_DUMP) dumped.add(query);
    });
    try {
      const readers = await Promise.all(['admin', 'province', 'officer'].map(login));
      const admin = readers[0];
      for (const op of ops) {
        const url = pathFor(op);
        if (op.method === 'GET') {
          for (const client of readers) await client.request('GET', url);
          continue;
        }
        if (op.body === multipartBody) continue;
        const body = objectShape(op.body);
        const valid = body ? Object.fromEntries(Object.entries(body).map(([k, f]) => [k, plausible(f)]).filter(([, v]) => v !== undefined)) : {};
        await admin.request(op.method, url, valid);
      }
    } finally {
      stop();
      if (process.env.QUERY_LOG_DUMP) writeFileSync(process.env.QUERY_LOG_DUMP, JSON.stringify({ distributed, queries: [...dumped] }));
    }
    const by = (v: Verdict) => [...shapes].filter(([, verdict]) => verdict === v).map(([s]) => s);
    if (process.env.QUERY_LOG_STATS) {
      console.log(Object.fromEntries((['zoned', 'by-id', 'cross-zone by design', 'unscoped'] as const).map((v) => [v, by(v).length])));
      console.log({ 'cross-shard join (not listed)': crossShard.size, 'cross-shard join pairs to fix': crossShardToFix.length });
      if (process.env.QUERY_LOG_STATS === 'all') for (const s of by('by-id')) console.log('by-id:', s.slice(0, 200));
    }
    expect(by('zoned').length).toBeGreaterThan(200);
    expect(by('unscoped').map((s) => s.slice(0, 400))).toEqual([]);
    // Citus: a join of two distributed tables in a statement over several zones must equate zone_id.
    expect([...crossShard].map(([s, joins]) => `cross-shard join ${joins.join('; ')}: ${s.slice(0, 400)}`)).toEqual([]);
  });
});

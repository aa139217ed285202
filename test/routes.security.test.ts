/**
 * Walks every registered /api route and proves the guard holds for each one: no session → 401;
 * a caller from another zone → refused (403/404) on that zone's records, with nothing written;
 * lists never leak another zone's data. A new route with an :id needs a fixture below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from './harness.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';

let ctx: TestContext;
let outsider: Client;
const otherZone = demoId('zone:hejin');

/** Routes on shared (not zone-scoped) records: every signed-in user may read them. */
const sharedRecordRoutes = new Set(['GET /api/enterprises/:id']);

/** For each route pattern with :id, a record of the other zone (河津开发区). */
const otherZoneRecord: Record<string, () => string | Promise<string>> = {
  '/api/enterprises/:id': async () => {
    const hejinLeader = await ctx.login('hejin');
    return (await hejinLeader.post('/api/enterprises', { name: `河津测试铝业${Math.random()}有限公司`, noCreditCode: true })).body.id;
  },
  '/api/zones/:id': () => otherZone,
  '/api/zones/:id/parks': () => otherZone,
  '/api/parks/:id': () => demoId('park:hejin:铝工业园'),
  '/api/departments/:id': () => demoId('dept:hejin:investment'),
  '/api/users/:id': () => demoId('user:hejin'),
  '/api/users/:id/password': () => demoId('user:hejin'),
};

beforeAll(async () => {
  ctx = await createTestContext();
  // A zone leader of 汾东: the widest non-admin powers, but none over 河津.
  outsider = await ctx.login('leader');
});
afterAll(() => ctx.close());

const auditRows = async () => Number((await ctx.database.query<{ n: string }>('select count(*) as n from audit_log'))[0].n);

describe('every route is guarded', () => {
  it('the route table is not empty and public routes are the expected few', () => {
    const publicRoutes = ctx.app.routeTable.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(ctx.app.routeTable.length).toBeGreaterThan(15);
    for (const r of publicRoutes) expect(r).toMatch(/^(GET \/api\/health|POST \/api\/auth\/login|GET \/api\/openapi\.json|GET \/api\/docs)/);
  });

  it('rejects a caller without a session on every guarded route', async () => {
    const guarded = ctx.app.routeTable.filter((r) => !r.public);
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, () => demoId('any'));
      const res = await ctx.anon.request(route.method, url, route.method === 'GET' ? undefined : {});
      expect({ route: `${route.method} ${route.url}`, status: res.status, code: res.body.code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it("refuses a caller outside the record's zone on every route with an id, writing nothing", async () => {
    const withId = ctx.app.routeTable.filter((r) => !r.public && r.url.includes(':id') && !sharedRecordRoutes.has(`${r.method} ${r.url}`));
    expect(withId.length).toBeGreaterThan(5);
    for (const route of withId) {
      const fixture = otherZoneRecord[route.url];
      expect(fixture, `add a fixture for ${route.url} in routes.security.test.ts`).toBeDefined();
      const url = route.url.replace(':id', await fixture());
      const before = await auditRows();
      const res = await outsider.request(route.method, url, route.method === 'GET' ? undefined : { version: 1, name: '越权修改', password: 'secret-123' });
      expect({ route: `${route.method} ${route.url}`, refused: [403, 404].includes(res.status) }).toEqual({
        route: `${route.method} ${route.url}`,
        refused: true,
      });
      expect(await auditRows()).toBe(before);
    }
  });

  it("never lists another zone's data, even when asked for that zone", async () => {
    const lists = ctx.app.routeTable.filter((r) => !r.public && r.method === 'GET' && !r.url.includes(':'));
    for (const route of lists) {
      const res = await outsider.get(`${route.url}?zoneId=${otherZone}`);
      if (res.status !== 200) {
        expect([400, 403]).toContain(res.status);
        continue;
      }
      expect({ route: route.url, leaks: JSON.stringify(res.body).includes(otherZone) }).toEqual({ route: route.url, leaks: false });
    }
  });
});

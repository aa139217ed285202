/**
 * The other-zone part of the routes security walk (test/routes.security.test.ts), for this module's
 * routes alone: every route with an :id, called by 汾东's leader on 河津's record (the manifest's
 * fixtures), is refused with 403/404 and writes nothing. The full walk covers every module; this
 * one runs in seconds while working on chains.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { chainsModule } from './chains.module.ts';

vi.setConfig({ testTimeout: 120_000 });

let ctx: TestContext;
let outsider: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  outsider = await ctx.login('leader');
});
afterAll(() => ctx.close());

const tables = [
  'audit_log',
  'sectors',
  'chains',
  'chain_links',
  'chain_link_enterprises',
  'chain_link_projects',
  'chain_targets',
  'chain_roadmap_items',
  'leads',
  'enterprise_honours',
  'enterprise_yearly_figures',
  'enterprise_production_lines',
  'enterprise_cooperations',
];
const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await ctx.rowCount(t)] as const)));

describe('chains routes and another zone’s records', () => {
  it('refuses 汾东’s leader on every :id route with 河津’s record, writing nothing', async () => {
    const logins = new Map<string, ReturnType<TestContext['login']>>();
    const fixtureCtx = {
      login: (u: string) => {
        if (!logins.has(u)) logins.set(u, ctx.login(u));
        return logins.get(u)!;
      },
    };
    const shared = new Set(chainsModule.sharedRecordRoutes ?? []);
    const routes = ctx.app.routeTable.filter((r) => r.url.includes(':id') && chainsModule.securityFixtures![r.url] && !shared.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const id = await chainsModule.securityFixtures![route.url](fixtureCtx);
      expect({ route: route.url, id: typeof id }).toEqual({ route: route.url, id: 'string' });
      const before = await counts();
      const res = await outsider.request(route.method, route.url.replace(':id', id), route.method === 'GET' ? undefined : { version: 1, name: '越权修改' });
      expect({ route: `${route.method} ${route.url}`, refused: [403, 404].includes(res.status) }).toEqual({
        route: `${route.method} ${route.url}`,
        refused: true,
      });
      expect({ route: `${route.method} ${route.url}`, rows: await counts() }).toEqual({ route: `${route.method} ${route.url}`, rows: before });
    }
  });
});

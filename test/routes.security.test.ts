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
const sharedRecordRoutes = new Set(['GET /api/enterprises/:id', 'GET /api/enterprises/:id/page']);

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
  // Dispatch (调度): 河津 records made by its leader, once (see dispatchFixtures below).
  ...Object.fromEntries(
    (
      [
        ['/api/blockers/:id', 'blocker'],
        ['/api/blockers/:id/escalate', 'blocker'],
        ['/api/blockers/:id/resolve', 'blocker'],
        ['/api/blockers/:id/reopen', 'blocker'],
        ['/api/blockers/:id/reminder.docx', 'blocker'],
        ['/api/notifications/:id/read', 'notification'],
        ['/api/meetings/:id', 'meeting'],
        ['/api/meetings/:id/agenda', 'meeting'],
        ['/api/meetings/:id/agenda/regenerate', 'meeting'],
        ['/api/meetings/:id/close', 'meeting'],
        ['/api/meetings/:id/decisions', 'meeting'],
        ['/api/meetings/:id/brief.docx', 'meeting'],
        ['/api/decisions/:id', 'decision'],
        ['/api/campaigns/:id', 'campaign'],
        ['/api/campaigns/:id/entries', 'campaign'],
        ['/api/campaigns/:id/tracking.xlsx', 'campaign'],
        ['/api/campaign-entries/:id', 'entry'],
      ] as const
    ).map(([url, kind]) => [url, async () => (await dispatchFixtures())[kind]]),
  ),
  ...Object.fromEntries(
    [
      '/api/projects/:id',
      '/api/projects/:id/stage',
      '/api/projects/:id/milestones',
      '/api/projects/:id/approvals',
      '/api/projects/:id/land-standard',
      '/api/projects/:id/annual-plans/:year',
      '/api/projects/:id/progress-reports',
      '/api/projects/:id/progress-reports/:reportId',
      '/api/projects/:id/photos',
      '/api/projects/:id/photos/:photoId',
    ].map((url) => [url, () => demoId('project:hejin-lng')]),
  ),
  ...Object.fromEntries(
    [
      '/api/leads/:id',
      '/api/leads/:id/stage',
      '/api/leads/:id/status',
      '/api/leads/:id/agreements',
      '/api/leads/:id/files',
      '/api/leads/:id/activities',
      '/api/leads/:id/timeline',
      '/api/leads/:id/convert',
    ].map((url) => [url, () => demoId('lead:zhonglv-foil')]),
  ),
  '/api/lead-files/:id': () => demoId('lead-file:zhonglv-foil:fw'),
  ...Object.fromEntries(
    ['/api/trips/:id', '/api/trips/:id/meetings'].map((url) => [
      url,
      async () => {
        const hejinLeader = await ctx.login('hejin');
        const trip = await hejinLeader.post('/api/trips', {
          title: '赴长三角招商',
          destination: '江苏省苏州市',
          startOn: '2026-01-05',
          endOn: '2026-01-07',
          leader: '郑海',
        });
        return trip.body.id;
      },
    ]),
  ),
  '/api/lead-views/:id': async () =>
    (await (await ctx.login('hejin')).post('/api/lead-views', { name: `视图${Math.random()}`, query: { stage: 'intent' } })).body.id,
  ...Object.fromEntries(
    ['/api/enterprises/:id/contacts', '/api/enterprises/:id/merge'].map((url) => [
      url,
      async () => {
        const hejinLeader = await ctx.login('hejin');
        return (await hejinLeader.post('/api/enterprises', { name: `河津测试镁业${Math.random()}有限公司`, noCreditCode: true })).body.id;
      },
    ]),
  ),
  '/api/enterprise-contacts/:id': async () => {
    const hejinLeader = await ctx.login('hejin');
    const e = (await hejinLeader.post('/api/enterprises', { name: `河津测试煤化${Math.random()}有限公司`, noCreditCode: true })).body.id;
    return (await hejinLeader.post(`/api/enterprises/${e}/contacts`, { name: '王经理' })).body.id;
  },
  ...Object.fromEntries(
    ['/api/imports/:id', '/api/imports/:id/progress', '/api/imports/:id/commit', '/api/imports/:id/discard'].map((url) => [url, () => hejinImportId]),
  ),
};

/** An import staged by 河津's leader (filled in beforeAll). */
let hejinImportId = '';

let dispatchRecords: Promise<Record<'blocker' | 'notification' | 'meeting' | 'decision' | 'campaign' | 'entry', string>> | undefined;
/** A 河津 blocker (whose responsible person, 刘卫东, gets a notification), meeting with a decision, campaign with an entry. */
function dispatchFixtures() {
  dispatchRecords ??= (async () => {
    const hejin = await ctx.login('hejin');
    const blocker = (
      await hejin.post('/api/blockers', {
        zoneId: otherZone,
        title: '河津测试堵点',
        category: 'land',
        deadlineOn: '2099-01-01',
        responsibleUserId: demoId('user:deputy'),
      })
    ).body.id;
    const deputy = await ctx.login('deputy');
    const notification = (await deputy.get('/api/notifications')).body.items.find((n: { entityId: string }) => n.entityId === blocker).id;
    const meeting = (await hejin.post('/api/meetings', { zoneId: otherZone, heldOn: '2099-01-05' })).body.id;
    const decision = (
      await hejin.post(`/api/meetings/${meeting}/decisions`, { task: '河津测试事项', ownerUserId: demoId('user:hejin'), deadlineOn: '2099-01-10' })
    ).body.id;
    const campaign = (await hejin.post('/api/campaigns', { zoneId: otherZone, year: 2099, quarter: 1 })).body.id;
    const entry = (await hejin.post(`/api/campaigns/${campaign}/entries`, { batch: 'sign', name: '河津测试签约项目' })).body.id;
    return { blocker, notification, meeting, decision, campaign, entry };
  })();
  return dispatchRecords;
}

beforeAll(async () => {
  ctx = await createTestContext();
  // A zone leader of 汾东: the widest non-admin powers, but none over 河津.
  outsider = await ctx.login('leader');
  const { stageImportFixture } = await import('./pipeline-fixtures.ts');
  hejinImportId = await stageImportFixture(ctx, await ctx.login('hejin'));
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

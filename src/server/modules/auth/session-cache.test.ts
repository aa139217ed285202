/**
 * The session cache (decision 026): a guarded request served from memory sends no session or scope
 * query, and every change through the app is seen on the very next request; the TTL and the
 * session's expiry are honoured on the fixed clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOperations } from '../../../contract/auth.ts';
import { orgOperations } from '../../../contract/org.ts';
import { userOperations } from '../../../contract/users.ts';
import { testClock } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { onQuery } from '../../db/query-log.ts';
import { createSessionCache } from '../../platform/auth/session-cache.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { demoId } from '../../seed/demo-ids.ts';

let now = testClock();
let ctx: TestContext;
let admin: Client;
const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');

beforeAll(async () => {
  ctx = await createTestContext({ clock: () => now });
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

/** The statements a call sends that read sessions, users or user_zones (the guard's own work). */
async function sessionQueries(call: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const stop = onQuery((q) => {
    if (/from "sessions"|from "user_zones"|"users"\."active"/.test(q)) n++;
  });
  try {
    await call();
  } finally {
    stop();
  }
  return n;
}

const userOf = async (username: string) => (await admin.call(userOperations.list, { query: { q: username } })).body.items.find((u: { username: string }) => u.username === username)!;
const zonesOf = async (client: Client) => ((await client.call(authOperations.me)).body.zones as { id: string }[]).map((z) => z.id).sort();

describe('session cache', () => {
  it('serves a repeated request from memory: no session, user or scope query', async () => {
    const province = await ctx.login('province');
    expect((await province.call(authOperations.me)).status).toBe(200);
    expect(await sessionQueries(() => province.get('/api/leads?page=1&pageSize=20'))).toBe(0);
    now = new Date(now.getTime() + 31_000); // past the 30 s TTL: read again
    expect(await sessionQueries(() => province.get('/api/leads?page=1&pageSize=20'))).toBeGreaterThan(0);
    now = testClock();
  });

  it("a deactivated user's cached session is refused on the next request; reactivated, they sign in again", async () => {
    const viewer = await ctx.login('viewer');
    expect((await viewer.call(authOperations.me)).status).toBe(200);
    const u = await userOf('viewer');
    expect((await admin.call(userOperations.update, { params: { id: u.id }, body: { version: u.version, active: false } })).status).toBe(200);
    expect((await viewer.call(authOperations.me)).status).toBe(401);
    expect((await viewer.get('/api/leads')).status).toBe(401);
    const again = await userOf('viewer');
    expect((await admin.call(userOperations.update, { params: { id: again.id }, body: { version: again.version, active: true } })).status).toBe(200);
    expect((await viewer.call(authOperations.me)).status).toBe(401); // its session ended with the deactivation
    expect((await (await ctx.login('viewer')).call(authOperations.me)).status).toBe(200);
  });

  it('a changed zone assignment and role are seen on the next request', async () => {
    const officer = await ctx.login('service');
    expect(await zonesOf(officer)).toEqual([fendong]);
    // A zone filter is checked against the session's zone ids in memory (platform/scope.ts).
    expect((await officer.get(`/api/leads?zoneId=${hejin}`)).body.total).toBe(0);
    const u = await userOf('service');
    expect((await admin.call(userOperations.update, { params: { id: u.id }, body: { version: u.version, zoneIds: [fendong, hejin] } })).status).toBe(200);
    expect(await zonesOf(officer)).toEqual([fendong, hejin].sort());
    expect((await officer.get(`/api/leads?zoneId=${hejin}`)).body.total).toBeGreaterThan(0);
    // Role: a service officer becomes a viewer, whose permissions the very next answer carries.
    const before = (await officer.call(authOperations.me)).body;
    const v = await userOf('service');
    expect((await admin.call(userOperations.update, { params: { id: v.id }, body: { version: v.version, role: 'viewer', displayName: '孙浩（只读）' } })).status).toBe(200);
    const after = (await officer.call(authOperations.me)).body;
    expect(after.user).toMatchObject({ role: 'viewer', displayName: '孙浩（只读）' });
    expect(after.permissions).not.toEqual(before.permissions);
  });

  it('logout ends the cached session at once', async () => {
    const leader = await ctx.login('leader');
    expect((await leader.call(authOperations.me)).status).toBe(200);
    expect((await leader.call(authOperations.logout)).status).toBe(200);
    expect((await leader.call(authOperations.me)).status).toBe(401);
  });

  it("a password change ends the account's other cached sessions at once; a reset ends all and requires a change", async () => {
    const here = await ctx.login('agent');
    const there = await ctx.login('agent');
    expect((await here.call(authOperations.me)).status).toBe(200);
    expect((await there.call(authOperations.me)).status).toBe(200);
    expect((await here.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword: 'Dai-ban-2026' } })).status).toBe(200);
    expect((await there.call(authOperations.me)).status).toBe(401);
    expect((await here.call(authOperations.me)).status).toBe(200);
    const u = await userOf('agent');
    expect((await admin.call(userOperations.resetPassword, { params: { id: u.id }, body: { version: u.version, password: 'Reset-by-admin-2026' } })).status).toBe(200);
    expect((await here.call(authOperations.me)).status).toBe(401);
    const fresh = await ctx.login('agent', 'Reset-by-admin-2026');
    expect((await fresh.get('/api/leads')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await fresh.call(authOperations.changePassword, { body: { currentPassword: 'Reset-by-admin-2026', newPassword: 'Mine-again-2026' } })).status).toBe(200);
    // mustChangePassword cleared: the same session is served at once.
    expect((await fresh.get('/api/leads')).status).toBe(200);
  });

  it('a change of language is seen on the next request', async () => {
    const city = await ctx.login('city');
    expect((await city.call(authOperations.me)).body.user.locale).toBe('zh-CN');
    expect((await city.call(authOperations.setLocale, { body: { locale: 'en-US' } })).status).toBe(200);
    expect((await city.call(authOperations.me)).body.user.locale).toBe('en-US');
  });

  it("a new zone joins the region viewers' and the admin's scope on the next request", async () => {
    const province = await ctx.login('province');
    const city = await ctx.login('city');
    const before = await zonesOf(province);
    await zonesOf(city);
    const created = await admin.call(orgOperations.createZone, {
      body: { code: 'CACHE01', name: '缓存测试开发区', shortName: '缓存区', kind: 'provincial', regionCode: '140800' },
    });
    expect(created.status).toBe(201);
    expect(await zonesOf(province)).toEqual([...before, created.body.id].sort());
    expect(await zonesOf(city)).toContain(created.body.id);
    expect((await admin.call(orgOperations.getZone, { params: { id: created.body.id } })).status).toBe(200);
  });

  it('the TTL holds on the fixed clock: a change made outside the app is seen after 30 s, not before', async () => {
    const deputy = await ctx.login('deputy');
    const nameOf = async () => (await deputy.call(authOperations.me)).body.user.displayName;
    expect(await nameOf()).toBe('刘卫东');
    await ctx.database.query(`update users set display_name = '刘卫东（改）' where id = $1`, [demoId('user:deputy')]);
    now = new Date(now.getTime() + 29_000);
    expect(await nameOf()).toBe('刘卫东');
    now = new Date(now.getTime() + 1_000);
    expect(await nameOf()).toBe('刘卫东（改）');
    now = testClock();
  });

  it("never past the session's expiry: the cached session expires with it", async () => {
    const hejinLeader = await ctx.login('hejin');
    const expiresAt = now.getTime() + ctx.config.SESSION_TTL_HOURS * 3_600_000;
    now = new Date(expiresAt - 10_000);
    expect((await hejinLeader.call(authOperations.me)).status).toBe(200);
    now = new Date(expiresAt + 1);
    expect((await hejinLeader.call(authOperations.me)).body.code).toBe('SESSION_EXPIRED');
    now = testClock();
  });

  it('SESSION_CACHE_SECONDS=0 turns it off', async () => {
    const off = await createTestContext({ config: { SESSION_CACHE_SECONDS: '0' } });
    try {
      const res = await off.anon.call(authOperations.login, { body: { username: 'province', password: 'zonedesk' } });
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      const get = () => off.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      await get();
      expect(await sessionQueries(get)).toBeGreaterThan(0);
    } finally {
      await off.close();
    }
  });
});

describe('createSessionCache', () => {
  const context = (tokenHash: string, userId = 'u1') => ({ tokenHash, csrfToken: 'c', user: { id: userId }, scope: { all: false, zoneIds: [] } }) as unknown as SessionContext;
  const far = new Date('2100-01-01');

  it('does not store what a resolve read before a forget (it may be the old rows)', () => {
    const cache = createSessionCache({ clock: () => now, ttlMs: 30_000 });
    const readAt = cache.generation();
    cache.forgetUser('u1'); // a change committed while the resolve was reading
    cache.store(readAt, context('a'), far);
    expect(cache.get('a')).toBeUndefined();
    cache.store(cache.generation(), context('a'), far);
    expect(cache.get('a')).toBeDefined();
  });

  it('is bounded: the least recently used entry goes first', () => {
    const cache = createSessionCache({ clock: () => now, ttlMs: 30_000, maxEntries: 2 });
    cache.store(cache.generation(), context('a'), far);
    cache.store(cache.generation(), context('b'), far);
    cache.get('a');
    cache.store(cache.generation(), context('c'), far);
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
    expect(cache.size()).toBe(2);
  });

  it('forgets one session, one user or all; a clock moved back makes an entry stale', () => {
    const cache = createSessionCache({ clock: () => now, ttlMs: 30_000 });
    for (const [t, u] of [['a', 'u1'], ['b', 'u1'], ['c', 'u2'], ['d', 'u3']]) cache.store(cache.generation(), context(t, u), far);
    cache.forgetSession('d');
    cache.forgetUser('u1');
    expect(['a', 'b', 'c', 'd'].map((t) => Boolean(cache.get(t)))).toEqual([false, false, true, false]);
    const saved = now;
    now = new Date(now.getTime() - 1_000);
    expect(cache.get('c')).toBeUndefined();
    now = saved;
    cache.store(cache.generation(), context('e', 'u4'), far);
    cache.forgetAll();
    expect(cache.size()).toBe(0);
  });
});

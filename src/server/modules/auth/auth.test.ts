import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOperations } from '../../../contract/auth.ts';
import { testClock } from '../../../../test/clock.ts';
import { createTestContext, makeClient, type TestContext } from '../../../../test/harness.ts';

/** The test clock, which a test moves forward (lock expiry, session expiry) and then puts back. */
let now = testClock();
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ clock: () => now, config: { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
});
afterAll(() => ctx.close());

const auditCount = async (action: string) =>
  Number((await ctx.database.query<{ n: string }>(`select count(*) as n from audit_log where action = $1`, [action]))[0].n);

describe('login', () => {
  it('sets an HttpOnly SameSite session cookie and returns the user, zones and a CSRF token', async () => {
    const res = await ctx.anon.call(authOperations.login, { body: { username: 'officer', password: 'zonedesk' } });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/zd_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user).toMatchObject({ username: 'officer', role: 'investment_officer' });
    expect(res.body.zones.map((z: { shortName: string }) => z.shortName)).toEqual(['汾东经开区']);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a wrong password and an unknown user the same way, in the caller language', async () => {
    const wrong = await ctx.anon.call(authOperations.login, { body: { username: 'projects', password: 'nope' }, headers: { 'accept-language': 'en-US' } });
    const unknown = await ctx.anon.call(authOperations.login, { body: { username: 'ghost', password: 'nope' }, headers: { 'accept-language': 'en-US' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.message).toBe('Wrong username or password');
    const zh = await ctx.anon.call(authOperations.login, { body: { username: 'ghost', password: 'nope' } });
    expect(zh.body.message).toBe('用户名或密码错误');
    expect(zh.body.requestId).toBeTruthy();
  });

  it('locks the account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < 3; i++) await ctx.anon.call(authOperations.login, { body: { username: 'service', password: 'bad-password' } });
    const res = await ctx.anon.call(authOperations.login, { body: { username: 'service', password: 'zonedesk' } });
    expect(res.status).toBe(423);
    expect(res.body.code).toBe('ACCOUNT_LOCKED');
    expect(await auditCount('auth.locked')).toBe(1);
    // The lock expires.
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await ctx.anon.call(authOperations.login, { body: { username: 'service', password: 'zonedesk' } })).status).toBe(200);
    now = testClock();
  });

  it('rejects a malformed body naming each field', async () => {
    const res = await ctx.anon.call(authOperations.login, { body: { username: 42 } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['password', 'username']);
  });

  it('rejects invalid JSON and an oversized body', async () => {
    const bad = await ctx.anon.request('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const huge = await ctx.anon.call(authOperations.login, { body: { username: 'x', password: 'y'.repeat(2_000_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('BODY_TOO_LARGE');
  });
});

describe('sessions', () => {
  it('needs a session, and tells an expired one apart', async () => {
    expect((await ctx.anon.call(authOperations.me)).body.code).toBe('UNAUTHENTICATED');
    const client = await ctx.login('viewer');
    expect((await client.call(authOperations.me)).status).toBe(200);
    now = new Date(now.getTime() + 13 * 3_600_000);
    const res = await client.call(authOperations.me);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
    now = testClock();
  });

  it('refuses a mutation without the CSRF token, writing nothing', async () => {
    const client = await ctx.login('viewer');
    const before = await auditCount('auth.logout');
    const noToken = makeClient(ctx.app, { cookie: client.cookie });
    const res = await noToken.call(authOperations.logout);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_INVALID');
    expect(await auditCount('auth.logout')).toBe(before);
    expect((await client.call(authOperations.me)).status).toBe(200);
  });

  it('logout ends the session and is audited', async () => {
    const client = await ctx.login('viewer');
    const before = await auditCount('auth.logout');
    expect((await client.call(authOperations.logout)).status).toBe(200);
    expect((await client.call(authOperations.me)).status).toBe(401);
    expect(await auditCount('auth.logout')).toBe(before + 1);
  });
});

describe('own password', () => {
  it('changes with the current password, refuses a wrong one', async () => {
    const client = await ctx.login('agent');
    const wrong = await client.call(authOperations.changePassword, { body: { currentPassword: 'wrong-one', newPassword: 'new-secret-1' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    const short = await client.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword: 'short' } });
    expect(short.body.details.fields[0]).toMatchObject({ field: 'newPassword', reason: '密码至少 8 位' });
    expect((await client.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword: 'new-secret-1' } })).status).toBe(200);
    expect((await ctx.anon.call(authOperations.login, { body: { username: 'agent', password: 'zonedesk' } })).status).toBe(401);
    expect((await ctx.anon.call(authOperations.login, { body: { username: 'agent', password: 'new-secret-1' } })).status).toBe(200);
  });
});

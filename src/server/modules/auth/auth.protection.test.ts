/**
 * Guessing protection and account rules (issue 17 item 7): the client address is the socket's unless
 * TRUST_PROXY names the proxy; locks are per name and address, so an attacker cannot lock a user out;
 * unknown names behave like known ones; current-password guesses are limited; the password policy;
 * a password change ends the other sessions; mustChangePassword is enforced by the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOperations } from '../../../contract/auth.ts';
import { userOperations } from '../../../contract/users.ts';
import { workbenchOperations } from '../../../contract/workbench.ts';
import { testClock } from '../../../../test/clock.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';

let now = testClock();
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ clock: () => now, config: { LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', TRUST_PROXY: '127.0.0.1' } });
});
afterAll(() => ctx.close());

/** A sign-in through the trusted proxy (127.0.0.1) on behalf of `address`. */
async function signIn(username: string, password: string, address: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-forwarded-for': address, 'accept-language': 'zh-CN' },
  });
  return { status: res.statusCode, body: res.json(), cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] };
}
const audits = async (action: string, entityId?: string) =>
  Number(
    (
      await ctx.database.query<{ n: string }>(`select count(*) as n from audit_log where action = $1 ${entityId ? 'and entity_id = $2' : ''}`, entityId ? [action, entityId] : [action])
    )[0].n,
  );
const minutes = (m: number) => (now = new Date(now.getTime() + m * 60_000));

describe('sign-in guesses', () => {
  it('locks a name for the guessing address only: the user at a known address still signs in; a new address waits', async () => {
    expect((await signIn('leader', 'zonedesk', '10.1.0.1')).status).toBe(200); // the user's own desk
    for (let i = 0; i < 4; i++) expect((await signIn('leader', `guess-${i}`, '10.6.6.6')).status).toBe(401);
    const fifth = await signIn('leader', 'guess-4', '10.6.6.6');
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: '密码错误次数过多，请稍后再试', details: { retryAfterSeconds: 900 } });
    expect(fifth.body.requestId).toBeTruthy();
    // Even the right password from the guessing address is refused, without being checked.
    expect((await signIn('leader', 'zonedesk', '10.6.6.6')).status).toBe(423);
    // The user's own address is not locked out by someone else's guesses.
    expect((await signIn('leader', 'zonedesk', '10.1.0.1')).status).toBe(200);
    // Failures and the alert are audited against the account, with the address.
    expect(await audits('auth.login_failed', demoId('user:leader'))).toBeGreaterThanOrEqual(5);
    expect(await audits('auth.locked', demoId('user:leader'))).toBe(1);
    now = testClock();
  });

  it('rotating addresses: past the limit each new address waits a doubling delay, the known one never does', async () => {
    expect((await signIn('projects', 'zonedesk', '10.2.0.1')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn('projects', `guess-${i}`, `172.16.0.${i}`)).status).toBe(401);
    // The 6th guess from yet another address must wait (1 s after the 5th failure).
    const waiting = await signIn('projects', 'guess-5', '172.16.0.50');
    expect(waiting.status).toBe(423);
    expect(waiting.body.details.retryAfterSeconds).toBe(1);
    now = new Date(now.getTime() + 1_000);
    expect((await signIn('projects', 'guess-5', '172.16.0.51')).status).toBe(401);
    // After the 6th failure the wait doubled: 2 s.
    expect((await signIn('projects', 'guess-6', '172.16.0.52')).body.details.retryAfterSeconds).toBe(2);
    // The user, from an address they signed in from before, does not wait.
    expect((await signIn('projects', 'zonedesk', '10.2.0.1')).status).toBe(200);
    now = testClock();
  });

  it('an unknown name is answered exactly like a known one, and its failures are audited too', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push((await signIn('viewer', `bad-${i}`, '10.3.0.1')).status);
      unknown.push((await signIn('nobody-here', `bad-${i}`, '10.3.0.1')).status);
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual([401, 401, 401, 401, 423, 423]);
    expect(await audits('auth.login_failed', 'nobody-here')).toBe(5);
    minutes(16);
    expect((await signIn('viewer', 'zonedesk', '10.3.0.1')).status).toBe(200);
    now = testClock();
  });

  it('X-Forwarded-For is ignored unless TRUST_PROXY names the proxy: rotating it does not get past the address limit', async () => {
    const direct = await createTestContext({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '10' } });
    try {
      // admin signed in from 10.9.9.9 before (their desk).
      expect((await direct.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'zonedesk' }, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) {
        const res = await direct.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: `x${i}` }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses.filter((s) => s === 429)).toHaveLength(4);
      // Five wrong guesses from one socket lock only that address for admin: admin at their desk is fine.
      const elsewhere = await direct.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'zonedesk' }, remoteAddress: '10.9.9.9' });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await direct.close();
    }
  });

  it('TRUST_PROXY=true is refused at start (any client could choose its address)', async () => {
    const { loadConfig } = await import('../../config.ts');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });
});

describe('own password', () => {
  it('limits wrong current-password guesses, audited', async () => {
    const client = await ctx.login('service');
    for (let i = 0; i < 4; i++) {
      const res = await client.call(authOperations.changePassword, { body: { currentPassword: `nope-${i}`, newPassword: 'Fen-dong-2026' } });
      expect(res.body.code).toBe('WRONG_PASSWORD');
    }
    expect((await client.call(authOperations.changePassword, { body: { currentPassword: 'nope-4', newPassword: 'Fen-dong-2026' } })).status).toBe(423);
    const right = await client.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword: 'Fen-dong-2026' } });
    expect(right.status).toBe(423);
    expect(await audits('user.password_change_failed', demoId('user:service'))).toBe(5);
    minutes(16);
    expect((await client.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword: 'Fen-dong-2026' } })).status).toBe(200);
    now = testClock();
  });

  it('refuses weak passwords with a field reason: common, the username, only spaces, short', async () => {
    const client = await ctx.login('agent');
    const reasonFor = async (newPassword: string) =>
      (await client.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword } })).body.details?.fields?.[0];
    expect(await reasonFor('12345678')).toEqual({ field: 'newPassword', reason: '该密码过于常见，请换一个' });
    expect(await reasonFor('Password')).toEqual({ field: 'newPassword', reason: '该密码过于常见，请换一个' });
    expect(await reasonFor('        ')).toEqual({ field: 'newPassword', reason: '密码不能全是空格' });
    expect(await reasonFor('agent-2026!')).toEqual({ field: 'newPassword', reason: '密码不能与用户名相同或包含用户名' });
    expect(await reasonFor('short')).toEqual({ field: 'newPassword', reason: '密码至少 8 位' });
    // An admin's create and reset follow the same policy.
    const admin = await ctx.login('admin');
    const created = await admin.call(userOperations.create, {
      body: { username: 'weakling', displayName: '弱', password: 'password1', role: 'viewer', zoneIds: [demoId('zone:fendong')] },
    });
    expect(created.body.details.fields[0]).toEqual({ field: 'password', reason: '该密码过于常见，请换一个' });
  });

  it('a change ends every other session of the account and keeps the current one', async () => {
    const here = await ctx.login('deputy');
    const there = await ctx.login('deputy');
    expect((await here.call(authOperations.changePassword, { body: { currentPassword: 'zonedesk', newPassword: 'Shan-xi-2026' } })).status).toBe(200);
    expect((await here.call(authOperations.me)).status).toBe(200);
    expect((await there.call(authOperations.me)).status).toBe(401);
  });

  it('a session that must change its password gets nothing else until it does', async () => {
    const admin = await ctx.login('admin');
    const created = await admin.call(userOperations.create, {
      body: { username: 'newcomer', displayName: '新同事', password: 'Initial-2026', role: 'viewer', zoneIds: [demoId('zone:fendong')] },
    });
    expect(created.status).toBe(201);
    const fresh = await ctx.login('newcomer', 'Initial-2026');
    expect((await fresh.call(authOperations.me)).body.user.mustChangePassword).toBe(true);
    const refused = await fresh.call(workbenchOperations.get);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await fresh.get('/api/leads')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await fresh.call(authOperations.setLocale, { body: { locale: 'zh-CN' } })).status).toBe(200);
    expect((await fresh.call(authOperations.changePassword, { body: { currentPassword: 'Initial-2026', newPassword: 'Mine-now-2026' } })).status).toBe(200);
    expect((await fresh.call(workbenchOperations.get)).status).toBe(200);
  });

  it('a change of language is audited with before and after', async () => {
    const client = await ctx.login('city');
    const before = await audits('user.locale_changed', demoId('user:city'));
    expect((await client.call(authOperations.setLocale, { body: { locale: 'en-US' } })).status).toBe(200);
    expect(await audits('user.locale_changed', demoId('user:city'))).toBe(before + 1);
    const [row] = await ctx.database.query<{ before: unknown; after: unknown }>(
      `select before, after from audit_log where action = 'user.locale_changed' and entity_id = $1 order by at desc limit 1`,
      [demoId('user:city')],
    );
    expect(row).toEqual({ before: { locale: 'zh-CN' }, after: { locale: 'en-US' } });
  });
});



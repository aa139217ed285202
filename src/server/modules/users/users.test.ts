import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOperations } from '../../../contract/audit.ts';
import { userOperations } from '../../../contract/users.ts';
import { authOperations } from '../../../contract/auth.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';

let ctx: TestContext;
let admin: Client;
const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

const rowCount = async (table: string) => Number((await ctx.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0].n);

describe('user administration', () => {
  it('creates a user with zones, audits it in the same transaction, and the user can log in', async () => {
    const audits = await rowCount('audit_log');
    const res = await admin.call(userOperations.create, {
      body: {
        username: 'wang.fang',
        displayName: '王芳',
        password: 'secret-123',
        role: 'project_officer',
        zoneIds: [hejin],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'wang.fang', role: 'project_officer', zoneIds: [hejin], active: true, version: 1 });
    expect(res.body.actions).toContain('resetPassword');
    expect(res.body).not.toHaveProperty('passwordHash');
    const [entry] = await ctx.database.query<{ action: string; after: Record<string, unknown> }>(`select action, after from audit_log where entity_id = $1`, [
      res.body.id,
    ]);
    expect(entry.action).toBe('user.create');
    expect(entry.after).not.toHaveProperty('passwordHash');
    expect(await rowCount('audit_log')).toBe(audits + 1);
    const me = await (await ctx.login('wang.fang', 'secret-123')).call(authOperations.me);
    expect(me.body.user.mustChangePassword).toBe(true);
    expect(me.body.zones.map((z: { id: string }) => z.id)).toEqual([hejin]);
  });

  it('names every bad field, in Chinese by default and in English on request, and writes nothing', async () => {
    const users = await rowCount('users');
    const body = { username: 'a', displayName: '', password: 'short', role: 'project_officer', zoneIds: [] };
    const zh = await admin.call(userOperations.create, { body: body });
    expect(zh.status).toBe(400);
    const fields = Object.fromEntries(zh.body.details.fields.map((f: { field: string; reason: string }) => [f.field, f.reason]));
    expect(fields).toMatchObject({ username: expect.stringContaining('用户名'), displayName: '必填', password: '密码至少 8 位' });
    const en = await admin.call(userOperations.create, { body, headers: { 'accept-language': 'en-US' } });
    expect(en.body.details.fields.find((f: { field: string }) => f.field === 'password').reason).toBe('password must have at least 8 characters');
    const noZones = await admin.call(userOperations.create, {
      body: { username: 'nozones', displayName: '无', password: 'secret-123', role: 'viewer', zoneIds: [] },
    });
    expect(noZones.body.details.fields).toEqual([{ field: 'zoneIds', reason: '至少选择一个开发区' }]);
    const viewerNoRegion = await admin.call(userOperations.create, {
      body: { username: 'cityx', displayName: '市', password: 'secret-123', role: 'city_viewer' },
    });
    expect(viewerNoRegion.body.details.fields[0].field).toBe('regionCode');
    const wrongLevel = await admin.call(userOperations.create, {
      body: {
        username: 'cityx',
        displayName: '市',
        password: 'secret-123',
        role: 'city_viewer',
        regionCode: '140000',
      },
    });
    expect(wrongLevel.body.details.fields[0].field).toBe('regionCode');
    expect(await rowCount('users')).toBe(users);
  });

  it('refuses a duplicate username whatever its case', async () => {
    const res = await admin.call(userOperations.create, {
      body: { username: 'OFFICER', displayName: '重名', password: 'secret-123', role: 'viewer', zoneIds: [fendong] },
    });
    expect(res.status).toBe(409);
    expect(res.body.details.fields[0]).toMatchObject({ field: 'username' });
  });

  it('is for admins only', async () => {
    const leader = await ctx.login('leader');
    expect((await leader.call(userOperations.list)).status).toBe(403);
    expect(
      (await leader.call(userOperations.create, { body: { username: 'x1234', displayName: 'x', password: 'secret-123', role: 'viewer', zoneIds: [fendong] } }))
        .body.code,
    ).toBe('FORBIDDEN');
  });

  it('lists with search, role filter and pagination', async () => {
    const page = await admin.call(userOperations.list, { query: { pageSize: 5, page: 1 } });
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThanOrEqual(12);
    const leaders = await admin.call(userOperations.list, { query: { role: 'zone_leader' } });
    expect(leaders.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['hejin', 'leader']);
    const byName = await admin.call(userOperations.list, { query: { q: '李婷' } });
    expect(byName.body.items.map((u: { username: string }) => u.username)).toEqual(['officer']);
    const inHejin = await admin.call(userOperations.list, { query: { zoneId: hejin } });
    expect(inHejin.body.items.map((u: { username: string }) => u.username)).toContain('deputy');
  });

  it('refuses a stale version with 409 and keeps the first save', async () => {
    const created = (
      await admin.call(userOperations.create, { body: { username: 'conflict', displayName: '甲', password: 'secret-123', role: 'viewer', zoneIds: [fendong] } })
    ).body;
    const first = await admin.call(userOperations.update, { params: { id: created.id }, body: { version: created.version, displayName: '乙' } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.call(userOperations.update, { params: { id: created.id }, body: { version: created.version, displayName: '丙' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.message).toContain('已被他人修改');
    expect((await admin.call(userOperations.get, { params: { id: created.id } })).body.displayName).toBe('乙');
  });

  it('deactivating a user ends their sessions and blocks login; reset password does too', async () => {
    const created = (
      await admin.call(userOperations.create, { body: { username: 'leaver', displayName: '离职', password: 'secret-123', role: 'viewer', zoneIds: [fendong] } })
    ).body;
    const session = await ctx.login('leaver', 'secret-123');
    const off = await admin.call(userOperations.update, { params: { id: created.id }, body: { version: created.version, active: false } });
    expect(off.body.active).toBe(false);
    expect((await session.call(authOperations.me)).status).toBe(401);
    expect((await ctx.anon.call(authOperations.login, { body: { username: 'leaver', password: 'secret-123' } })).body.code).toBe('ACCOUNT_DISABLED');
    const on = await admin.call(userOperations.update, { params: { id: created.id }, body: { version: off.body.version, active: true } });
    const session2 = await ctx.login('leaver', 'secret-123');
    const reset = await admin.call(userOperations.resetPassword, { params: { id: created.id }, body: { version: on.body.version, password: 'another-456' } });
    expect(reset.status).toBe(200);
    expect((await session2.call(authOperations.me)).status).toBe(401);
    expect((await ctx.anon.call(authOperations.login, { body: { username: 'leaver', password: 'another-456' } })).status).toBe(200);
    const history = await admin.call(auditOperations.list, { query: { entityType: 'user', entityId: created.id } });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.deactivate', 'user.activate', 'user.password_reset']),
    );
  });

  it('an admin cannot deactivate themself', async () => {
    const me = (await admin.call(authOperations.me)).body.user;
    const self = (await admin.call(userOperations.get, { params: { id: me.id } })).body;
    const res = await admin.call(userOperations.update, { params: { id: me.id }, body: { version: self.version, active: false } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0].field).toBe('active');
  });

  it('a person record an import named becomes a login account: same row, its zones kept, audited, then it signs in', async () => {
    const person = demoId('user:person-yang');
    const records = await admin.call(userOperations.list, { query: { signsIn: 'false' } });
    expect(records.body.items.map((u: { id: string }) => u.id)).toContain(person);
    expect(records.body.items.every((u: { signsIn: boolean }) => !u.signsIn)).toBe(true);
    const before = (await admin.call(userOperations.get, { params: { id: person } })).body;
    expect(before.actions).toContain('grantLogin');
    expect(before.actions).not.toContain('resetPassword');
    // A person record has no login to reach, whatever name is tried.
    expect((await ctx.anon.call(authOperations.login, { body: { username: before.username, password: '!' } })).status).toBe(401);

    const taken = await admin.call(userOperations.grantLogin, { params: { id: person }, body: { version: before.version, username: 'Officer', password: 'yang-2026x' } });
    expect(taken.status, JSON.stringify(taken.body)).toBe(409);
    expect(taken.body.details.fields[0]).toMatchObject({ field: 'username' });
    const weak = await admin.call(userOperations.grantLogin, { params: { id: person }, body: { version: before.version, username: 'yang.zq', password: 'yang.zq' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details.fields[0].field).toBe('password');
    const stale = await admin.call(userOperations.grantLogin, { params: { id: person }, body: { version: before.version + 5, username: 'yang.zq', password: 'yang-2026x' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const granted = await admin.call(userOperations.grantLogin, {
      params: { id: person },
      body: { version: before.version, username: 'yang.zq', password: 'yang-2026x', role: 'deputy_leader' },
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body).toMatchObject({ id: person, username: 'yang.zq', signsIn: true, role: 'deputy_leader', zoneIds: [fendong], version: before.version + 1 });
    expect(granted.body.actions).toContain('resetPassword');
    expect(granted.body.actions).not.toContain('grantLogin');
    const again = await admin.call(userOperations.grantLogin, { params: { id: person }, body: { version: granted.body.version, username: 'yang.zq2', password: 'yang-2026y' } });
    expect(again.status).toBe(400);
    expect(again.body.details.fields[0]).toMatchObject({ field: 'username', reason: '已是登录账号，无需开通' });

    const session = await ctx.login('yang.zq', 'yang-2026x');
    const me = (await session.call(authOperations.me)).body;
    expect(me.user).toMatchObject({ id: person, mustChangePassword: true });
    const history = await admin.call(auditOperations.list, { query: { entityType: 'user', entityId: person } });
    const entry = history.body.items.find((e: { action: string }) => e.action === 'user.grant_login');
    expect(entry).toBeDefined();
    const [row] = await ctx.database.query<{ after: Record<string, unknown> }>(`select after from audit_log where entity_id = $1 and action = 'user.grant_login'`, [person]);
    expect(row.after).toMatchObject({ username: 'yang.zq', signsIn: true });
    expect(row.after).not.toHaveProperty('passwordHash');
  });
});

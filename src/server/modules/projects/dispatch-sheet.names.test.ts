/**
 * Issue 11 item 6 on the 重点项目调度表, on the real database: the names a sheet gives that the zone does
 * not know are listed once each with their best matches; an investor is created, mapped to an
 * enterprise found in the directory, or left unlinked; a 包联领导 or 责任人 is created as a person
 * record — never a login account — or mapped; the choices are remembered, and undo removes what
 * the import created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOperations } from '../../../contract/auth.ts';
import { importOperations, type ImportSummary } from '../../../contract/imports.ts';
import { userOperations } from '../../../contract/users.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { buildEnterprise } from '../enterprises/enterprises.factories.ts';
import { fendong, lastMonth } from './projects.factories.ts';

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
});
afterAll(() => ctx.close());

const header = ['项目名称', '建设单位', '总投资（万元）', '责任单位', '包联领导', '责任人'];
const upload = async (rows: unknown[][]) => {
  const res = await uploadXlsx(ctx, officer, `/api/imports?kind=project-dispatch&zoneId=${fendong}&period=${lastMonth().start}`, await buildXlsx(header, rows));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const choose = (id: string, choices: { field: string; text: string; action: 'create' | 'map' | 'blank'; targetId?: string }[]) =>
  officer.call(importOperations.names, { params: { id }, body: { choices } });
const nameOf = (body: { names: ImportSummary['names'] }, field: string, text: string) => body.names.find((n) => n.field === field && n.text === text);

describe('names the zone does not know', () => {
  it('an investor no enterprise matches: listed with the enterprises most like it, mapped to one of them (remembered), or left unlinked', async () => {
    const admin = await ctx.login('admin');
    const near = await buildEnterprise(admin, { name: '运城铭诚微电子科技有限公司' });
    const unrelated = await buildEnterprise(admin, { name: '晋南重型机械有限公司' });

    const staged = await upload([
      ['名称测试项目一', '铭诚微电', 8000, null, null, null],
      ['名称测试项目二', '完全陌生的新材料有限公司', 3000, null, null, null],
    ]);
    expect(staged.nameActions.investor).toEqual(['create', 'map', 'blank']);
    expect(staged.nameSearch).toEqual({ investor: 'enterprises' });
    const listed = nameOf(staged, 'investor', '铭诚微电');
    expect(listed).toMatchObject({ resolution: 'create' });
    expect(listed!.candidates?.[0]).toEqual({ id: near.id, name: '运城铭诚微电子科技有限公司' });
    expect(listed!.candidates?.some((c) => c.id === unrelated.id)).toBe(false);
    expect(staged.plan.enterprisesCreated).toBe(2);

    // An id that is no enterprise is refused on its field; nothing is remembered.
    const wrong = await choose(staged.id, [{ field: 'investor', text: '铭诚微电', action: 'map', targetId: '00000000-0000-4000-8000-000000000000' }]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields).toEqual([{ field: 'choices.0.targetId', reason: expect.any(String) }]);

    const chosen = await choose(staged.id, [
      { field: 'investor', text: '铭诚微电', action: 'map', targetId: near.id },
      { field: 'investor', text: '完全陌生的新材料有限公司', action: 'blank' },
    ]);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(nameOf(chosen.body, 'investor', '铭诚微电')).toMatchObject({ resolution: 'map', matchName: '运城铭诚微电子科技有限公司', targetId: near.id, chosen: true });
    expect(nameOf(chosen.body, 'investor', '完全陌生的新材料有限公司')).toMatchObject({ resolution: 'blank', chosen: true });
    expect(chosen.body.plan.enterprisesCreated ?? 0).toBe(0);

    const enterprisesBefore = await ctx.rowCount('enterprises');
    const done = await officer.call(importOperations.commit, { params: { id: staged.id }, body: { mode: 'all' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await ctx.rowCount('enterprises')).toBe(enterprisesBefore);
    const projects = await ctx.database.query<{ name: string; investor_enterprise_id: string | null }>(
      `select name, investor_enterprise_id from projects where zone_id = $1 and name in ('名称测试项目一', '名称测试项目二') order by name = '名称测试项目二'`,
      [fendong],
    );
    expect(projects).toEqual([
      { name: '名称测试项目一', investor_enterprise_id: near.id },
      { name: '名称测试项目二', investor_enterprise_id: null },
    ]);
    // The unlinked investor is kept as written in the project's audit entry.
    const [entry] = await ctx.database.query<{ after: { id: string; name: string; investorEnterpriseId: string | null; reports: unknown[]; annualPlanYuan: unknown; namesAsWritten?: { field: string; text: string }[] } }>(
      `select a.after from audit_log a join projects p on p.id::text = a.entity_id where p.name = '名称测试项目二' and a.action = 'project.create'`,
    );
    expect(entry.after.namesAsWritten).toEqual([{ field: 'investor', text: '完全陌生的新材料有限公司' }]);
    // The entry holds what was written: the project's fields and its reports (one per figure the row gives).
    const written = await ctx.database.query<{ n: number }>(`select count(*)::int as n from progress_reports r join projects p on p.id = r.project_id where p.name = '名称测试项目二'`);
    expect(entry.after).toMatchObject({ name: '名称测试项目二', investorEnterpriseId: null, annualPlanYuan: null });
    expect(entry.after.reports).toHaveLength(Number(written[0].n));

    // The next sheet naming them follows the choices.
    const next = await upload([['名称测试项目三', '铭诚微电', 100, null, null, null]]);
    expect(nameOf(next, 'investor', '铭诚微电')).toMatchObject({ resolution: 'map', targetId: near.id, chosen: true });
    expect(next.plan.enterprisesCreated ?? 0).toBe(0);
    await officer.call(importOperations.discard, { params: { id: next.id } });
  });

  it('a 包联领导 the zone does not know: created as a person record that can never sign in, linked, matched by name next time, and removed by undo', async () => {
    const staged = await upload([
      ['名称测试项目四', null, 5000, null, '新任领导甲', '新任领导甲'],
      ['名称测试项目五', null, 2000, null, '新任领导甲', null],
    ]);
    expect(staged.nameActions.leader).toEqual(['create', 'map', 'blank']);
    expect(nameOf(staged, 'leader', '新任领导甲')).toMatchObject({ resolution: 'text', rows: 2 });

    const chosen = await choose(staged.id, [
      { field: 'leader', text: '新任领导甲', action: 'create' },
      { field: 'officer', text: '新任领导甲', action: 'create' },
    ]);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(nameOf(chosen.body, 'leader', '新任领导甲')).toMatchObject({ resolution: 'create', chosen: true });
    // One person, whichever columns name them.
    expect(chosen.body.plan.peopleCreated).toBe(1);

    const done = await officer.call(importOperations.commit, { params: { id: staged.id }, body: { mode: 'all' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.committed).toMatchObject({ peopleCreated: 1 });
    const people = await ctx.database.query<{ id: string; username: string; signs_in: boolean; password_hash: string; zone_id: string }>(
      `select u.id, u.username, u.signs_in, u.password_hash, uz.zone_id from users u join user_zones uz on uz.user_id = u.id where u.display_name = '新任领导甲'`,
    );
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ signs_in: false, zone_id: fendong });
    const person = people[0];
    const linked = await ctx.database.query<{ name: string; leader_user_id: string; officer_user_id: string | null }>(
      `select name, leader_user_id, officer_user_id from projects where name in ('名称测试项目四', '名称测试项目五')`,
    );
    expect(linked.sort((a, b) => (a.name === '名称测试项目四' ? -1 : b.name === '名称测试项目四' ? 1 : 0))).toEqual([
      { name: '名称测试项目四', leader_user_id: person.id, officer_user_id: person.id },
      { name: '名称测试项目五', leader_user_id: person.id, officer_user_id: null },
    ]);

    // Never a login account: its username with any password is the unknown name's answer, and no password can be set.
    for (const password of ['', '!', 'zonedesk', 'a long passphrase 2026']) {
      const login = await ctx.anon.call(authOperations.login, { body: { username: person.username, password } });
      expect(login.status).not.toBe(200);
    }
    const admin = await ctx.login('admin');
    const shown = await admin.call(userOperations.get, { params: { id: person.id } });
    expect(shown.body).toMatchObject({ signsIn: false, displayName: '新任领导甲' });
    const reset = await admin.call(userOperations.resetPassword, { params: { id: person.id }, body: { version: shown.body.version, password: 'Strong passphrase 2026!' } });
    expect(reset.status).toBe(400);
    expect(reset.body.details.fields).toEqual([{ field: 'password', reason: '这是人员记录（由导入建立的包联领导或责任人），不是登录账号，不能设置密码' }]);

    // The next sheet finds the person by name: nothing is listed for them.
    const next = await upload([['名称测试项目六', null, 100, null, '新任领导甲', null]]);
    expect(nameOf(next, 'leader', '新任领导甲')).toBeUndefined();
    await officer.call(importOperations.discard, { params: { id: next.id } });

    // Undo removes the projects and the person the import created.
    const undone = await officer.call(importOperations.undo, { params: { id: staged.id } });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await ctx.rowCount('users', `where id = '${person.id}'`)).toBe(0);
    expect(await ctx.rowCount('user_zones', `where user_id = '${person.id}'`)).toBe(0);
  });

  it('a 责任单位 or person near one the zone has lists it as the best match', async () => {
    const [department] = await ctx.database.query<{ id: string; name: string }>(`select id, name from departments where zone_id = $1 order by length(name) desc, name limit 1`, [fendong]);
    const [user] = await ctx.database.query<{ id: string; display_name: string }>(
      `select u.id, u.display_name from users u join user_zones uz on uz.user_id = u.id where uz.zone_id = $1 and char_length(u.display_name) = 2 order by u.display_name limit 1`,
      [fendong],
    );
    // A shortened department name (its last characters dropped) and a person's name with one character more.
    const shortened = department.name.slice(0, -1) + '室外';
    const longer = `${user.display_name}华`;
    const staged = await upload([['名称测试项目七', null, 100, shortened, longer, null]]);
    const dept = nameOf(staged, 'department', shortened);
    expect(dept?.resolution).toBe('create');
    expect(dept?.candidates?.[0]).toEqual({ id: department.id, name: department.name });
    expect(nameOf(staged, 'leader', longer)?.candidates?.[0]).toEqual({ id: user.id, name: user.display_name });
    await officer.call(importOperations.discard, { params: { id: staged.id } });
  });
});

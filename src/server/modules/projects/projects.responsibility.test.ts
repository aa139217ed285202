/**
 * Issue 10 items 4 and 9: a 省/市重点 project must name its 包联领导 (a leader of the zone), 责任单位
 * and 责任人, else it is yellow with the reason; every change of the stored flag is kept in its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { projectCoreOperations } from '../../../contract/projects.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildProject, daysAgo } from './projects.factories.ts';

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);
const footprint = async () => ({ projects: await count('projects'), flagEvents: await count('project_flag_events'), audit: await count('audit_log') });
const fieldsOf = (res: { body: { details?: { fields?: { field: string; reason: string }[] } } }) =>
  (res.body.details?.fields ?? []).map((f) => `${f.field}:${f.reason}`).sort();

async function createProject(overrides: Record<string, unknown> = {}) {
  const res = await officer.post('/api/projects', buildProject(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const history = async (id: string, c: Client = officer) => (await c.call(projectCoreOperations.flagHistory, { params: { id } })).body.items;
/** The zh-CN texts of the reasons (the answer carries the caller's language). */
const leaderRole = 'leaderUserId:包联领导须为本开发区的主要领导或分管领导';
const notInZone = 'leaderUserId:该人员不存在或不负责本开发区';

describe('responsibility of key projects (item 4)', () => {
  it('a 省重点 project without its 包联领导 and 责任单位 is yellow, naming what is missing; once named it is green', async () => {
    const p = await createProject({ level: 'province', leaderUserId: null, departmentId: null });
    expect(p.flag).toBe('yellow');
    expect(p.flagReasons).toEqual([{ code: 'responsibility_missing', level: 'yellow', missing: ['leaderUserId', 'departmentId'] }]);
    const cityNoOfficer = await createProject({ level: 'city', officerUserId: null });
    expect(cityNoOfficer.flagReasons).toEqual([{ code: 'responsibility_missing', level: 'yellow', missing: ['officerUserId'] }]);
    // Not a key project: nothing is required.
    const county = await createProject({ level: 'county', leaderUserId: null, departmentId: null, officerUserId: null });
    expect(county.flag).toBe('green');

    const named = await officer.patch(`/api/projects/${p.id}`, {
      version: p.version,
      leaderUserId: demoId('user:deputy'),
      departmentId: demoId('dept:fendong:project'),
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body).toMatchObject({ flag: 'green', flagReasons: [] });
    // Downgraded to 县重点 after losing its leader: green; back to 市重点: yellow again.
    const county2 = await officer.patch(`/api/projects/${p.id}`, { version: named.body.version, level: 'county', leaderUserId: null });
    expect(county2.body.flag).toBe('green');
    const city = await officer.patch(`/api/projects/${p.id}`, { version: county2.body.version, level: 'city' });
    expect(city.body).toMatchObject({ flag: 'yellow', flagReasons: [{ code: 'responsibility_missing', missing: ['leaderUserId'] }] });
  });

  it('red rules are unchanged: an overdue node keeps a key project without a leader red, with both reasons', async () => {
    const p = await createProject({ level: 'province', leaderUserId: null });
    const items = p.milestones.map((m: { id: string; version: number; name: string }, i: number) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      plannedOn: i === 0 ? daysAgo(40) : daysAgo(-30 * (i + 1)),
    }));
    const planned = await officer.request('PUT', `/api/projects/${p.id}/milestones`, { items });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body.flag).toBe('red');
    expect(planned.body.flagReasons.map((r: { code: string; level: string }) => `${r.code}:${r.level}`)).toEqual([
      'milestone_overdue:red',
      'responsibility_missing:yellow',
    ]);
  });

  it('the 包联领导 must be a leader covering the zone: a viewer or an officer is refused with a field reason, writing nothing', async () => {
    const before = await footprint();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ leaderUserId: demoId('user:viewer') }, [leaderRole]],
      [{ leaderUserId: demoId('user:projects') }, [leaderRole]],
      [{ leaderUserId: demoId('user:hejin') }, [notInZone]],
    ];
    for (const [overrides, fields] of cases) {
      const res = await officer.post('/api/projects', buildProject(overrides));
      expect({ overrides, status: res.status, fields: fieldsOf(res) }).toEqual({ overrides, status: 400, fields });
    }
    const p = await createProject({ level: 'province' });
    const mid = await footprint();
    const refused = await officer.patch(`/api/projects/${p.id}`, { version: p.version, leaderUserId: demoId('user:viewer') });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual([leaderRole]);
    expect(await footprint()).toEqual(mid);
    expect(mid.projects).toBe(before.projects + 1);
    // The zone leader, a deputy covering the zone and an administrator are accepted.
    for (const leader of ['leader', 'deputy', 'admin']) await createProject({ leaderUserId: demoId(`user:${leader}`) });
  });

  it('the refusal reads in the caller language', async () => {
    const zh = await officer.request('POST', '/api/projects', buildProject({ leaderUserId: demoId('user:viewer') }), { 'accept-language': 'zh-CN' });
    const en = await officer.request('POST', '/api/projects', buildProject({ leaderUserId: demoId('user:viewer') }), { 'accept-language': 'en-US' });
    expect(JSON.stringify(zh.body)).toContain('包联领导须为本开发区的主要领导或分管领导');
    expect(JSON.stringify(en.body)).toContain('zone leader or deputy leader');
  });
});

describe('flag history (item 9)', () => {
  it('records the first flag and every change with its reasons and day, newest first; an edit that keeps the flag adds nothing', async () => {
    const p = await createProject();
    expect(p.flag).toBe('green');
    expect(await history(p.id)).toMatchObject([{ fromFlag: null, toFlag: 'green', reasons: [] }]);

    const renamed = await officer.patch(`/api/projects/${p.id}`, { version: p.version, name: `${p.name}（改）` });
    expect(await history(p.id)).toHaveLength(1);

    const items = renamed.body.milestones.map((m: { id: string; version: number; name: string }, i: number) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      plannedOn: i === 0 ? daysAgo(40) : daysAgo(-30 * (i + 1)),
    }));
    const red = await officer.request('PUT', `/api/projects/${p.id}/milestones`, { items });
    expect(red.body.flag).toBe('red');
    const afterRed = await history(p.id);
    expect(afterRed).toHaveLength(2);
    expect(afterRed[0]).toMatchObject({ fromFlag: 'green', toFlag: 'red', reasons: [{ code: 'milestone_overdue', level: 'red', days: 40 }] });
    expect(afterRed[0].on).toBe(daysAgo(0));

    const yellow = await officer.patch(`/api/projects/${p.id}`, { version: red.body.version, level: 'province', officerUserId: null });
    expect(yellow.body.flag).toBe('red');
    expect(await history(p.id)).toHaveLength(2);
    const done = yellow.body.milestones.map((m: { id: string; version: number; name: string; plannedOn: string }, i: number) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      plannedOn: m.plannedOn,
      actualOn: i === 0 ? daysAgo(5) : null,
    }));
    const cleared = await officer.request('PUT', `/api/projects/${p.id}/milestones`, { items: done });
    expect(cleared.body.flag).toBe('yellow');
    expect((await history(p.id)).map((e) => `${e.fromFlag}>${e.toFlag}`)).toEqual(['red>yellow', 'green>red', 'null>green']);
    expect((await history(p.id))[0].reasons).toEqual([{ code: 'responsibility_missing', level: 'yellow', missing: ['officerUserId'] }]);
  });

  it('is zone-scoped: outside the caller zones the project is not found', async () => {
    const p = await createProject();
    const hejin = await ctx.login('hejin');
    const res = await hejin.get(`/api/projects/${p.id}/flag-history`);
    expect(res.status).toBe(404);
    const zones = await ctx.database.query<{ zone_id: string }>(`select distinct zone_id from project_flag_events where project_id = $1`, [p.id]);
    expect(zones).toEqual([{ zone_id: p.zoneId }]);
  });
});

describe('责任人 and 专班 as people (item 4)', () => {
  const roleReason = '须为本开发区在岗工作人员（只读查看账号不能担任）';
  const team = async (id: string) => (await officer.get(`/api/projects/${id}`)).body.taskForceMembers.map((m: { name: string }) => m.name);

  it('the 专班 is a team of the zone users, in order, replaced as a whole; the 责任人 must be a working user', async () => {
    const p = await createProject({ taskForce: '氢能专班', taskForceUserIds: [demoId('user:projects'), demoId('user:agent')] });
    expect(p.taskForce).toBe('氢能专班');
    expect(p.taskForceMembers).toEqual([
      { id: demoId('user:projects'), name: '王磊', role: 'project_officer' },
      { id: demoId('user:agent'), name: '陈静', role: 'approval_agent' },
    ]);
    const changed = await officer.patch(`/api/projects/${p.id}`, { version: p.version, taskForceUserIds: [demoId('user:service')] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await team(p.id)).toEqual(['孙浩']);
    // An edit that does not name the team keeps it.
    const renamed = await officer.patch(`/api/projects/${p.id}`, { version: changed.body.version, name: `${p.name}（一期）` });
    expect(renamed.body.taskForceMembers).toHaveLength(1);
    const audit = await ctx.database.query<{ before: { taskForceUserIds?: string[] }; after: { taskForceUserIds?: string[] } }>(
      `select before, after from audit_log where entity_id = $1 and action = 'project.update' order by at`,
      [p.id],
    );
    expect(audit[0].before.taskForceUserIds).toEqual([demoId('user:projects'), demoId('user:agent')]);
    expect(audit[0].after.taskForceUserIds).toEqual([demoId('user:service')]);
  });

  it('refuses a read-only account or another zone as 责任人 or 专班 member, and a member twice, writing nothing', async () => {
    const p = await createProject({ taskForceUserIds: [demoId('user:projects')] });
    const before = { ...(await footprint()), members: await count('project_task_force_members') };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ officerUserId: demoId('user:viewer') }, [`officerUserId:${roleReason}`]],
      [{ officerUserId: demoId('user:hejin') }, ['officerUserId:该人员不存在或不负责本开发区']],
      [
        { taskForceUserIds: [demoId('user:agent'), demoId('user:viewer'), demoId('user:gaoxin'), demoId('user:agent')] },
        [`taskForceUserIds.1:${roleReason}`, 'taskForceUserIds.2:该人员不存在或不负责本开发区', 'taskForceUserIds.3:专班成员重复'],
      ],
    ];
    for (const [overrides, fields] of cases) {
      const created = await officer.post('/api/projects', buildProject(overrides));
      expect({ overrides, status: created.status, fields: fieldsOf(created) }).toEqual({ overrides, status: 400, fields });
      const updated = await officer.patch(`/api/projects/${p.id}`, { version: p.version, ...overrides });
      expect({ overrides, status: updated.status, fields: fieldsOf(updated) }).toEqual({ overrides, status: 400, fields });
    }
    expect({ ...(await footprint()), members: await count('project_task_force_members') }).toEqual(before);
    expect(await team(p.id)).toEqual(['王磊']);
    const en = await officer.request('POST', '/api/projects', buildProject({ officerUserId: demoId('user:viewer') }), { 'accept-language': 'en-US' });
    expect(JSON.stringify(en.body)).toContain('a read-only account cannot');
  });
});

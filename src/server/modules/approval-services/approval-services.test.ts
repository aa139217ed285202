import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalServiceOperations as op } from '../../../contract/services/approval-services.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');

describe('approval services (承诺制 + 全代办 over 赋权事项)', () => {
  let ctx: TestContext;
  let agent: Client;
  let viewer: Client;
  let hejinLeader: Client;
  const projectApproval = async (project: string, name: string) =>
    (
      await ctx.database.query<{ id: string; filed_on: string | null; granted_on: string | null; agent_user_id: string | null }>(
        `select id, filed_on::text, granted_on::text, agent_user_id from project_approvals where project_id = $1 and name = $2`,
        [project.includes('-') && project.length === 36 ? project : demoId(`project:${project}`), name],
      )
    )[0];

  beforeAll(async () => {
    ctx = await createTestContext();
    [agent, viewer, hejinLeader] = await Promise.all([ctx.login('agent'), ctx.login('viewer'), ctx.login('hejin')]);
  });
  afterAll(() => ctx.close());

  it('the catalogue: promised days above statutory refused; 157 items import, a bad row reported by field', async () => {
    const bad = await agent.call(op.createItem, { body: { zoneId: fendong, name: '测试事项', department: '市商务局', statutoryDays: 5, promisedDays: 6 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toEqual([{ field: 'promisedDays', reason: '承诺时限不能超过法定时限' }]);
    expect((await viewer.call(op.createItem, { body: { zoneId: fendong, name: '测试事项', department: '市商务局' } })).status).toBe(403);

    const rows = Array.from({ length: 157 }, (_, i) => [
      `FD-${String(i + 1).padStart(3, '0')}`,
      `赋权事项第${i + 1}项`,
      ['市发展改革委', '市自然资源局', '市住房和城乡建设局'][i % 3],
      20,
      5,
    ]);
    rows.push(['FD-158', '承诺超法定事项', '市水利局', 5, 10]);
    const file = await buildXlsx(['事项编码', '事项名称', '下放部门', '法定时限（工作日）', '承诺时限（工作日）'], rows);
    const before = await ctx.rowCount('delegated_items');
    const staged = await uploadXlsx(ctx, agent, '/api/imports?kind=delegated-items', file);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ totalRows: 158, validRows: 157 });
    expect(staged.body.errors).toEqual([{ row: 159, column: '承诺时限（工作日）', reason: '承诺时限不能超过法定时限' }]);
    expect((await agent.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' })).status).toBe(400);
    expect(await ctx.rowCount('delegated_items')).toBe(before);
    const done = await agent.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' });
    expect(done.body.committed).toMatchObject({ itemsCreated: 157, itemsUpdated: 0 });
    const list = await agent.call(op.listItems, { query: { zoneId: fendong, q: '赋权事项第' } });
    expect(list.body).toHaveLength(157);
  });

  it('a 全代办 case updates the project’s approval item: agent at acceptance, filed and granted with the case; steps out of order refused', async () => {
    const item = (await agent.call(op.listItems, { query: { zoneId: fendong, q: '环境影响' } })).body[0];
    // An item of the checklist not filed yet (the seed has filed the early ones of projects past 供地).
    const [open] = await ctx.database.query<{ name: string; project_id: string }>(
      `select name, project_id from project_approvals a where zone_id = $1 and filed_on is null
         and not exists (select 1 from approval_cases c where c.project_approval_id = a.id) order by project_id, sort_order limit 1`,
      [fendong],
    );
    const approval = await projectApproval(open.project_id, open.name);
    const created = await agent.call(op.createCase, {
      body: {
        zoneId: fendong,
        itemId: item.id,
        mode: 'full_agency',
        applicant: '山西润康生物医药有限公司',
        projectId: open.project_id,
        projectApprovalId: approval.id,
        agentUserId: demoId('user:agent'),
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ step: 'accepted', acceptedOn: testToday, open: true, projectApprovalName: open.name, agentName: '陈静' });
    expect(created.body.workdaysLeft).toBe(item.promisedDays);
    expect((await projectApproval(open.project_id, open.name)).agent_user_id).toBe(demoId('user:agent'));
    // The same checklist item cannot get a second case.
    const twice = await agent.call(op.createCase, {
      body: {
        zoneId: fendong,
        itemId: item.id,
        mode: 'full_agency',
        applicant: '润康',
        projectId: open.project_id,
        projectApprovalId: approval.id,
        agentUserId: demoId('user:agent'),
      },
    });
    expect(twice.body.details.fields).toEqual([{ field: 'projectApprovalId', reason: '该审批事项已有办件' }]);

    const id = created.body.id;
    const skip = await agent.call(op.advanceCase, { params: { id }, body: { version: created.body.version, step: 'filed' } });
    expect(skip.status).toBe(400);
    expect(skip.body.details.fields).toEqual([{ field: 'step', reason: '办理步骤须按 受理→材料齐全→报件→办结 顺序推进' }]);
    expect((await projectApproval(open.project_id, open.name)).filed_on).toBeNull();

    let c = (await agent.call(op.advanceCase, { params: { id }, body: { version: created.body.version, step: 'materials_ready' } })).body;
    c = (await agent.call(op.advanceCase, { params: { id }, body: { version: c.version, step: 'filed' } })).body;
    expect(c).toMatchObject({ step: 'filed', filedOn: testToday });
    expect(await projectApproval(open.project_id, open.name)).toMatchObject({ filed_on: testToday, granted_on: null });
    expect((await agent.call(op.advanceCase, { params: { id }, body: { version: created.body.version, step: 'granted' } })).status).toBe(409);
    c = (await agent.call(op.advanceCase, { params: { id }, body: { version: c.version, step: 'granted' } })).body;
    expect(c).toMatchObject({ step: 'granted', open: false, overdue: false, workdaysLeft: null });
    expect(await projectApproval(open.project_id, open.name)).toMatchObject({ filed_on: testToday, granted_on: testToday });
    const closed = await agent.call(op.advanceCase, { params: { id }, body: { version: c.version, step: 'granted' } });
    expect(closed.body.details.fields).toEqual([{ field: 'step', reason: '该办件已办结' }]);
    const audit = await ctx.database.query<{ action: string }>(`select action from audit_log where entity_id in ($1, $2) order by at, action`, [
      id,
      open.project_id,
    ]);
    expect(audit.filter((a) => a.action === 'approval_case.step')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'project.approvals').length).toBeGreaterThanOrEqual(3);
    expect((await hejinLeader.call(op.advanceCase, { params: { id }, body: { version: c.version, step: 'granted' } })).status).toBe(404);
  });

  it('the clock runs on the official calendar: 5 working days from 2025-09-30 skip 国庆 and count the 调休 Saturday', async () => {
    const item = await agent.call(op.createItem, {
      body: { zoneId: fendong, name: '日历测试事项', department: '市商务局', statutoryDays: 10, promisedDays: 5 },
    });
    const c = await agent.call(op.createCase, {
      body: {
        zoneId: fendong,
        itemId: item.body.id,
        mode: 'full_agency',
        applicant: '日历测试企业',
        agentUserId: demoId('user:agent'),
        acceptedOn: '2025-09-30',
      },
    });
    expect(c.body).toMatchObject({ dueOn: '2025-10-14', overdue: true });
    expect(c.body.workdaysLeft).toBeLessThan(0);
    const noAgent = await agent.call(op.createCase, {
      body: { zoneId: fendong, itemId: item.body.id, mode: 'full_agency', applicant: '无代办员', agentUserId: null },
    });
    expect(noAgent.body.details.fields).toEqual([{ field: 'agentUserId', reason: '全代办须指定代办员' }]);
  });

  it('承诺制: the promise files and grants the checklist item at once; 核查 needs its result', async () => {
    const item = (await agent.call(op.listItems, { query: { zoneId: fendong, q: '节能审查' } })).body[0];
    const approval = await projectApproval('hydrogen-park', '节能审查');
    const c = await agent.call(op.createCase, {
      body: {
        zoneId: fendong,
        itemId: item.id,
        mode: 'promise',
        applicant: '山西汾东氢能装备有限公司',
        projectId: demoId('project:hydrogen-park'),
        projectApprovalId: approval.id,
      },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({ step: 'promised', promiseSignedOn: testToday });
    expect(await projectApproval('hydrogen-park', '节能审查')).toMatchObject({ filed_on: testToday, granted_on: testToday });
    const wrong = await agent.call(op.advanceCase, { params: { id: c.body.id }, body: { version: c.body.version, step: 'filed' } });
    expect(wrong.body.details.fields).toEqual([{ field: 'step', reason: '该操作不适用于此办理方式' }]);
    const noResult = await agent.call(op.advanceCase, { params: { id: c.body.id }, body: { version: c.body.version, step: 'inspected' } });
    expect(noResult.body.details.fields).toEqual([{ field: 'inspectionResult', reason: '请填写核查结果' }]);
    const ok = await agent.call(op.advanceCase, {
      params: { id: c.body.id },
      body: { version: c.body.version, step: 'inspected', inspectionResult: 'passed' },
    });
    expect(ok.body).toMatchObject({ step: 'inspected', inspectionResult: 'passed', open: false });
    const rated = await agent.call(op.updateCase, { params: { id: c.body.id }, body: { version: ok.body.version, satisfaction: 5 } });
    expect(rated.body.satisfaction).toBe(5);
  });

  it('the agent’s worklist: open cases most urgent first; the overdue one escalated to the project’s 包联领导 with a notice', async () => {
    const list = await agent.call(op.worklist);
    expect(list.status).toBe(200);
    expect(list.body.every((c) => c.open)).toBe(true);
    const overdue = list.body.find((c) => c.id === demoId('approval-case:fendong:runkang-drawing'))!;
    expect(overdue).toMatchObject({ overdue: true, level: 'leader', ownerName: '刘卫东' });
    expect(overdue.workdaysLeft).toBe(-3);
    expect(list.body[0].workdaysLeft).toBeLessThanOrEqual(list.body[list.body.length - 1].workdaysLeft ?? 0);
    expect(await ctx.rowCount('notifications', `where kind = 'approval_case.escalated' and user_id = '${demoId('user:deputy')}'`)).toBe(1);
    // A second read escalates nothing more.
    await agent.call(op.listCases, { query: { overdue: 'true' } });
    expect(await ctx.rowCount('audit_log', `where action = 'approval_case.escalate' and entity_id = '${overdue.id}'`)).toBe(1);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundingOperations as op } from '../../../contract/services/funding.ts';
import { addDays } from '../../../contract/periods.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const year = Number(testToday.slice(0, 4));

describe('funding (向上争取资金)', () => {
  let ctx: TestContext;
  let service: Client;
  let viewer: Client;
  let hejinLeader: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
    [service, viewer, hejinLeader] = await Promise.all([ctx.login('service'), ctx.login('viewer'), ctx.login('hejin')]);
  });
  afterAll(() => ctx.close());

  it('the demo summary of 汾东 is computed from the records: 储备 12，申报 5，对接 20', async () => {
    const res = await service.call(op.summary, { query: { zoneId: fendong } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reserve: 12, applied: 5, contacts: 20, grantedYuan: 95_000_000 });
    expect(res.body.text).toBe('储备 12 个，申报 5 个，对接 20 次，争取资金 9500 万元');
    const en = await service.call(op.summary, { query: { zoneId: fendong }, headers: { 'accept-language': 'en-US' } });
    expect(en.body.text).toContain('Reserve 12, applied 5, contacts 20');
    // By status and by programme add up to the same figures.
    expect(res.body.byStatus.reduce((n, s) => n + (s.status === 'planning' ? 0 : s.count), 0)).toBe(5);
    expect(res.body.byProgramme.reduce((n, p) => n + p.grantedYuan, 0)).toBe(95_000_000);
    const bond = res.body.byProgramme.find((p) => p.name === '地方政府专项债券项目')!;
    expect(bond).toMatchObject({ applied: 1, grantedYuan: 60_000_000, reserve: 4, contacts: 3 });
    // Filtered by status: only the applications of that status count.
    const approved = await service.call(op.summary, { query: { zoneId: fendong, status: 'approved' } });
    expect(approved.body).toMatchObject({ applied: 2, grantedYuan: 80_000_000 });
  });

  it('another zone sees none of it, and 汾东 records are 404 to 河津', async () => {
    const res = await hejinLeader.call(op.summary, { query: {} });
    expect(res.body).toMatchObject({ reserve: 1, applied: 0, contacts: 1 });
    const apps = await service.call(op.listApplications, { query: { zoneId: fendong } });
    const one = apps.body[0];
    const refused = await hejinLeader.call(op.updateApplication, { params: { id: one.id }, body: { version: one.version, note: 'x' } });
    expect(refused.status).toBe(404);
    const list = await hejinLeader.call(op.listReserve, { query: {} });
    expect(list.body.every((r) => r.zoneId === hejin)).toBe(true);
  });

  it('a programme whose deadline is before its window opens is refused, field-level, nothing written', async () => {
    const before = await ctx.rowCount('funding_programmes');
    const res = await service.call(op.createProgramme, {
      body: {
        zoneId: fendong,
        year,
        level: 'province',
        kind: 'other',
        department: '省商务厅',
        name: '外贸发展专项',
        opensOn: testToday,
        deadlineOn: addDays(testToday, -1),
      },
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([{ field: 'deadlineOn', reason: 'the deadline cannot be before the window opens' }]);
    expect(await ctx.rowCount('funding_programmes')).toBe(before);
    const viewerTry = await viewer.call(op.createProgramme, {
      body: { zoneId: fendong, year, level: 'province', kind: 'other', department: '省商务厅', name: '外贸发展专项' },
    });
    expect(viewerTry.status).toBe(403);
    expect(await ctx.rowCount('funding_programmes')).toBe(before);
  });

  it('reserve → application → 申报 … 下达: one step at a time, granted never above asked, stale versions refused', async () => {
    const programme = await service.call(op.createProgramme, {
      body: {
        zoneId: fendong,
        year,
        level: 'city',
        kind: 'tech_upgrade',
        department: '运城市商务局',
        name: '测试专项资金',
        opensOn: addDays(testToday, -10),
        deadlineOn: addDays(testToday, 30),
        typicalAmountWan: 500,
      },
    });
    expect(programme.status).toBe(201);
    expect(programme.body.typicalAmountYuan).toBe(5_000_000);
    // An existing project enters the reserve under its own name; twice is refused.
    const project = demoId('project:cold-chain');
    const entry = await service.call(op.createReserve, {
      body: { zoneId: fendong, projectId: project, programmeIds: [programme.body.id], feasibilityDone: true },
    });
    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({ name: '汾东冷链物流中心项目', readiness: 1, programmes: [{ id: programme.body.id }] });
    expect((await service.call(op.createReserve, { body: { zoneId: fendong, projectId: project } })).status).toBe(409);
    // Another zone's programme is an unknown programme here.
    const foreign = await service.call(op.createReserve, {
      body: { zoneId: fendong, name: '测试储备项目', programmeIds: [demoId('funding-programme:hejin')] },
    });
    expect(foreign.body.details.fields).toEqual([{ field: 'programmeIds.0', reason: '资金项目不存在或不属于该开发区' }]);

    const app = await service.call(op.createApplication, { body: { reserveId: entry.body.id, programmeId: programme.body.id, askedWan: 300 } });
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({ status: 'planning', askedYuan: 3_000_000, grantedYuan: null });
    const id = app.body.id;

    const skip = await service.call(op.updateApplication, { params: { id }, body: { version: app.body.version, status: 'approved', grantedWan: 100 } });
    expect(skip.status).toBe(400);
    expect(skip.body.details.fields).toContainEqual({ field: 'status', reason: '状态只能按 谋划→申报→评审→下达→拨付 逐步推进' });

    let current = (await service.call(op.updateApplication, { params: { id }, body: { version: app.body.version, status: 'submitted' } })).body;
    expect(current).toMatchObject({ status: 'submitted', submittedOn: testToday });
    current = (await service.call(op.updateApplication, { params: { id }, body: { version: current.version, status: 'review' } })).body;

    const over = await service.call(op.updateApplication, { params: { id }, body: { version: current.version, status: 'approved', grantedWan: 301 } });
    expect(over.status).toBe(400);
    expect(over.body.details.fields).toEqual([{ field: 'grantedWan', reason: '下达资金不能超过申请金额' }]);
    const unchanged = (await service.call(op.listApplications, { query: { zoneId: fendong } })).body.find((a) => a.id === id)!;
    expect(unchanged).toMatchObject({ status: 'review', grantedYuan: null, version: current.version });

    const ok = await service.call(op.updateApplication, { params: { id }, body: { version: current.version, status: 'approved', grantedWan: 250 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', grantedYuan: 2_500_000, approvedOn: testToday });
    const stale = await service.call(op.updateApplication, { params: { id }, body: { version: current.version, note: '旧版本' } });
    expect(stale.status).toBe(409);

    const summary = await service.call(op.summary, { query: { zoneId: fendong } });
    expect(summary.body).toMatchObject({ reserve: 13, applied: 6, grantedYuan: 97_500_000 });
    const audit = await ctx.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by at`, [id]);
    expect(audit.map((a) => a.action)).toEqual([
      'funding.application.create',
      'funding.application.update',
      'funding.application.update',
      'funding.application.update',
    ]);
  });

  it('reminds the owner once of an application still at 谋划 as its programme closes', async () => {
    const notices = () => ctx.rowCount('notifications', `where kind = 'funding.deadline' and user_id = '${demoId('user:service')}'`);
    await service.call(op.listApplications, { query: {} });
    // 晋汾 anode → 省军民融合 closes in 5 days (reminder window 7): one notice; 智矿 → 技改 closes in 25 days: none yet.
    expect(await notices()).toBe(1);
    await service.call(op.summary, { query: {} });
    expect(await notices()).toBe(1);
  });

  it('records 对接记录 and exports the ledger with the summary line', async () => {
    const before = (await service.call(op.summary, { query: { zoneId: fendong } })).body.contacts;
    const c = await service.call(op.createContact, {
      body: { zoneId: fendong, contactedOn: testToday, department: '省发展改革委', person: '王处长', subject: '汇报储备项目', nextStep: '补充材料' },
    });
    expect(c.status).toBe(201);
    expect(c.body.recordedByName).toBe('孙浩');
    expect((await service.call(op.summary, { query: { zoneId: fendong } })).body.contacts).toBe(before + 1);
    const bad = await service.call(op.createContact, {
      body: { zoneId: fendong, contactedOn: testToday, department: '省发展改革委', subject: '汇报', reserveId: demoId('funding-reserve:hejin') },
    });
    expect(bad.body.details.fields).toEqual([{ field: 'reserveId', reason: '储备项目不存在或不属于该开发区' }]);

    const file = await ctx.app.inject({ method: 'GET', url: `/api/funding/export.xlsx?zoneId=${fendong}`, headers: { cookie: service.cookie! } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['资金申报', '项目储备库', '对接记录', '汇总']);
    const sheet = wb.getWorksheet('资金申报')!;
    expect(String(sheet.getCell(2, 1).value)).toContain('储备');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(3 + 7);
  });

  it('imports programmes and a reserve through the engine; an unknown programme is a field-level row error', async () => {
    const programmes = await buildXlsx(
      ['年度', '层级', '类别', '主管部门', '资金项目名称', '申报开始', '申报截止', '一般支持额度（万元）'],
      [
        [year, '省级', '技术改造', '省工业和信息化厅', '导入测试专项', '2026-03-01', '2026-05-01', 600],
        [year, '国家级', '节能降碳', '国家发展改革委', '窗口倒置专项', '2026-05-01', '2026-03-01', 100],
      ],
    );
    const staged = await uploadXlsx(ctx, service, '/api/imports?kind=funding-programmes', programmes);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ totalRows: 2, validRows: 1 });
    expect(staged.body.errors).toContainEqual({ row: 3, column: '申报截止', reason: '申报截止日期不能早于申报窗口开启日期' });
    const committed = await service.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.committed).toMatchObject({ programmesCreated: 1 });

    const reserve = await buildXlsx(
      ['项目名称', '总投资（万元）', '前期手续', '可研', '资金申请报告', '适合的资金项目'],
      [
        ['导入储备项目甲', 5000, '是', '是', '否', '导入测试专项'],
        ['导入储备项目乙', 800, '否', '否', '否', '导入测试专项；不存在的专项'],
      ],
    );
    const rowsBefore = await ctx.rowCount('funding_reserve');
    const stagedReserve = await uploadXlsx(ctx, service, '/api/imports?kind=funding-reserve', reserve);
    expect(stagedReserve.body).toMatchObject({ totalRows: 2, validRows: 1 });
    expect(stagedReserve.body.errors).toEqual([{ row: 3, column: '适合的资金项目', reason: expect.stringContaining('资金项目不存在或不属于该开发区') }]);
    const refused = await service.post(`/api/imports/${stagedReserve.body.id}/commit`, { mode: 'all' });
    expect(refused.status).toBe(400);
    expect(await ctx.rowCount('funding_reserve')).toBe(rowsBefore);
    await service.post(`/api/imports/${stagedReserve.body.id}/commit`, { mode: 'valid' });
    const list = await service.call(op.listReserve, { query: { zoneId: fendong } });
    expect(list.body.find((r) => r.name === '导入储备项目甲')).toMatchObject({
      readiness: 2,
      totalInvestmentYuan: 50_000_000,
      programmes: [{ name: '导入测试专项' }],
    });
  });
});

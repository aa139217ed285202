import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock, testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { createWorkCalendar } from '../../platform/calendar.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { createProjectBody } from '../../../contract/projects.ts';
import { createProjectsRepository } from './projects.repository.ts';
import { createProjectsService } from './projects.service.ts';
import { buildProject, currentMonth, daysAgo, fendong, hejin, lastMonth, monthBefore, multipart, tinyPng } from './projects.factories.ts';

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);
/** Rows of every table a project write touches: a refused request must leave them all unchanged. */
const footprint = async () => ({
  projects: await count('projects'),
  reports: await count('progress_reports'),
  milestones: await count('project_milestones'),
  approvals: await count('project_approvals'),
  photos: await count('project_photos'),
  audit: await count('audit_log'),
});
const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);
const fieldsOf = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field).sort();

async function createProject(overrides: Record<string, unknown> = {}) {
  const res = await officer.post('/api/projects', buildProject(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('project list', () => {
  it('lists the demo zone with flags, filters and pagination, and never another zone', async () => {
    const page = await officer.get('/api/projects?pageSize=50');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(12);
    expect(new Set(page.body.items.map((p: { zoneId: string }) => p.zoneId))).toEqual(new Set([fendong]));
    const flags = new Set(page.body.items.map((p: { flag: string }) => p.flag));
    expect(flags).toEqual(new Set(['green', 'yellow', 'red']));
    const red = await officer.get('/api/projects?flag=red');
    expect(red.body.items.every((p: { flag: string; flagReasons: unknown[] }) => p.flag === 'red' && p.flagReasons.length > 0)).toBe(true);
    const stage = await officer.get('/api/projects?stage=construction');
    expect(stage.body.items.every((p: { stage: string }) => p.stage === 'construction')).toBe(true);
    const paged = await officer.get('/api/projects?pageSize=5&page=2&sort=name&order=asc');
    expect(paged.body.items).toHaveLength(5);
    expect((await officer.get(`/api/projects?zoneId=${hejin}`)).body.items).toEqual([]);
    const sorted = (await officer.get('/api/projects?sort=totalInvestment&order=desc')).body.items.map(
      (p: { totalInvestmentYuan: number }) => p.totalInvestmentYuan,
    );
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it('"my projects" and "projects I lead" follow the responsibility', async () => {
    const leader = await ctx.login('leader');
    const led = await leader.get('/api/projects?responsibility=led&pageSize=100');
    expect(led.body.total).toBeGreaterThan(0);
    expect(led.body.items.every((p: { leader: { name: string } }) => p.leader.name === '张建国')).toBe(true);
    const deputy = await ctx.login('deputy');
    const deputyLed = await deputy.get('/api/projects?responsibility=led&pageSize=100');
    expect(deputyLed.body.items.every((p: { leader: { name: string } }) => p.leader.name === '刘卫东')).toBe(true);
    const mine = await officer.get('/api/projects?responsibility=mine&pageSize=100');
    expect(mine.body.items.every((p: { officer: { name: string } }) => p.officer.name === '王磊')).toBe(true);
    expect((await leader.get('/api/projects?responsibility=mine')).body.total).toBe(0);
  });
});

describe('create and edit', () => {
  it('creates a project in 万元, stored exactly, with milestones and approvals from the template', async () => {
    const p = await createProject({ annualPlanWan: 5000 });
    expect(p.totalInvestmentYuan).toBe(123_456_789);
    expect(p.annualPlanYuan).toBe(50_000_000);
    expect(p.stage).toBe('planning');
    expect(p.milestones.map((m: { name: string }) => m.name)).toContain('开工');
    expect(p.approvals).toHaveLength(13);
    expect(p.actions).toEqual(expect.arrayContaining(['update', 'changeStage', 'report']));
    expect(p.stageHistory).toHaveLength(1);
    const history = await officer.get(`/api/audit?entityType=project&entityId=${p.id}`);
    expect(history.body.items[0]).toMatchObject({ action: 'project.create', actorName: '王磊' });
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = await footprint();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ totalInvestmentWan: -5 }, ['totalInvestmentWan']],
      [{ totalInvestmentWan: '1.23456' }, ['totalInvestmentWan']],
      [{ fixedAssetInvestmentWan: 99999 }, ['fixedAssetInvestmentWan']],
      [{ stage: 'signed', signedOn: daysAgo(-3), investorEnterpriseId: demoId('enterprise:jinfen-anode') }, ['signedOn']],
      [{ stage: 'started' }, ['investorEnterpriseId', 'landOn', 'signedOn', 'startOn']],
      [{ parkId: demoId('park:hejin:铝工业园'), leaderUserId: demoId('user:hejin') }, ['leaderUserId', 'parkId']],
      [{ plannedStartYear: 2027, plannedEndYear: 2026 }, ['plannedEndYear']],
      [{ zoneId: hejin }, ['zoneId']],
    ];
    for (const [overrides, fields] of cases) {
      const res = await officer.post('/api/projects', buildProject(overrides));
      expect({ overrides, status: res.status, fields: fieldsOf(res) }).toEqual({ overrides, status: 400, fields });
      expect(res.body.details.fields[0].reason).toMatch(/\S/);
    }
    expect(await footprint()).toEqual(before);
  });

  it('updates with the version read; a stale version is a conflict', async () => {
    const p = await createProject();
    const ok = await officer.patch(`/api/projects/${p.id}`, { version: p.version, totalInvestmentWan: 20000, phases: [{ name: '一期', investmentWan: 8000 }] });
    expect(ok.status).toBe(200);
    expect(ok.body.totalInvestmentYuan).toBe(200_000_000);
    expect(ok.body.phases).toMatchObject([{ name: '一期', investmentYuan: 80_000_000 }]);
    const stale = await officer.patch(`/api/projects/${p.id}`, { version: p.version, name: '过期版本的修改项目' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const viewer = await ctx.login('viewer');
    expect((await viewer.patch(`/api/projects/${p.id}`, { version: ok.body.version, name: '只读用户修改' })).status).toBe(403);
  });
});

describe('stages', () => {
  it('a stage needs its gate; moving back needs a reason; history is kept; the node is filled', async () => {
    const p = await createProject();
    const before = await footprint();
    const jump = await officer.post(`/api/projects/${p.id}/stage`, { version: p.version, stage: 'started', startOn: daysAgo(1) });
    expect(jump.status).toBe(400);
    expect(fieldsOf(jump)).toEqual(['investorEnterpriseId', 'landOn', 'signedOn']);
    expect(jump.body.details.fields[0].reason).toBe('进入该阶段需要先填写此项');
    expect(await footprint()).toEqual(before);

    const started = await officer.post(`/api/projects/${p.id}/stage`, {
      version: p.version,
      stage: 'started',
      investorEnterpriseId: demoId('enterprise:jinfen-anode'),
      signedOn: daysAgo(90),
      landOn: daysAgo(40),
      startOn: daysAgo(2),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.stage).toBe('started');
    expect(started.body.milestones.find((m: { name: string }) => m.name === '开工').actualOn).toBe(daysAgo(2));
    expect(started.body.landToStartWorkdays).toBe(createWorkCalendar().workdaysBetween(daysAgo(40), daysAgo(2)));

    const back = await officer.post(`/api/projects/${p.id}/stage`, { version: started.body.version, stage: 'approval' });
    expect(fieldsOf(back)).toEqual(['reason']);
    const backOk = await officer.post(`/api/projects/${p.id}/stage`, { version: started.body.version, stage: 'approval', reason: '施工许可被撤回，补充材料' });
    expect(backOk.status).toBe(200);
    expect(backOk.body.stageHistory.map((e: { toStage: string }) => e.toStage)).toEqual(['planning', 'started', 'approval']);
    expect(backOk.body.stageHistory[2].reason).toBe('施工许可被撤回，补充材料');
    // The history names the person (王磊), not the login (projects).
    expect(backOk.body.stageHistory[2].actorName).toBe('王磊');
    const future = await officer.post(`/api/projects/${p.id}/stage`, { version: backOk.body.version, stage: 'completed', completedOn: daysAgo(-10) });
    expect(fieldsOf(future)).toEqual(['completedOn']);
  });
});

describe('milestones, flag and approvals', () => {
  it('planning a node in the past without its actual date turns the flag red, with slippage', async () => {
    const p = await createProject();
    expect(p.flag).toBe('green');
    const items = p.milestones.map((m: { id: string; version: number; name: string }, i: number) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      plannedOn: daysAgo(-30 * (i + 1)),
    }));
    items[0].plannedOn = daysAgo(40);
    const planned = await put(officer, `/api/projects/${p.id}/milestones`, { items });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body.flag).toBe('red');
    expect(planned.body.flagReasons[0]).toMatchObject({ code: 'milestone_overdue', level: 'red', milestone: items[0].name, days: 40 });
    expect(planned.body.milestones[0]).toMatchObject({ overdue: true, slippageDays: 40 });
    // The list shows the same flag, and it clears once the node is done.
    expect((await officer.get(`/api/projects?flag=red&pageSize=200`)).body.items.map((x: { id: string }) => x.id)).toContain(p.id);
    const done = planned.body.milestones.map((m: { id: string; version: number; name: string; plannedOn: string }, i: number) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      plannedOn: m.plannedOn,
      actualOn: i === 0 ? daysAgo(5) : null,
    }));
    const cleared = await put(officer, `/api/projects/${p.id}/milestones`, { items: done });
    expect(cleared.body.flag).toBe('green');
    expect(cleared.body.milestones[0]).toMatchObject({ overdue: false, slippageDays: 35 });
  });

  it('refuses an actual date in the future and a stale node, writing nothing', async () => {
    const p = await createProject();
    const before = await footprint();
    const [m] = p.milestones;
    const future = await put(officer, `/api/projects/${p.id}/milestones`, { items: [{ id: m.id, version: m.version, name: m.name, actualOn: daysAgo(-1) }] });
    expect(fieldsOf(future)).toEqual(['items.0.actualOn']);
    const stale = await put(officer, `/api/projects/${p.id}/milestones`, { items: [{ id: m.id, version: m.version + 5, name: m.name }] });
    expect(stale.status).toBe(409);
    expect(await footprint()).toEqual(before);
  });

  it('approval clocks count working days on the official calendar (国庆 off, 调休 Saturday on)', async () => {
    const p = await createProject();
    // The last 国庆 over by the test day (2025 or 2026: both years are on the official calendar).
    const year = testToday >= '2026-10-13' ? 2026 : 2025;
    const [filedOn, grantedOn] = [`${year}-09-29`, `${year}-10-12`];
    const workdays = createWorkCalendar().workdaysBetween(filedOn, grantedOn);
    expect(workdays).toBe(year === 2026 ? 5 : 4);
    const items = p.approvals.map((a: { id: string; version: number; name: string; promisedDays: number }, i: number) => ({
      id: a.id,
      version: a.version,
      name: a.name,
      promisedDays: a.promisedDays,
      statutoryDays: 3,
      agentUserId: i === 0 ? demoId('user:agent') : null,
      filedOn: i === 0 ? filedOn : null,
      grantedOn: i === 0 ? grantedOn : null,
    }));
    const res = await put(officer, `/api/projects/${p.id}/approvals`, { items });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.approvals[0]).toMatchObject({ workdaysElapsed: workdays, clock: 'done', overPromised: true, overStatutory: true, agent: { name: '陈静' } });
    expect(res.body.approvals[1].clock).toBe('not_filed');
    const bad = await put(officer, `/api/projects/${p.id}/approvals`, {
      items: [{ ...items[0], version: res.body.approvals[0].version, filedOn: grantedOn, grantedOn: `${year}-10-09` }],
    });
    expect(fieldsOf(bad)).toEqual(['items.0.grantedOn']);
    const agent = await ctx.login('agent');
    expect(
      (
        await put(agent, `/api/projects/${p.id}/approvals`, {
          items: res.body.approvals.map((a: { id: string; version: number; name: string }) => ({ id: a.id, version: a.version, name: a.name })),
        })
      ).status,
    ).toBe(200);
    expect((await agent.patch(`/api/projects/${p.id}`, { version: 1, name: '代办员改项目名称' })).status).toBe(403);
  });

  it('标准地 indicators show a derived verdict per indicator (details in projects.phases.test.ts)', async () => {
    const p = await createProject({ landMu: 100 });
    const res = await put(officer, `/api/projects/${p.id}/land-standard`, {
      investmentIntensityPromised: 300,
      energyPerOutputPromised: 0.3,
      taxPerMuPromised: 15,
    });
    expect(res.body.landStandard.indicators.filter((i: { verdict: string | null }) => i.verdict)).toMatchObject([
      { key: 'investmentIntensity', verdict: 'pending' },
      { key: 'taxPerMu', verdict: 'pending' },
      { key: 'energyPerOutput', verdict: 'pending' },
    ]);
    expect(res.body.landStandard.verdict).toBe('pending');
    const list = await officer.get('/api/land-standards');
    expect(list.body.find((r: { projectId: string }) => r.projectId === p.id)).toBeDefined();
    expect(list.body.some((r: { verdict: string }) => r.verdict === 'not_met')).toBe(true);
  });

  it('标准地履标 exports as filtered: the 未达标 ones, with promised, achieved and verdict per indicator', async () => {
    const list = (await officer.get(`/api/land-standards?zoneId=${fendong}`)).body as { projectName: string; verdict: string }[];
    const notMet = list.filter((r) => r.verdict === 'not_met');
    expect(notMet.length).toBeGreaterThan(0);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/land-standards/export.xlsx?zoneId=${fendong}&verdict=not_met`,
      headers: { cookie: officer.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain(`未达标，共 ${notMet.length} 条`);
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['序号', '项目名称', '用地面积（亩）']);
    expect(header).toEqual(expect.arrayContaining(['亩均税收（万元/亩）承诺值', '亩均税收（万元/亩）实际值', '亩均税收（万元/亩）结论', '履标结论']));
    const names = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3).getCell(2).value);
    expect(names.sort()).toEqual(notMet.map((r) => r.projectName).sort());
    const verdicts = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3).getCell(header.length).value);
    expect(new Set(verdicts)).toEqual(new Set(['未达标']));
  });
});

describe('progress reports', () => {
  it('computes YTD, since start, % of plan and % of total; never typed', async () => {
    const p = await createProject({ totalInvestmentWan: 10000, annualPlanWan: 4000 });
    const first = await officer.post(`/api/projects/${p.id}/progress-reports`, {
      periodStart: monthBefore().start,
      investedWan: 1000,
      percentComplete: 10,
      progressText: '场地平整',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await officer.post(`/api/projects/${p.id}/progress-reports`, { periodStart: lastMonth().start, cumulativeWan: 2500, percentComplete: 25 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ investedYuan: 15_000_000, sinceStartYuan: 25_000_000, percentOfTotal: 25 });
    const sameYear = monthBefore().start.slice(0, 4) === lastMonth().start.slice(0, 4) && lastMonth().start.slice(0, 4) === testToday.slice(0, 4);
    if (sameYear) expect(second.body).toMatchObject({ ytdYuan: 25_000_000, percentOfAnnualPlan: 62.5 });
    const detail = (await officer.get(`/api/projects/${p.id}`)).body;
    expect(detail).toMatchObject({ investedTotalYuan: 25_000_000, percentComplete: 25, lastReportPeriodStart: lastMonth().start });
  });

  it('refuses each bad report with a field error and writes nothing', async () => {
    const p = await createProject();
    await officer.post(`/api/projects/${p.id}/progress-reports`, { periodStart: monthBefore().start, investedWan: 500 });
    const before = await footprint();
    const url = `/api/projects/${p.id}/progress-reports`;
    const cases: [unknown, number, string[]][] = [
      [{ periodStart: lastMonth().start, investedWan: -1 }, 400, ['investedWan']],
      [{ periodStart: lastMonth().start, investedWan: 1, percentComplete: 101 }, 400, ['percentComplete']],
      [{ periodStart: lastMonth().start, investedWan: 1, percentComplete: -1 }, 400, ['percentComplete']],
      [{ periodStart: monthBefore().start, investedWan: 1 }, 409, ['periodStart']],
      [{ periodStart: lastMonth().start, cumulativeWan: 499 }, 400, ['cumulativeWan']],
      [{ periodStart: lastMonth().start, investedWan: 1, cumulativeWan: 600 }, 400, ['investedWan']],
      [{ periodStart: daysAgo(-40).slice(0, 8) + '01', investedWan: 1 }, 400, ['periodStart']],
      [{ periodStart: lastMonth().start.slice(0, 8) + '05', investedWan: 1 }, 400, ['periodStart']],
      [{ periodStart: lastMonth().start, investedWan: 'abc' }, 400, ['investedWan']],
    ];
    for (const [body, status, fields] of cases) {
      const res = await officer.post(url, body);
      expect({ body, status: res.status, fields: fieldsOf(res) }).toEqual({ body, status, fields });
    }
    const period = await officer.post(url, { periodStart: monthBefore().start, investedWan: 1 });
    expect(period.body.details.fields[0].reason).toBe('该期间已填报，请修改原记录');
    expect(await footprint()).toEqual(before);
  });

  it('photos: images only, at most 5 MB; the image is served back', async () => {
    const p = await createProject();
    const before = await footprint();
    const upload = (file: Parameters<typeof multipart>[0], fields: Record<string, string> = {}) => {
      const m = multipart(file, fields);
      return officer.request('POST', `/api/projects/${p.id}/photos`, m.body, { 'content-type': m.contentType });
    };
    const text = await upload({ name: 'fake.jpg', type: 'image/jpeg', bytes: Buffer.from('not really an image') });
    expect({ status: text.status, fields: fieldsOf(text) }).toEqual({ status: 400, fields: ['file'] });
    expect(text.body.details.fields[0].reason).toBe('只能上传 JPEG、PNG 或 WebP 图片');
    const big = await upload({ name: 'big.png', type: 'image/png', bytes: Buffer.concat([tinyPng, Buffer.alloc(5 * 1024 * 1024)]) });
    expect({ status: big.status, fields: fieldsOf(big), reason: big.body.details?.fields?.[0]?.reason }).toEqual({
      status: 400,
      fields: ['file'],
      reason: '图片不能超过 5 MB',
    });
    const none = await upload(null, { caption: '无文件' });
    expect(fieldsOf(none)).toEqual(['file']);
    expect(await footprint()).toEqual(before);
    const ok = await upload({ name: 'site.png', type: 'image/png', bytes: tinyPng }, { caption: '主体施工' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ mimeType: 'image/png', caption: '主体施工', sizeBytes: tinyPng.length });
    const served = await ctx.app.inject({ method: 'GET', url: ok.body.url, headers: { cookie: officer.cookie! } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(tinyPng)).toBe(true);
    const outsider = await ctx.login('hejin');
    expect((await ctx.app.inject({ method: 'GET', url: ok.body.url, headers: { cookie: outsider.cookie! } })).statusCode).toBe(404);
  });
});

describe('batch entry', () => {
  it('the grid lists my projects; one bad row writes nothing; a clean batch files every row', async () => {
    const grid = await officer.get(`/api/progress-batch?zoneId=${fendong}&periodStart=${currentMonth().start}`);
    expect(grid.status).toBe(200);
    expect(grid.body.rows.length).toBeGreaterThan(5);
    const rows = grid.body.rows.filter((r: { report: unknown }) => !r.report).slice(0, 4);
    const before = await footprint();
    const bad = await officer.post('/api/progress-batch', {
      zoneId: fendong,
      periodStart: currentMonth().start,
      rows: rows.map((r: { projectId: string }, i: number) => ({
        projectId: r.projectId,
        investedWan: i === 2 ? -3 : 10,
        percentComplete: i === 1 ? 140 : 50,
      })),
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['rows.1.percentComplete', 'rows.2.investedWan']);
    const dup = await officer.post('/api/progress-batch', {
      zoneId: fendong,
      periodStart: currentMonth().start,
      rows: [rows[0], rows[0]].map((r: { projectId: string }) => ({ projectId: r.projectId, investedWan: 1 })),
    });
    expect(fieldsOf(dup)).toEqual(['rows.1.projectId']);
    const foreign = await officer.post('/api/progress-batch', {
      zoneId: fendong,
      periodStart: currentMonth().start,
      rows: [{ projectId: demoId('project:hejin-lng'), investedWan: 1 }],
    });
    expect(fieldsOf(foreign)).toEqual(['rows.0.projectId']);
    expect(await footprint()).toEqual(before);
    const ok = await officer.post('/api/progress-batch', {
      zoneId: fendong,
      periodStart: currentMonth().start,
      rows: rows.map((r: { projectId: string }) => ({ projectId: r.projectId, investedWan: 100, percentComplete: 60, progressText: '正常推进' })),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.created).toBe(rows.length);
    const again = await officer.get(`/api/progress-batch?zoneId=${fendong}&periodStart=${currentMonth().start}`);
    expect(again.body.rows.filter((r: { report: unknown }) => r.report).length).toBeGreaterThanOrEqual(rows.length);
    const twice = await officer.post('/api/progress-batch', {
      zoneId: fendong,
      periodStart: currentMonth().start,
      rows: [{ projectId: rows[0].projectId, investedWan: 1 }],
    });
    expect(fieldsOf(twice)).toEqual(['rows.0.projectId']);
  });
});

describe('templates, flag rule and workbench', () => {
  it("a zone's own template is used by its new projects", async () => {
    const leader = await ctx.login('leader');
    const current = await leader.get(`/api/project-templates?zoneId=${fendong}`);
    expect(current.body).toMatchObject({ source: 'global', version: null, actions: ['update'] });
    expect((await officer.request('PUT', '/api/project-templates', { zoneId: fendong, milestones: [{ name: '开工' }], approvals: [] })).status).toBe(403);
    const saved = await put(leader, '/api/project-templates', {
      zoneId: fendong,
      milestones: [{ name: '注册' }, { name: '开工', stage: 'started' }, { name: '投产', stage: 'production' }],
      approvals: [{ name: '施工许可', agency: '住建局', statutoryDays: 7, promisedDays: 1 }],
    });
    expect(saved.body).toMatchObject({ source: 'zone', version: 1 });
    const p = await createProject();
    expect(p.milestones.map((m: { name: string }) => m.name)).toEqual(['注册', '开工', '投产']);
    expect(p.approvals).toHaveLength(1);
    expect((await put(leader, '/api/project-templates', { zoneId: null, milestones: [{ name: '开工' }], approvals: [] })).status).toBe(403);
    expect((await put(leader, '/api/project-templates', { zoneId: fendong, milestones: [{ name: '开工' }], approvals: [] })).status).toBe(409);
  });

  it('the flag rule is configurable per zone and re-flags at once', async () => {
    const leader = await ctx.login('leader');
    const p = await createProject();
    const items = p.milestones.map((m: { id: string; version: number; name: string }, i: number) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      plannedOn: i === 0 ? daysAgo(10) : null,
    }));
    expect((await put(officer, `/api/projects/${p.id}/milestones`, { items })).body.flag).toBe('yellow');
    const bad = await put(leader, '/api/project-flag-rules', {
      zoneId: fendong,
      milestoneYellowDays: 10,
      milestoneRedDays: 5,
      investmentYellowPoints: 10,
      investmentRedPoints: 20,
      missingReportFlag: 'yellow',
      reportGraceDays: 5,
    });
    expect(fieldsOf(bad)).toEqual(['milestoneRedDays']);
    const rule = await put(leader, '/api/project-flag-rules', {
      zoneId: fendong,
      milestoneYellowDays: 1,
      milestoneRedDays: 7,
      investmentYellowPoints: 10,
      investmentRedPoints: 20,
      missingReportFlag: 'yellow',
      reportGraceDays: 5,
    });
    expect(rule.body).toMatchObject({ source: 'zone', milestoneRedDays: 7 });
    expect((await officer.get(`/api/projects/${p.id}`)).body.flag).toBe('red');
  });

  it('the workbench lists my overdue nodes and the reports due', async () => {
    const res = await officer.get('/api/workbench');
    expect(res.status).toBe(200);
    expect(res.body.projects.overdueMilestones.length).toBeGreaterThan(0);
    expect(res.body.projects.overdueMilestones[0]).toMatchObject({ projectName: expect.any(String), daysOverdue: expect.any(Number) });
    expect(res.body.projects.reportsDue.map((r: { projectName: string }) => r.projectName)).toContain('北斗智联物流园项目');
  });
});

describe('createFromLead', () => {
  it('creates a signed project inside the caller transaction, carrying the lead', async () => {
    const service = createProjectsService({
      db: ctx.database.db,
      projects: createProjectsRepository(),
      audit: recordAudit,
      clock: testClock,
      calendar: async () => createWorkCalendar(),
    });
    const session = {
      tokenHash: '',
      csrfToken: '',
      user: {
        id: demoId('user:officer'),
        username: 'officer',
        displayName: '李婷',
        role: 'investment_officer',
        locale: 'zh-CN',
        mustChangePassword: false,
        regionCode: null,
      },
      scope: { all: false, zoneIds: [fendong], rule: { kind: 'assigned', userId: demoId('user:officer') } },
    } satisfies SessionContext;
    const leadId = demoId('lead:test');
    const { id } = await ctx.database.db.transaction((tx) =>
      service.createFromLead(
        tx,
        session,
        {
          zoneId: fendong,
          name: '从线索转入的测试项目',
          investorEnterpriseId: demoId('enterprise:beidou-logistics'),
          totalInvestmentYuan: 300_000_000,
          leadId,
          signedOn: daysAgo(3),
          sectorText: '现代物流',
          chainLinkText: '智慧仓储',
        },
        'req-1',
      ),
    );
    const detail = (await officer.get(`/api/projects/${id}`)).body;
    expect(detail).toMatchObject({ stage: 'signed', leadId, signedOn: daysAgo(3), totalInvestmentYuan: 300_000_000, sectorText: '现代物流' });
    await expect(
      ctx.database.db.transaction((tx) =>
        service.createFromLead(
          tx,
          session,
          { zoneId: fendong, name: '缺少投资方的项目', investorEnterpriseId: null, totalInvestmentYuan: 1, leadId, signedOn: daysAgo(1) },
          'req-2',
        ),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'investorEnterpriseId', reason: 'gate_required' }] } });
  });
});

describe('createInTx and updateInTx', () => {
  it("run the routes' rules, audit and flag inside the caller's transaction; a refusal rolls the caller back", async () => {
    const service = createProjectsService({
      db: ctx.database.db,
      projects: createProjectsRepository(),
      audit: recordAudit,
      clock: testClock,
      calendar: async () => createWorkCalendar(),
    });
    const session = {
      tokenHash: '',
      csrfToken: '',
      user: {
        id: demoId('user:projects'),
        username: 'projects',
        displayName: '王磊',
        role: 'project_officer',
        locale: 'zh-CN',
        mustChangePassword: false,
        regionCode: null,
      },
      scope: { all: false, zoneIds: [fendong], rule: { kind: 'assigned', userId: demoId('user:projects') } },
    } satisfies SessionContext;
    const db = ctx.database.db;
    const name = '事务内新建的测试项目';
    const created = await db.transaction((tx) => service.createInTx(tx, session, createProjectBody.parse(buildProject({ name })), 'req-tx-1'));
    const detail = (await officer.get(`/api/projects/${created.id}`)).body;
    expect(detail).toMatchObject({ name, stage: 'planning', totalInvestmentYuan: 123_456_789, flag: 'green' });
    expect(detail.milestones.length).toBeGreaterThan(0);

    const updated = await db.transaction((tx) =>
      service.updateInTx(tx, session, created.id, { version: created.version, totalInvestmentWan: 200_000_000, landMu: 50 }, 'req-tx-2', {
        auditAfter: { source: 'intake' },
      }),
    );
    expect(updated).toMatchObject({ version: created.version + 1, totalInvestmentYuan: 200_000_000, landMu: 50 });
    const audit = await ctx.database.query<{ action: string; source: string | null }>(
      `select action, after->>'source' as source from audit_log where entity_id = $1 order by at, id`,
      [created.id],
    );
    expect(audit).toEqual([
      { action: 'project.create', source: null },
      { action: 'project.update', source: 'intake' },
    ]);

    // A stale version refuses the update, and the caller's other write in the transaction goes with it.
    const before = await footprint();
    await expect(
      db.transaction(async (tx) => {
        await service.createInTx(tx, session, createProjectBody.parse(buildProject()), 'req-tx-3');
        await service.updateInTx(tx, session, created.id, { version: created.version, name: '过期版本的修改' }, 'req-tx-3');
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await expect(
      db.transaction((tx) => service.updateInTx(tx, session, created.id, { version: updated.version, fixedAssetInvestmentWan: 300_000_000 }, 'req-tx-4')),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'fixedAssetInvestmentWan', reason: 'fixed_exceeds_total' }] } });
    await expect(
      db.transaction((tx) => service.createInTx(tx, session, createProjectBody.parse(buildProject({ zoneId: hejin })), 'req-tx-5')),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'zoneId', reason: 'zone_out_of_scope' }] } });
    expect(await footprint()).toEqual(before);
  });
});

/**
 * Issue 10 items 5 and 6: phases first-class (own stage, 拿地/开工/竣工/投产 dates and money, dates in
 * order, land-to-start working days on the official calendar against the statutory 107, the zone's
 * promise and 拿地即开工), and 标准地 achieved from the records with a derived verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock, testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { createWorkCalendar } from '../../platform/calendar.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { createProjectsRepository } from './projects.repository.ts';
import { createProjectsService } from './projects.service.ts';
import { deriveLand, type LandInputs } from './projects.rules.ts';
import type { LandStandardRow } from './projects.repository.ts';
import { buildProject, daysAgo, fendong, lastMonth, monthBefore } from './projects.factories.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { reasonText } from '../../../contract/reasons.ts';

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
});
afterAll(() => ctx.close());

const count = (table: string, where?: string) => ctx.rowCount(table, where);
const footprint = async () => ({ projects: await count('projects'), phases: await count('project_phases'), audit: await count('audit_log') });
/** `field:reason-code`: the answer carries the reason's text in the caller's language (zh-CN here). */
const fieldsOf = (res: { body: { details?: { fields?: { field: string; reason: string }[] } } }) =>
  (res.body.details?.fields ?? []).map((f) => `${f.field}:${codeOf(f.reason)}`).sort();
const codes = ['dates_order', 'start_before_land', 'before_start', 'needs_start', 'gate_required', 'invested_exceeds_total', 'phases_exceed_total', 'date_in_future'];
const codeOf = (text: string) => codes.find((c) => reasonText(c, 'zh-CN') === text) ?? text;
const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

async function createProject(overrides: Record<string, unknown> = {}) {
  const res = await officer.post('/api/projects', buildProject(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

// Land on Friday 25 September 2026, start on Friday 30 October: 35 calendar
// days across 中秋 and 国庆 (1–8 October off, Saturday 10 October a 调休 working day) = 21 working days.
const secondLand = '2026-09-25';
const secondStart = '2026-10-30';
const twoPhases = (second: Record<string, unknown> = {}) => [
  { name: '一期', stage: 'construction', investmentWan: 6000, investedWan: 2500, landOn: daysAgo(400), actualStartOn: daysAgo(200) },
  { name: '二期', stage: 'started', investmentWan: 4000, investedWan: 300, landOn: secondLand, actualStartOn: secondStart, ...second },
];

describe('phases (item 5)', () => {
  it('a 二期 from land to construction in 21 working days across the National Day holiday shows 21 / 107 and 拿地即开工', async () => {
    // Absolute dates, in the past at every TEST_NOW the suites run at (2026-11-18, 2027-06-30).
    const cal = createWorkCalendar();
    // The holiday matters: Monday–Friday alone would count 25.
    expect(cal.workdaysBetween(secondLand, secondStart)).toBe(21);
    const p = await createProject({ totalInvestmentWan: 10000, phases: twoPhases() });
    const [first, second] = p.phases;
    expect(second).toMatchObject({
      name: '二期',
      stage: 'started',
      investmentYuan: 40_000_000,
      investedYuan: 3_000_000,
      landOn: secondLand,
      actualStartOn: secondStart,
      landToStart: {
        workdays: 21,
        started: true,
        statutoryDays: 107,
        promisedDays: null,
        immediateStartDays: 30,
        overStatutory: false,
        overPromised: false,
        immediateStart: true,
      },
    });
    expect(first.landToStart).toMatchObject({ workdays: cal.workdaysBetween(daysAgo(400), daysAgo(200)), immediateStart: false, overStatutory: true });
    expect(p.immediateStart).toBe(true);
    // Stored for the list's filter.
    expect(await count('project_phases', `where project_id = '${p.id}' and land_to_start_workdays = 21`)).toBe(1);
  });

  it('a phase not yet started counts its clock to today and is never 拿地即开工', async () => {
    const p = await createProject({ phases: [{ name: '一期', stage: 'land', landOn: daysAgo(10) }] });
    expect(p.phases[0].landToStart).toMatchObject({ workdays: createWorkCalendar().workdaysBetween(daysAgo(10), testToday), started: false, immediateStart: false });
    expect(p.immediateStart).toBe(false);
  });

  it('the list filters 拿地即开工 (the demo 二期 among them), and projects that are not', async () => {
    const p = await createProject({ totalInvestmentWan: 10000, phases: twoPhases() });
    const slow = await createProject({ landOn: daysAgo(300), startOn: daysAgo(10), stage: 'started', investorEnterpriseId: demoId('enterprise:jinfen-anode'), signedOn: daysAgo(320) });
    const yes = (await officer.get('/api/projects?immediateStart=true&pageSize=100')).body.items as { id: string; immediateStart: boolean }[];
    expect(yes.map((r) => r.id)).toContain(p.id);
    expect(yes.map((r) => r.id)).toContain(demoId('project:jinfen-anode'));
    expect(yes.map((r) => r.id)).not.toContain(slow.id);
    expect(yes.every((r) => r.immediateStart)).toBe(true);
    const no = (await officer.get('/api/projects?immediateStart=false&pageSize=100')).body.items as { id: string; immediateStart: boolean }[];
    expect(no.map((r) => r.id)).toContain(slow.id);
    expect(no.some((r) => r.immediateStart)).toBe(false);
  });

  it('the seeded demo 二期 of 晋汾新材料 went from land to construction in 21 working days: 拿地即开工', async () => {
    const demo = await officer.get(`/api/projects/${demoId('project:jinfen-anode')}`);
    const second = demo.body.phases.find((ph: { name: string }) => ph.name === '二期');
    expect(second.landToStart).toMatchObject({ workdays: 21, statutoryDays: 107, immediateStart: true });
  });

  it('an actual end before its start is refused field-level in the caller language, writing nothing', async () => {
    const before = await footprint();
    const body = buildProject({ phases: [{ name: '一期', stage: 'completed', landOn: daysAgo(100), actualStartOn: daysAgo(50), actualEndOn: daysAgo(60) }] });
    const zh = await officer.request('POST', '/api/projects', body, { 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(fieldsOf(zh)).toEqual(['phases.0.actualEndOn:dates_order']);
    expect(JSON.stringify(zh.body.details.fields)).toContain('结束日期不能早于开始日期');
    const en = await officer.request('POST', '/api/projects', body, { 'accept-language': 'en-US' });
    expect(JSON.stringify(en.body.details.fields), JSON.stringify(en.body)).toContain('the end date cannot');
    expect(await footprint()).toEqual(before);
  });

  it('every phase date in order, the stage given its dates, money within its total and the project’s: each refused by field, nothing written', async () => {
    const p = await createProject({ totalInvestmentWan: 10000, phases: twoPhases() });
    const before = await footprint();
    const bad = await officer.patch(`/api/projects/${p.id}`, {
      version: p.version,
      phases: [
        { name: '一期', stage: 'started', landOn: daysAgo(10), actualStartOn: daysAgo(20) },
        { name: '二期', stage: 'production', landOn: daysAgo(30) },
        { name: '三期', investmentWan: 6000, investedWan: 7000, actualStartOn: daysAgo(5), productionOn: daysAgo(9), plannedStartOn: daysAgo(1), plannedEndOn: daysAgo(3) },
        { name: '四期', landOn: daysAgo(-47), investmentWan: 5000 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(
      [
        'phases.0.actualStartOn:start_before_land',
        'phases.1.actualStartOn:gate_required',
        'phases.1.actualEndOn:gate_required',
        'phases.1.productionOn:gate_required',
        'phases.2.investedWan:invested_exceeds_total',
        'phases.2.productionOn:before_start',
        'phases.2.plannedEndOn:dates_order',
        'phases.3.landOn:date_in_future',
        'phases.3.investmentWan:phases_exceed_total',
      ].sort(),
    );
    const noStart = await officer.patch(`/api/projects/${p.id}`, { version: p.version, phases: [{ name: '一期', actualEndOn: daysAgo(3) }] });
    expect(fieldsOf(noStart)).toEqual(['phases.0.actualEndOn:needs_start']);
    expect(await footprint()).toEqual(before);
    const again = await officer.get(`/api/projects/${p.id}`);
    expect(again.body.version).toBe(p.version);
    expect(again.body.phases.map((ph: { name: string }) => ph.name)).toEqual(['一期', '二期']);
  });

  it('the project’s own dates are in order too: a start before its land is refused', async () => {
    const p = await createProject({ stage: 'land', landOn: daysAgo(30), investorEnterpriseId: demoId('enterprise:jinfen-anode'), signedOn: daysAgo(60) });
    const before = await footprint();
    const res = await officer.request('POST', `/api/projects/${p.id}/stage`, {
      version: p.version,
      stage: 'started',
      startOn: daysAgo(40),
      investorEnterpriseId: demoId('enterprise:jinfen-anode'),
      signedOn: daysAgo(60),
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toContain('startOn:start_before_land');
    expect(await footprint()).toEqual(before);
    const ok = await officer.request('POST', `/api/projects/${p.id}/stage`, {
      version: p.version,
      stage: 'started',
      startOn: daysAgo(9),
      investorEnterpriseId: demoId('enterprise:jinfen-anode'),
      signedOn: daysAgo(60),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const workdays = createWorkCalendar().workdaysBetween(daysAgo(30), daysAgo(9));
    expect(ok.body.landToStart).toMatchObject({ workdays, started: true, immediateStart: workdays <= 30 });
    expect(await count('projects', `where id = '${p.id}' and land_to_start_workdays = ${workdays}`)).toBe(1);
  });

  it("the zone's rule sets N, the statutory figure and its promise: with N = 20 the 21-day 二期 is no longer 拿地即开工", async () => {
    const p = await createProject({ totalInvestmentWan: 10000, phases: twoPhases() });
    const leader = await ctx.login('leader');
    const rule = (await leader.get(`/api/project-flag-rules?zoneId=${fendong}`)).body;
    expect(rule).toMatchObject({ landToStartStatutoryDays: 107, landToStartPromisedDays: null, immediateStartDays: 30 });
    const { zoneId: _z, source: _s, actions: _a, version, ...fields } = rule;
    const saved = await put(leader, '/api/project-flag-rules', {
      ...fields,
      zoneId: fendong,
      ...(version != null ? { version } : {}),
      immediateStartDays: 20,
      landToStartPromisedDays: 15,
      landToStartStatutoryDays: 60,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const detail = (await officer.get(`/api/projects/${p.id}`)).body;
    expect(detail.phases[1].landToStart).toMatchObject({
      workdays: 21,
      statutoryDays: 60,
      promisedDays: 15,
      immediateStartDays: 20,
      overPromised: true,
      overStatutory: false,
      immediateStart: false,
    });
    const yes = (await officer.get('/api/projects?immediateStart=true&pageSize=100')).body.items.map((r: { id: string }) => r.id);
    expect(yes).not.toContain(p.id);
    // Another zone keeps the global default.
    const hejinLeader = await ctx.login('hejin');
    expect((await hejinLeader.get(`/api/project-flag-rules?zoneId=${demoId('zone:hejin')}`)).body.immediateStartDays).toBe(30);
  });
});

describe('标准地 achieved from the records (item 6)', () => {
  it('only promises are typed: an achieved value sent is ignored; 投资强度 follows the reports, 亩均税收 waits for yearly figures', async () => {
    const p = await createProject({ totalInvestmentWan: 10000, landMu: 10, expectedTaxWan: 200, floorAreaM2: 8000 });
    const res = await put(officer, `/api/projects/${p.id}/land-standard`, {
      investmentIntensityPromised: 300,
      investmentIntensityAchieved: 999,
      taxPerMuPromised: 15,
      floorAreaRatioPromised: 1.0,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    type Indicator = { key: string; verdict: string | null };
    const byKey = (body: { landStandard: { indicators: Indicator[] } }): Record<string, Indicator> =>
      Object.fromEntries(body.landStandard.indicators.map((i) => [i.key, i]));
    expect(byKey(res.body).investmentIntensity).toMatchObject({ promised: 300, achieved: 0, source: 'progress_reports', verdict: 'pending', reported: null });
    // Expected tax 200万 / 10亩 = 20 万元/亩: shown, but an expectation is no result.
    expect(byKey(res.body).taxPerMu).toMatchObject({ promised: 15, achieved: 20, source: 'project_fields', verdict: 'pending' });
    // 8000 m² on 10 亩 (6666.7 m²) = 1.2, judged only once built.
    expect(byKey(res.body).floorAreaRatio, JSON.stringify(res.body.landStandard)).toMatchObject({ achieved: 1.2, verdict: 'pending' });
    expect(byKey(res.body).outputPerMu.verdict).toBeNull();
    expect(res.body.landStandard.verdict).toBe('pending');

    // Reports: 1,000万 + 2,500万 since start = 350 万元/亩 ≥ 300: met while still building.
    for (const [periodStart, investedWan] of [
      [monthBefore().start, 1000],
      [lastMonth().start, 2500],
    ] as const) {
      const r = await officer.post(`/api/projects/${p.id}/progress-reports`, { periodStart, investedWan, percentComplete: 30 });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const after = (await officer.get(`/api/projects/${p.id}`)).body;
    expect(byKey(after).investmentIntensity).toMatchObject({ achieved: 350, verdict: 'met' });
    expect(after.landStandard.verdict).toBe('pending');
  });

  it('a built project short of its promise is 未达标; the compliance list reads the same verdicts, the demo shows all three', async () => {
    const p = await createProject({
      totalInvestmentWan: 10000,
      landMu: 20,
      floorAreaM2: 16000,
      stage: 'completed',
      investorEnterpriseId: demoId('enterprise:jinfen-anode'),
      signedOn: daysAgo(500),
      landOn: daysAgo(450),
      startOn: daysAgo(400),
      completedOn: daysAgo(20),
    });
    await put(officer, `/api/projects/${p.id}/land-standard`, { investmentIntensityPromised: 300, floorAreaRatioPromised: 1.0 });
    await officer.post(`/api/projects/${p.id}/progress-reports`, { periodStart: lastMonth().start, cumulativeWan: 5000, percentComplete: 100 });
    const detail = (await officer.get(`/api/projects/${p.id}`)).body;
    // 5000万 / 20亩 = 250 < 300 and built: not met; 16000 m² / 13333 m² = 1.2 ≥ 1.0: met.
    expect(detail.landStandard.indicators.filter((i: { verdict: string | null }) => i.verdict)).toMatchObject([
      { key: 'investmentIntensity', achieved: 250, verdict: 'not_met' },
      { key: 'floorAreaRatio', achieved: 1.2, verdict: 'met' },
    ]);
    expect(detail.landStandard.verdict).toBe('not_met');
    const list = (await officer.get('/api/land-standards')).body as { projectId: string; verdict: string }[];
    expect(list.find((r) => r.projectId === p.id)?.verdict).toBe('not_met');
    // The demo: 中车 built short of its promised intensity (未达标); the others 达标 on intensity, 亩均税收 待核.
    const crrc = list.find((r) => r.projectId === demoId('project:crrc-rail')) as unknown as { verdict: string; indicators: { key: string; verdict: string }[] };
    expect(crrc.verdict).toBe('not_met');
    const aluminium = list.find((r) => r.projectId === demoId('project:jinnan-aluminium')) as unknown as { verdict: string; indicators: { key: string; verdict: string; reported: number | null }[] };
    expect(Object.fromEntries(aluminium.indicators.map((i) => [i.key, i.verdict])), JSON.stringify(aluminium)).toMatchObject({ investmentIntensity: 'met', floorAreaRatio: 'met', taxPerMu: 'pending' });
    expect(aluminium.verdict).toBe('pending');
    // The values typed before issue 10 stay as 企业自报 history.
    expect(aluminium.indicators.find((i) => i.key === 'taxPerMu')?.reported).not.toBeNull();
  });

  it('switches to the enterprise yearly figures when a source supplies them: tax and output per 亩 then get a verdict', async () => {
    const p = await createProject({ totalInvestmentWan: 10000, landMu: 10, expectedTaxWan: 200, investorEnterpriseId: demoId('enterprise:jinfen-anode') });
    await put(officer, `/api/projects/${p.id}/land-standard`, { taxPerMuPromised: 15, outputPerMuPromised: 500, energyPerOutputPromised: 0.3 });
    const service = createProjectsService({
      db: ctx.database.db,
      projects: createProjectsRepository(),
      audit: async () => {},
      clock: testClock,
      calendar: async () => createWorkCalendar(),
      enterpriseYearly: async (_db, ids) =>
        new Map(
          ids.map((id) => [id, { enterpriseId: id, year: 2025, taxYuan: 1_200_000, outputYuan: 60_000_000, energyTce: 1500 }] as const),
        ),
    });
    const admin = { user: { id: demoId('user:admin'), role: 'system_admin' }, scope: { all: true, zoneIds: [], rule: { kind: 'all' } } } as unknown as SessionContext;
    const detail = await service.get(admin, p.id);
    const byKey = Object.fromEntries(detail.landStandard!.indicators.map((i) => [i.key, i]));
    // 120万 / 10亩 = 12 < 15: not met; 6000万 / 10亩 = 600 ≥ 500: met; 1500 t / 6000万 = 0.25 ≤ 0.3: met.
    expect(byKey.taxPerMu).toMatchObject({ achieved: 12, source: 'enterprise_yearly', year: 2025, verdict: 'not_met' });
    expect(byKey.outputPerMu).toMatchObject({ achieved: 600, source: 'enterprise_yearly', verdict: 'met' });
    expect(byKey.energyPerOutput).toMatchObject({ achieved: 0.25, verdict: 'met' });
    expect(detail.landStandard!.verdict).toBe('not_met');
  });
});

describe('标准地 from the enterprises\' yearly figures (the chains module\'s table)', () => {
  it('once the investor has yearly figures, the app reads its latest year: tax and output per 亩 get their verdict', async () => {
    const investor = demoId('enterprise:runkang-bio');
    const p = await createProject({ totalInvestmentWan: 10000, landMu: 10, expectedTaxWan: 500, investorEnterpriseId: investor });
    await put(officer, `/api/projects/${p.id}/land-standard`, { taxPerMuPromised: 15, outputPerMuPromised: 500 });
    const before = (await officer.get(`/api/projects/${p.id}`)).body;
    expect(before.landStandard.indicators.find((i: { key: string }) => i.key === 'taxPerMu')).toMatchObject({ source: 'project_fields', achieved: 50, verdict: 'pending' });
    // 2024: 300万 tax; 2025 (the latest): 120万 tax, 6000万 output, on the enterprise's own 10 亩.
    await ctx.database.query(
      `insert into enterprise_yearly_figures (enterprise_id, year, tax_yuan, output_yuan, land_mu) values ($1, 2024, 3000000, 50000000, 10), ($1, 2025, 1200000, 60000000, 10)`,
      [investor],
    );
    const after = (await officer.get(`/api/projects/${p.id}`)).body;
    const byKey = Object.fromEntries(after.landStandard.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey.taxPerMu).toMatchObject({ source: 'enterprise_yearly', year: 2025, achieved: 12, verdict: 'not_met' });
    expect(byKey.outputPerMu).toMatchObject({ source: 'enterprise_yearly', year: 2025, achieved: 600, verdict: 'met' });
    expect(after.landStandard.verdict).toBe('not_met');
    const row = ((await officer.get('/api/land-standards')).body as { projectId: string; verdict: string }[]).find((r) => r.projectId === p.id);
    expect(row?.verdict).toBe('not_met');
  });
});

describe('deriveLand (rules)', () => {
  const row = (l: Partial<LandStandardRow>): LandStandardRow =>
    ({
      projectId: 'p',
      zoneId: 'z',
      investmentIntensityPromised: null,
      investmentIntensityReported: null,
      taxPerMuPromised: null,
      taxPerMuReported: null,
      outputPerMuPromised: null,
      floorAreaRatioPromised: null,
      floorAreaRatioReported: null,
      energyPerOutputPromised: null,
      energyPerOutputReported: null,
      assessedOn: null,
      version: 1,
      updatedAt: new Date(0),
      ...l,
    }) as LandStandardRow;
  const inputs = (p: Partial<LandInputs>): LandInputs => ({
    stage: 'construction',
    landMu: 100,
    investedTotalYuan: 0,
    expectedTaxYuan: null,
    expectedOutputYuan: null,
    floorAreaM2: null,
    ...p,
  });
  it('nothing promised is 待核; without land area nothing can be derived', () => {
    expect(deriveLand(row({}), inputs({})).verdict).toBe('pending');
    const noMu = deriveLand(row({ investmentIntensityPromised: 300 }), inputs({ landMu: null, investedTotalYuan: 1e12 }));
    expect(noMu.indicators[0]).toMatchObject({ achieved: null, verdict: 'pending' });
  });
  it('investment intensity: met once reached, pending while building, not met once built', () => {
    const l = row({ investmentIntensityPromised: 300 });
    expect(deriveLand(l, inputs({ investedTotalYuan: 300 * 100 * 10_000 })).verdict).toBe('met');
    expect(deriveLand(l, inputs({ investedTotalYuan: 299 * 100 * 10_000 })).verdict).toBe('pending');
    expect(deriveLand(l, inputs({ stage: 'production', investedTotalYuan: 299 * 100 * 10_000 })).verdict).toBe('not_met');
  });
});

/**
 * Issue 10's "Done when": a worked example through the cases listed under its "Why", each ending
 * with the figure a leader signs. Through the API, on the real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), on the fixed clock. Each case says which item of the issue it proves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from './harness.ts';
import { testDaysAgo, testToday } from './clock.ts';
import { leadOperations, tripOperations } from '../src/contract/leads.ts';
import { enterpriseOperations } from '../src/contract/enterprises.ts';
import { projectCoreOperations } from '../src/contract/projects.ts';
import { campaignGapText, campaignOperations } from '../src/contract/dispatch.ts';
import { signingEventOperations } from '../src/contract/leads.ts';
import { addDays } from '../src/contract/periods.ts';
import { createWorkCalendar } from '../src/server/platform/calendar.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';
import { buildEnterprise } from '../src/server/modules/enterprises/enterprises.factories.ts';
import { advanceLead, buildLead } from '../src/server/modules/leads/leads.factories.ts';
import { buildProject } from '../src/server/modules/projects/projects.factories.ts';
import { buildMeeting } from '../src/server/modules/dispatch/dispatch.factories.ts';

let ctx: TestContext;
/** 李婷, 招商专员 of 汾东. */
let officer: Client;
/** 项目办 of 汾东. */
let projects: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
  projects = await ctx.login('projects');
});
afterAll(() => ctx.close());

/** The quarter the fixed clock's day falls in, from its first day to today. */
function thisQuarter() {
  const [y, m] = testToday.split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: testToday };
}
const signedInQuarter = async () => (await officer.call(leadOperations.signedReport, { query: thisQuarter() })).body.signedThisPeriodYuan;
/** 1.4亿元 in yuan, and in 万元 as typed. */
const YI_1_4 = 140_000_000;
const WAN_1_4_YI = 14_000;

describe('issue 10 worked example: numbers a leader can sign', { timeout: 180_000 }, () => {
  it('a second lead of the same enterprise and project is caught; the quarter counts 1.4亿 once (item 1)', async () => {
    const before = await signedInQuarter();
    const firm = await buildEnterprise(officer, { name: '山西晋南储能科技有限公司' });
    const lead = await buildLead(officer, { name: '晋南储能1.4亿元储能电站项目', enterpriseId: firm.id });
    await advanceLead(ctx, officer, lead.id, 'signed', { investment: { signedOn: testToday, amountWan: WAN_1_4_YI } });
    expect(await signedInQuarter()).toBe(before + YI_1_4);

    // Why: "a second lead with the same enterprise and project name is accepted". Now refused, naming the first.
    const leadsBefore = await ctx.rowCount('leads');
    const again = await officer.call(leadOperations.create, { body: { name: '晋南储能1.4亿元储能电站', method: 'team', enterpriseId: firm.id } });
    expect(again.status).toBe(409);
    expect(again.body.details.duplicates).toEqual([expect.objectContaining({ id: lead.id, match: 'same_enterprise', signedYuan: YI_1_4 })]);
    expect(await ctx.rowCount('leads')).toBe(leadsBefore);
    // Under the enterprise's short name (a second enterprise record of the same 字号): caught as well.
    const short = await buildEnterprise(officer, { name: '晋南储能', allowSimilarName: true });
    const viaShort = await officer.call(leadOperations.create, { body: { name: '晋南储能1.4亿元储能电站项目', method: 'team', enterpriseId: short.id } });
    expect(viaShort.body.details.duplicates).toEqual([expect.objectContaining({ id: lead.id, match: 'similar_enterprise' })]);

    // A duplicate from before the check (kept by an override) signed again at a later ceremony:
    // the quarter would read 2.8亿; the merge makes it one project, 1.4亿 once.
    const old = await buildLead(officer, {
      name: '晋南储能储能电站项目',
      enterpriseId: short.id,
      allowDuplicate: true,
      duplicateReason: '旧台账记录，待核实',
    });
    await advanceLead(ctx, officer, old.id, 'signed', { investment: { signedOn: testToday, amountWan: WAN_1_4_YI, signingEventName: '“三个一批”集中签约' } });
    expect(await signedInQuarter()).toBe(before + 2 * YI_1_4);
    const [kept, dup] = await Promise.all([lead.id, old.id].map(async (id) => (await officer.call(leadOperations.get, { params: { id } })).body));
    const refused = await officer.call(leadOperations.merge, {
      params: { id: kept.id },
      body: { duplicateId: dup.id, version: kept.version, duplicateVersion: dup.version },
    });
    expect(refused.body.details.fields[0].field).toBe('confirmReSigning');
    const merged = await officer.call(leadOperations.merge, {
      params: { id: kept.id },
      body: { duplicateId: dup.id, version: kept.version, duplicateVersion: dup.version, confirmReSigning: true },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(
      merged.body.lead.agreements
        .filter((a) => a.kind === 'investment')
        .map((a) => a.countedAs)
        .sort(),
    ).toEqual(['first_signing', 're_signing']);
    expect(await signedInQuarter()).toBe(before + YI_1_4);
  });

  it('三个一批: the 投产 rate excludes the project still at 开工 with no production date; 签约一批 filled from the event (item 3)', async () => {
    // In 河津 (the demo has no campaign there this quarter), by its leader.
    const hejinLeader = await ctx.login('hejin');
    const hejin = demoId('zone:hejin');
    const { from: quarterStart } = thisQuarter();
    const year = Number(testToday.slice(0, 4));
    const quarter = Math.floor((Number(testToday.slice(5, 7)) - 1) / 3) + 1;
    const beforeQuarter = addDays(quarterStart, -1);
    const project = async (name: string, stage: string, totalInvestmentWan: number, dates: Record<string, string>) => {
      const res = await hejinLeader.post(
        '/api/projects',
        buildProject({
          zoneId: hejin,
          name,
          parkId: null,
          level: 'none',
          leaderUserId: null,
          officerUserId: null,
          departmentId: null,
          totalInvestmentWan,
          fixedAssetInvestmentWan: totalInvestmentWan,
          investorEnterpriseId: demoId('enterprise:hejin-profile'),
          stage,
          signedOn: addDays(beforeQuarter, -60),
          landOn: addDays(beforeQuarter, -50),
          ...dates,
        }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string };
    };
    // Why: "a project still at 开工 with no production date was accepted as 投产一批 完成, putting 40亿 into the 投产 rate".
    const building = await project('工作示例40亿在建项目', 'started', 400_000, { startOn: addDays(beforeQuarter, -30) });
    const producing = await project('工作示例5亿投产项目', 'production', 50_000, {
      startOn: addDays(beforeQuarter, -40),
      completedOn: addDays(beforeQuarter, -5),
      productionOn: quarterStart,
    });
    const event = await hejinLeader.call(signingEventOperations.create, {
      body: { zoneId: hejin, name: `${year}年第${quarter}季度三个一批集中签约（工作示例）`, kind: 'campaign', heldOn: testToday },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const signer = await buildLead(hejinLeader, { name: '工作示例河津签约项目' });
    await advanceLead(ctx, hejinLeader, signer.id, 'signed', { investment: { signedOn: testToday, amountWan: WAN_1_4_YI, signingEventId: event.body.id } });
    const campaign = await hejinLeader.call(campaignOperations.create, {
      body: { zoneId: hejin, year, quarter, eventOn: testToday, signingEventId: event.body.id },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const id = campaign.body.id;
    for (const body of [
      { batch: 'production', projectId: building.id },
      { batch: 'production', projectId: producing.id },
      { batch: 'sign', leadId: signer.id, plannedAmountWan: WAN_1_4_YI },
    ]) {
      const res = await hejinLeader.post(`/api/campaigns/${id}/entries`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // Completion cannot be typed: it is derived.
    const typed = await hejinLeader.post(`/api/campaigns/${id}/entries`, { batch: 'production', projectId: building.id, confirmed: true });
    expect(typed.status).toBe(400);
    const c = (await hejinLeader.call(campaignOperations.get, { params: { id } })).body;
    expect(c.rates.production).toMatchObject({ planned: 2, done: 1, rate: 0.5, doneAmountYuan: 500_000_000 });
    expect(c.entries.find((e) => e.projectId === building.id)).toMatchObject({ achieved: false, status: 'no_production_date' });
    expect(campaignGapText(c.gaps.find((g) => g.batch === 'production')!, 'zh')).toContain('工作示例40亿在建项目未投产');
    expect(c.rates.signing).toMatchObject({ planned: 1, done: 1, doneAmountYuan: YI_1_4 });
  });

  it('an investment agreement at 线索 is refused; a move back needs its reason (item 2)', async () => {
    const lead = await buildLead(officer, { name: '工作示例阶段规则项目' });
    const early = await officer.call(leadOperations.addAgreement, {
      params: { id: lead.id },
      body: { kind: 'investment', signedOn: testDaysAgo(1), amountWan: 5000 },
    });
    expect(early.status).toBe(400);
    expect(early.body.details.fields[0].field).toBe('kind');
    const framework = await advanceLead(ctx, officer, lead.id, 'framework', { framework: { signedOn: testDaysAgo(2) } });
    const back = await officer.call(leadOperations.changeStage, { params: { id: lead.id }, body: { stage: 'prospect', version: framework.version } });
    expect(back.body.details.fields).toEqual([{ field: 'reason', reason: '退回前一阶段需填写原因' }]);
  });

  it('a 省重点 project without 包联领导 is yellow, saying what is missing, and on the weekly agenda; a viewer is refused as 包联领导 (item 4)', async () => {
    const res = await projects.post('/api/projects', buildProject({ name: '工作示例省重点无包联项目', level: 'province', leaderUserId: null }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.flag).toBe('yellow');
    expect(res.body.flagReasons).toEqual([expect.objectContaining({ code: 'responsibility_missing', level: 'yellow', missing: ['leaderUserId'] })]);
    const history = (await projects.call(projectCoreOperations.flagHistory, { params: { id: res.body.id } })).body.items;
    expect(history[0]).toMatchObject({ fromFlag: null, toFlag: 'yellow', reasons: [expect.objectContaining({ code: 'responsibility_missing' })] });
    const viewer = await projects.patch(`/api/projects/${res.body.id}`, { version: res.body.version, leaderUserId: demoId('user:viewer') });
    expect(viewer.status).toBe(400);
    expect(viewer.body.details.fields[0].field).toBe('leaderUserId');

    // On the weekly agenda with what is missing (in 河津, which has no demo meetings).
    const hejinLeader = await ctx.login('hejin');
    const keyless = await hejinLeader.post(
      '/api/projects',
      buildProject({
        zoneId: demoId('zone:hejin'),
        name: '工作示例河津省重点无包联项目',
        parkId: null,
        level: 'province',
        leaderUserId: null,
        officerUserId: null,
        departmentId: null,
      }),
    );
    expect(keyless.status, JSON.stringify(keyless.body)).toBe(201);
    expect(keyless.body.flag).toBe('yellow');
    const meeting = await buildMeeting(hejinLeader, { zoneId: demoId('zone:hejin'), title: '工作示例周调度会' });
    const onAgenda = meeting.agenda.find((a) => a.kind === 'responsibility_gap' && a.refId === keyless.body.id);
    expect(onAgenda?.detail).toContain('未落实包联领导、责任单位、责任人');
  });

  it('the 二期 from land to construction in 21 working days shows against the statutory 107: 拿地即开工 (item 5)', async () => {
    // A start a few days back and the land day 21 official working days before it (holidays and
    // 调休 counted by the platform calendar, so this holds at any TEST_NOW).
    const cal = createWorkCalendar();
    const startOn = testDaysAgo(5);
    let landOn = addDays(startOn, -21);
    while (cal.workdaysBetween(landOn, startOn) < 21) landOn = addDays(landOn, -1);
    expect(cal.workdaysBetween(landOn, startOn)).toBe(21);
    const res = await projects.post(
      '/api/projects',
      buildProject({
        name: '工作示例两期项目',
        totalInvestmentWan: 10000,
        phases: [
          { name: '一期', stage: 'construction', investmentWan: 6000, landOn: addDays(landOn, -400), actualStartOn: addDays(landOn, -200) },
          { name: '二期', stage: 'started', investmentWan: 4000, landOn, actualStartOn: startOn },
        ],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const second = res.body.phases.find((ph: { name: string }) => ph.name === '二期');
    expect(second.landToStart).toMatchObject({ workdays: 21, statutoryDays: 107, overStatutory: false, immediateStart: true });
    expect(res.body.phases.find((ph: { name: string }) => ph.name === '一期').landToStart).toMatchObject({ overStatutory: true, immediateStart: false });
    // A phase whose actual end precedes its start is refused, writing nothing.
    const phasesBefore = await ctx.rowCount('project_phases');
    const bad = await projects.post(
      '/api/projects',
      buildProject({ phases: [{ name: '一期', stage: 'completed', landOn: testDaysAgo(100), actualStartOn: testDaysAgo(50), actualEndOn: testDaysAgo(60) }] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['phases.0.actualEndOn']);
    expect(await ctx.rowCount('project_phases')).toBe(phasesBefore);
  });

  it('the 阳城-style trip reads 对接3家 / 框架协议1家 / 意向1家, counted by enterprise (item 7)', async () => {
    const trip = await officer.call(tripOperations.create, {
      body: {
        title: '赴阳城开展小分队招商（工作示例）',
        destination: '山西省晋城市阳城县',
        startOn: testDaysAgo(3),
        endOn: testDaysAgo(1),
        leader: '刘卫东',
        meetings: [
          { enterprise: { name: '阳城示例甲新材料有限公司', noCreditCode: true }, newLead: { name: '示例甲新材料项目' }, occurredOn: testDaysAgo(3) },
          {
            enterprise: { name: '阳城示例乙装备有限公司', noCreditCode: true },
            newLead: { name: '示例乙装备项目' },
            occurredOn: testDaysAgo(2),
            intentReached: true,
          },
          { enterprise: { name: '阳城示例丙科技有限公司', noCreditCode: true }, occurredOn: testDaysAgo(1), outcome: '初步接触' },
        ],
      },
    });
    expect(trip.status, JSON.stringify(trip.body)).toBe(201);
    const first = trip.body.meetings[0] as { leadId: string };
    // One enterprise signs its framework and then its investment agreement in the trip's dates.
    await advanceLead(ctx, officer, first.leadId, 'signed', { framework: { signedOn: testDaysAgo(2) }, investment: { signedOn: testDaysAgo(1) } });
    const results = (await officer.call(tripOperations.get, { params: { id: trip.body.id } })).body.results;
    expect(results).toMatchObject({ enterprisesMet: 3, frameworkEnterprises: 1, intentEnterprises: 1, investmentEnterprises: 1 });
  });

  it('a county-level zone and an investor from 巴中 are accepted; 铭诚微电子 is suggested as 巴中市铭诚微电子科技有限公司 (item 8)', async () => {
    const full = await buildEnterprise(officer, { name: '巴中市铭诚微电子科技有限公司', regionCode: '511900' });
    expect(full.regionCode).toBe('511900');
    const short = await officer.call(enterpriseOperations.create, { body: { name: '铭诚微电子', noCreditCode: true } });
    expect(short.status).toBe(409);
    expect(short.body.details.existingId).toBe(full.id);
    const houma = await officer.call(enterpriseOperations.create, { body: { name: '侯马示例装备有限公司', noCreditCode: true, regionCode: '141081' } });
    expect(houma.status, JSON.stringify(houma.body)).toBe(201);
  });
});

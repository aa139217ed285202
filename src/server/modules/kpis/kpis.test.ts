import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiOperations, rankIndicators, type KpiDashboard } from '../../../contract/kpis.ts';
import { leadOperations } from '../../../contract/leads.ts';
import { statisticsOperations } from '../../../contract/statistics.ts';
import { blockerOperations } from '../../../contract/dispatch/blockers.ts';
import { projectOperations } from '../../../contract/projects.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testClock, testNow, testToday } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildBlocker } from '../dispatch/dispatch.factories.ts';
import { advanceLead, buildLead, uploadLeadFile } from '../leads/leads.factories.ts';
import { buildProject } from '../projects/projects.factories.ts';
import { aggregate, indicatorValue, readerOf, yearWindow } from './kpis.figures.ts';
import type { KpisService } from './kpis.service.ts';

const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const year = Number(testToday.slice(0, 4));
const WAN = 10_000;

let ctx: TestContext;
let kpis: KpisService;
let admin: Client;
let leader: Client;

/** The job's tick: refresh every zone whose records changed. */
const tick = () => (ctx.app as unknown as { jobs: { tick(name: string): Promise<string> } }).jobs.tick('kpis.refresh-stale');
const dashboard = async (c: Client, zoneId?: string) => {
  const res = await c.call(kpiOperations.dashboard, { query: zoneId ? { zoneId } : {} });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as KpiDashboard;
};

beforeAll(async () => {
  // The worked example dates its records up to September of the test year: run the app on 1 December
  // of that year (or later), so none of them is in the future whatever TEST_NOW is.
  const december = new Date(`${year}-12-01T04:00:00Z`);
  const started = Date.now();
  ctx = await createTestContext({ clock: testNow >= december ? testClock : () => new Date(december.getTime() + (Date.now() - started)) });
  kpis = (ctx.app as unknown as { services: { kpis: KpisService } }).services.kpis;
  admin = await ctx.login('admin');
  leader = await ctx.login('leader');
  await tick();
});
afterAll(() => ctx.close());

describe('驾驶舱 figures: a worked example', () => {
  it('adding known records moves each figure by the hand-computed amount', async () => {
    const before = await dashboard(leader, fendong);

    // Lead (产业链招商): 投资协议 5000 万 in March, 增资 1000 万 in June, a re-signing (投资协议) of 3000 万 in July.
    const lead = await buildLead(leader, { zoneId: fendong, method: 'chain' });
    await advanceLead(ctx, leader, lead.id, 'signed', { investment: { signedOn: `${year}-03-10`, amountWan: 5000 } });
    const file = (await uploadLeadFile(ctx, leader, lead.id)).body as { id: string };
    for (const a of [
      { kind: 'capital_increase', signedOn: `${year}-06-15`, amountWan: 1000 },
      { kind: 'investment', signedOn: `${year}-07-01`, amountWan: 3000 },
    ] as const) {
      const res = await leader.call(leadOperations.addAgreement, { params: { id: lead.id }, body: { ...a, fileId: file.id } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // Project: signed and started this year (February, April), annual plan 2000 万, one report of 500 万 in May.
    const project = await admin.call(projectOperations.create, {
      body: buildProject({
        stage: 'started',
        investorEnterpriseId: demoId('enterprise:jinfen-anode'),
        signedOn: `${year}-02-01`,
        landOn: `${year}-03-01`,
        startOn: `${year}-04-01`,
        annualPlanWan: 2000,
      }),
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const report = await admin.call(projectOperations.createReport, {
      params: { id: project.body.id },
      body: { periodStart: `${year}-05-01`, investedWan: 500, percentComplete: 10 },
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    // Blocker: raised on 1 September, 销号 on 11 September (10 days).
    const blocker = await buildBlocker(leader, { raisedOn: `${year}-09-01`, deadlineOn: `${year}-09-30` });
    const resolved = await leader.call(blockerOperations.resolve, {
      params: { id: blocker.id },
      body: { version: blocker.version, resolution: '已协调解决', resolvedOn: `${year}-09-11` },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);

    // The 驾驶舱 reads the summaries: unchanged until the job runs.
    expect((await dashboard(leader, fendong)).headline.signedYuan).toBe(before.headline.signedYuan);
    await tick();
    const after = await dashboard(leader, fendong);
    const d = (k: keyof KpiDashboard['headline']) => (after.headline[k] as number) - (before.headline[k] as number);

    // 签约额: 5000 (first investment agreement) + 1000 (增资) = 6000 万; the re-signing adds 0. One signed project.
    expect(d('signedYuan')).toBe(6000 * WAN);
    expect(d('signedCount')).toBe(1);
    // 年度计划 +2000 万, 完成投资 +500 万.
    expect(d('planYuan')).toBe(2000 * WAN);
    expect(d('investedYuan')).toBe(500 * WAN);
    // One more project signed, started (to date and this year); none more in production.
    expect([d('projectsSigned'), d('projectsStarted'), d('startedThisYear'), d('projectsProduced')]).toEqual([1, 1, 1, 0]);
    // 开工率 = started / signed, to date.
    expect(after.headline.startRate).toBe(Math.round((after.headline.projectsStarted / after.headline.projectsSigned) * 10_000) / 10_000);
    // 堵点: one more opened and closed; the average days to 销号 includes its 10 days.
    expect([d('blockersOpened'), d('blockersClosed')]).toEqual([1, 1]);
    const days = (h: KpiDashboard['headline']) => (h.avgDaysToClose ?? 0) * h.blockersClosed;
    expect(days(after.headline) - days(before.headline)).toBeCloseTo(10, 0);
    // By quarter and method: Q1 产业链招商 +5000 万, Q2 +1000 万, Q3 nothing (the re-signing).
    const q = (b: KpiDashboard, quarter: string) => b.signedByQuarter.find((r) => r.quarter === `${year}${quarter}` && r.method === 'chain')?.signedYuan ?? 0;
    expect([q(after, 'Q1') - q(before, 'Q1'), q(after, 'Q2') - q(before, 'Q2'), q(after, 'Q3') - q(before, 'Q3')]).toEqual([5000 * WAN, 1000 * WAN, 0]);
    // By month: May's invested +500 万; the cumulative line ends 500 万 higher.
    const may = (b: KpiDashboard) => b.investmentByMonth.find((m) => m.month === `${year}-05`)!;
    expect(may(after).investedYuan - may(before).investedYuan).toBe(500 * WAN);
    expect(after.investmentByMonth.at(-1)!.cumulativeYuan - before.investmentByMonth.at(-1)!.cumulativeYuan).toBe(500 * WAN);
    // The lead is at 正式签约: the funnel's 正式签约 holds one more, and 产业链招商's signed leads one more.
    expect(after.funnel.find((f) => f.stage === 'signed')!.current - before.funnel.find((f) => f.stage === 'signed')!.current).toBe(1);
    const chain = (b: KpiDashboard) => b.conversionByMethod.find((m) => m.method === 'chain') ?? { leads: 0, signed: 0 };
    expect([chain(after).leads - chain(before).leads, chain(after).signed - chain(before).signed]).toEqual([1, 1]);
    // Projects by stage: one more 开工.
    const started = (b: KpiDashboard) => b.projectsByStage.find((s) => s.stage === 'started')!.count;
    expect(started(after) - started(before)).toBe(1);
  });

  it('the demo zone’s 驾驶舱 has figures in every card', async () => {
    const b = await dashboard(leader, fendong);
    expect(b.headline.signedYuan).toBeGreaterThan(0);
    expect(b.projectsByStage.reduce((n, s) => n + s.count, 0)).toBeGreaterThan(0);
    expect(b.funnel[0]!.reached).toBeGreaterThan(0);
    expect(b.refreshedAt).not.toBeNull();
  });
});

describe('scope', () => {
  it("a zone user sees their zone only (another zone's 驾驶舱 is empty); the province viewer sees every zone of the province", async () => {
    const mine = await dashboard(leader);
    expect(mine.zones.map((z) => z.id)).toEqual([fendong]);
    // Asked for another zone, the 驾驶舱 holds nothing (as a list asked for another zone does).
    const other = await dashboard(leader, hejin);
    expect([other.zones, other.headline.signedYuan, other.slipped]).toEqual([[], 0, []]);
    const province = await ctx.login('province');
    const all = await dashboard(province);
    expect(all.zones.length).toBeGreaterThanOrEqual(3);
    const fen = await dashboard(province, fendong);
    const he = await dashboard(province, hejin);
    // The province's roll-up is the sum of its zones.
    const rest = all.zones.filter((z) => z.id !== fendong && z.id !== hejin);
    let others = 0;
    for (const z of rest) others += (await dashboard(province, z.id)).headline.signedYuan;
    expect(all.headline.signedYuan).toBe(fen.headline.signedYuan + he.headline.signedYuan + others);
    // Ranking: zone users rank their own zones only.
    const ranked = await leader.call(kpiOperations.ranking, { query: { indicator: 'signedYuan' } });
    expect(ranked.body.rows.map((r: { key: string }) => r.key)).toEqual([fendong]);
    const byProvince = await province.call(kpiOperations.ranking, { query: { indicator: 'signedYuan' } });
    expect(byProvince.body.rows.length).toBe(all.zones.length);
    expect(byProvince.body.rows[0].rank).toBe(1);
    const cities = await province.call(kpiOperations.ranking, { query: { indicator: 'signedYuan', groupBy: 'city' } });
    expect(cities.body.rows.reduce((n: number, r: { zones: number }) => n + r.zones, 0)).toBe(all.zones.length);
    // Refresh: leaders of the zone may; a viewer may not; another zone's is not found.
    expect((await leader.call(kpiOperations.refresh, { body: { zoneId: fendong } })).status).toBe(200);
    expect((await leader.call(kpiOperations.refresh, { body: { zoneId: hejin } })).status).toBe(404);
    expect((await (await ctx.login('viewer')).call(kpiOperations.refresh, { body: { zoneId: fendong } })).status).toBe(403);
  });
});

describe('ranking on KPIs', () => {
  it('each zone’s value is the KPI of all its stored figures (the ranking reads only the figures the KPIs need)', async () => {
    await kpis.refresh([fendong, demoId('zone:hejin')]);
    const res = await (await ctx.login('province')).call(kpiOperations.ranking, { query: { indicator: 'signedYuan' } });
    expect(res.status).toBe(200);
    const through = res.body.throughMonth + '-01';
    let nonZero = 0;
    for (const zoneId of [fendong, demoId('zone:hejin')]) {
      const rows = await ctx.database.query<{ month: string; indicator: string; dimension: string; value: string }>(
        `select to_char(month, 'YYYY-MM-DD') as month, indicator, dimension, value from kpi_summaries where zone_id = $1`,
        [zoneId],
      );
      const get = readerOf(aggregate(rows.map((r) => ({ ...r, value: Number(r.value) }))), yearWindow(res.body.year, through));
      const row = res.body.rows.find((r: { key: string }) => r.key === zoneId)!;
      const kpis = rankIndicators.filter((i) => !['industrialInvestment', 'industrialOutput', 'aboveScaleEnterprises', 'taxPerMu', 'outputPerMu'].includes(i));
      for (const ind of kpis) expect([ind, row.values[ind].value]).toEqual([ind, indicatorValue(ind, get)]);
      nonZero += kpis.filter((ind) => (row.values[ind].value ?? 0) !== 0).length;
    }
    // The demo zones have figures (not a comparison of zeros).
    expect(nonZero).toBeGreaterThan(5);
  });
});

describe('考核 on KPIs', () => {
  it('a KPI item scores the zone’s KPI of the year as the 驾驶舱 shows it: 签约额 in 万元, 开工率 in %; a KPI lower-is-better or by growth is refused', async () => {
    const province = await ctx.login('province');
    // This year to date (snapshots such as 开工率 are kept from the month the app first ran).
    const y = year;
    const existing = (await province.call(statisticsOperations.listSchemes, {})).body.find((s: { year: number }) => s.year === y);
    const d = await leader.call(kpiOperations.dashboard, { query: { zoneId: fendong, year: y } });
    const signedWan = d.body.headline.signedYuan / WAN;
    const startPct = Math.round(d.body.headline.startRate! * 10_000) / 100;
    expect(signedWan).toBeGreaterThan(0);
    expect(startPct).toBeGreaterThan(0);
    const scheme = {
      version: existing?.version ?? null,
      name: `${y}年度考核（KPI）`,
      items: [
        { source: 'kpi', code: 'signedYuan', measure: 'value', weight: 60, target: signedWan * 2 },
        { source: 'kpi', code: 'startRate', measure: 'value', weight: 40, target: 100 },
      ],
      cutoffs: { excellent: 90, good: 80, pass: 70, basicPass: 60 },
    };
    const refused = await province.call(statisticsOperations.saveScheme, {
      params: { year: y },
      body: { ...scheme, items: [{ ...scheme.items[0], code: 'avgDaysToClose' }, { ...scheme.items[1], measure: 'growth' }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['items.0.code', 'items.1.measure']);
    expect((await province.call(statisticsOperations.saveScheme, { params: { year: y }, body: scheme })).status).toBe(200);
    expect((await province.call(statisticsOperations.compute, { body: { year: y, zoneId: fendong } })).status).toBe(200);
    const [result] = (await leader.call(statisticsOperations.results, { query: { year: y, zoneId: fendong } })).body;
    expect(result.items.map((i: { actual: number | null; score: number }) => [i.actual, i.score])).toEqual([
      [signedWan, 30],
      [startPct, Math.round(40 * Math.min(startPct / 100, 1) * 100) / 100],
    ]);
  });
});

describe('ranking on 统计局 figures', () => {
  it('亩均税收 is the stat year’s 税收 over its 开发面积; 工业投资 growth is on the year before', async () => {
    const province = await ctx.login('province');
    const statYear = year - 1;
    const value = async (indicator: string, period: string) => {
      const [row] = await ctx.database.query<{ amount_yuan: string | null; quantity: string | null }>(
        'select amount_yuan, quantity from statistic_values where zone_id = $1 and indicator = $2 and period = $3',
        [fendong, indicator, period],
      );
      return row ? Number(row.amount_yuan ?? row.quantity) : null;
    };
    const tax = await value('tax_revenue', `${statYear}`);
    const area = (await value('developed_area', `${statYear}`)) ?? (await value('developed_area', `${statYear}Q4`));
    const res = await province.call(kpiOperations.ranking, { query: { indicator: 'taxPerMu' } });
    expect(res.status).toBe(200);
    expect(res.body.statYear).toBe(statYear);
    const fen = res.body.rows.find((r: { key: string }) => r.key === fendong)!;
    expect(tax && area).toBeTruthy();
    expect(fen.values.taxPerMu.value).toBe(Math.round(tax! / area!));
    expect(fen.rank).not.toBeNull();
    const inv = [await value('industrial_investment', `${statYear}`), await value('industrial_investment', `${statYear - 1}`)];
    const growth = await province.call(kpiOperations.ranking, { query: { indicator: 'industrialInvestment', basis: 'growth' } });
    const g = growth.body.rows.find((r: { key: string }) => r.key === fendong)!;
    expect(g.values.industrialInvestment).toEqual({ value: inv[0], previous: inv[1], growth: Math.round((inv[0]! / inv[1]! - 1) * 10_000) / 10_000 });
    // Ranked on growth, the zones without last year's figure have no rank.
    for (const r of growth.body.rows) if (r.values.industrialInvestment.growth === null) expect(r.rank).toBeNull();
  });
});

describe('read model', () => {
  const zoneRows = async (zoneId: string) => {
    const rows = await ctx.database.query<{ month: string; indicator: string; dimension: string; value: string }>(
      `select to_char(month, 'YYYY-MM-DD') as month, indicator, dimension, value from kpi_summaries where zone_id = $1 and month >= $2::date`,
      [zoneId, `${year - 1}-01-01`],
    );
    return aggregate(rows.map((r) => ({ ...r, value: Number(r.value) })));
  };
  const sorted = <T extends { month: string; indicator: string; dimension: string }>(rows: T[]) =>
    [...rows].sort((a, b) => `${a.month}${a.indicator}${a.dimension}`.localeCompare(`${b.month}${b.indicator}${b.dimension}`));

  it('after any sequence of writes and job ticks, the summaries equal the figures computed from scratch', async () => {
    const file = async (leadId: string) => ((await uploadLeadFile(ctx, leader, leadId)).body as { id: string }).id;
    const day = fc
      .integer({ min: 1, max: 300 })
      .map((n) => new Date(Date.UTC(year, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
      .filter((d) => d <= testToday);
    const write = fc.oneof(
      fc.record({ kind: fc.constant('lead' as const), amount: fc.integer({ min: 1, max: 9000 }), on: day, method: fc.constantFrom('chain', 'fund', 'fair') }),
      fc.record({ kind: fc.constant('increase' as const), amount: fc.integer({ min: 1, max: 900 }), on: day }),
      fc.record({ kind: fc.constant('blocker' as const), on: day, resolve: fc.boolean() }),
      fc.record({ kind: fc.constant('project' as const), on: day, plan: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ kind: fc.constant('tick' as const) }),
    );
    const signed: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        for (const w of writes) {
          if (w.kind === 'lead') {
            const lead = await buildLead(leader, { zoneId: fendong, method: w.method });
            await advanceLead(ctx, leader, lead.id, 'signed', { investment: { signedOn: w.on, amountWan: w.amount } });
            signed.push(lead.id);
          } else if (w.kind === 'increase' && signed.length > 0) {
            const leadId = signed[signed.length - 1]!;
            const detail = (await leader.call(leadOperations.get, { params: { id: leadId } })).body;
            const first = detail.agreements.find((a: { kind: string }) => a.kind === 'investment')!.signedOn as string;
            await leader.call(leadOperations.addAgreement, {
              params: { id: leadId },
              body: { kind: 'capital_increase', signedOn: w.on < first ? first : w.on, amountWan: w.amount, fileId: await file(leadId) },
            });
          } else if (w.kind === 'blocker') {
            const b = await buildBlocker(leader, { raisedOn: w.on, deadlineOn: w.on });
            if (w.resolve)
              await leader.call(blockerOperations.resolve, { params: { id: b.id }, body: { version: b.version, resolution: '已解决', resolvedOn: testToday } });
          } else if (w.kind === 'project') {
            await admin.call(projectOperations.create, {
              body: buildProject({ stage: 'signed', investorEnterpriseId: demoId('enterprise:jinfen-anode'), signedOn: w.on, annualPlanWan: w.plan }),
            });
          } else await tick();
        }
        await tick();
        const scratch = aggregate((await kpis.fromScratch([fendong])).filter((r) => r.month >= `${year - 1}-01-01`));
        expect(sorted(await zoneRows(fendong))).toEqual(sorted(scratch));
        // And the 驾驶舱 read from them is the one computed from scratch.
        const { slipped: _s, zones: _z, asOf: _a, refreshedAt: _r, year: _y, services: _v, ...read } = await dashboard(leader, fendong);
        expect(read).toEqual(kpis.figures(scratch, year));
      }),
      { numRuns: 4 },
    );
  });

  it('a zone nobody wrote to is not refreshed again the same day', async () => {
    await tick();
    const [before] = await ctx.database.query<{ refreshed_at: Date }>('select refreshed_at from kpi_refreshes where zone_id = $1', [hejin]);
    await buildBlocker(leader, {});
    await tick();
    const [after] = await ctx.database.query<{ refreshed_at: Date }>('select refreshed_at from kpi_refreshes where zone_id = $1', [hejin]);
    expect(new Date(after!.refreshed_at).getTime()).toBe(new Date(before!.refreshed_at).getTime());
  });
});

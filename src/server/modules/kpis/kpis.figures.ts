/**
 * The KPI definitions (docs/kpis.md) as arithmetic over stored figures: the 驾驶舱, the ranking
 * and the from-scratch check all read these, so a figure has one definition. Pure.
 */
import { campaignBatchKeys, type KpiDashboard, type RankIndicator } from '../../../contract/kpis.ts';
import { leadMethods, leadStages } from '../../../contract/pipeline-enums.ts';
import { projectFlags, projectStages } from '../../../contract/projects/vocabulary.ts';
import { snapshotIndicators } from './kpis.repository.ts';

/** A stored figure summed over a set of zones. */
export interface AggRow {
  month: string;
  indicator: string;
  dimension: string;
  value: number;
}

const isSnapshot = (indicator: string) => (snapshotIndicators as readonly string[]).includes(indicator);
export const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);
export const monthKey = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}-01`;

/** The months a window covers: flows are summed over [from, to]; snapshots are read at `to`. */
export interface Window {
  from: string;
  to: string;
}

/** Reads figures of one window: a flow summed over its months, a snapshot at its last month. */
export type Reader = (indicator: string, dimension?: string) => number;

export function readerOf(rows: readonly AggRow[], w: Window): Reader {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const inWindow = isSnapshot(r.indicator) ? r.month === w.to : r.month >= w.from && r.month <= w.to;
    if (!inWindow) continue;
    for (const key of [r.indicator, `${r.indicator}|${r.dimension}`]) sums.set(key, (sums.get(key) ?? 0) + r.value);
  }
  return (indicator, dimension) => sums.get(dimension === undefined ? indicator : `${indicator}|${dimension}`) ?? 0;
}

/**
 * 统计局 figures enter a window as `stat:<code>` (the value: yuan for money, else the quantity) and
 * `stat_n:<code>` (how many zones have one), so a missing figure reads null, not 0.
 */
const stat = (get: Reader, code: string) => (get(`stat_n:${code}`) === 0 ? null : get(`stat:${code}`));
/** Per 亩 of 开发面积, over the zones that have both figures (yuan per 亩, rounded). */
const perMu = (get: Reader, code: string) => {
  const area = get(`stat_both:${code}:developed_area`);
  return area > 0 ? Math.round(get(`stat_with_area:${code}`) / area) : null;
};

/**
 * The stored figures `indicatorValue` reads, and those it reads per dimension: the ranking sums only
 * these (a zone's leads by stage and method, say, would be thousands of rows it never reads).
 */
export const rankSources = {
  indicators: ['signed_yuan', 'arrived_yuan', 'invested_yuan', 'plan_yuan', 'projects_started', 'projects_to_date', 'blockers_closed', 'blocker_close_days', 'chain_links', 'chain_links_filled'],
  byDimension: ['projects_to_date'],
} as const;

/** Every rankable indicator from a window's figures (reads only `rankSources`). */
export function indicatorValue(ind: RankIndicator, get: Reader): number | null {
  switch (ind) {
    case 'signedYuan':
      return get('signed_yuan');
    case 'arrivedYuan':
      return get('arrived_yuan');
    case 'investedYuan':
      return get('invested_yuan');
    case 'planRate':
      return ratio(get('invested_yuan'), get('plan_yuan'));
    case 'projectsStarted':
      return get('projects_started');
    case 'startRate':
      return ratio(get('projects_to_date', 'started'), get('projects_to_date', 'signed'));
    case 'productionRate':
      return ratio(get('projects_to_date', 'produced'), get('projects_to_date', 'started'));
    case 'blockersClosed':
      return get('blockers_closed');
    case 'avgDaysToClose':
      return get('blockers_closed') === 0 ? null : Math.round((get('blocker_close_days') / get('blockers_closed')) * 10) / 10;
    case 'chainCompleteness':
      return ratio(get('chain_links_filled'), get('chain_links'));
    case 'industrialInvestment':
      return stat(get, 'industrial_investment');
    case 'industrialOutput':
      return stat(get, 'industrial_output');
    case 'aboveScaleEnterprises':
      return stat(get, 'above_scale_enterprises');
    case 'taxPerMu':
      return perMu(get, 'tax_revenue');
    case 'outputPerMu':
      return perMu(get, 'industrial_output');
  }
}

/** The year to date through `throughMonth` (the whole year for a past one). */
export const yearWindow = (year: number, throughMonth: string): Window => ({ from: monthKey(year, 1), to: throughMonth < monthKey(year, 12) ? throughMonth : monthKey(year, 12) });

export function headlineOf(rows: readonly AggRow[], year: number, throughMonth: string): KpiDashboard['headline'] {
  const get = readerOf(rows, yearWindow(year, throughMonth));
  const v = (i: RankIndicator) => indicatorValue(i, get);
  return {
    signedYuan: get('signed_yuan'),
    signedCount: get('signed_count'),
    arrivedYuan: get('arrived_yuan'),
    investedYuan: get('invested_yuan'),
    planYuan: get('plan_yuan'),
    planRate: v('planRate'),
    projectsSigned: get('projects_to_date', 'signed'),
    projectsStarted: get('projects_to_date', 'started'),
    projectsProduced: get('projects_to_date', 'produced'),
    startedThisYear: get('projects_started'),
    producedThisYear: get('projects_produced'),
    startRate: v('startRate'),
    productionRate: v('productionRate'),
    blockersOpened: get('blockers_opened'),
    blockersClosed: get('blockers_closed'),
    avgDaysToClose: v('avgDaysToClose'),
    blockersOverdue: get('blockers_overdue'),
    chainLinks: get('chain_links'),
    chainLinksFilled: get('chain_links_filled'),
    chainCompleteness: v('chainCompleteness'),
    campaign: Object.fromEntries(
      campaignBatchKeys.map((b) => {
        const planned = get('campaign_planned', b);
        const done = get('campaign_done', b);
        return [b, { planned, done, rate: ratio(done, planned) }];
      }),
    ) as KpiDashboard['headline']['campaign'],
  };
}

/** Everything of the 驾驶舱 that comes from the summaries (the slipped projects are read live). */
export function dashboardFigures(rows: readonly AggRow[], year: number, throughMonth: string): Omit<KpiDashboard, 'year' | 'asOf' | 'refreshedAt' | 'zones' | 'slipped' | 'services'> {
  const through = yearWindow(year, throughMonth).to;
  const lastMonth = Number(through.slice(5, 7));
  const months = Array.from({ length: lastMonth }, (_, i) => monthKey(year, i + 1));
  const flow = (indicator: string, month: string, dimension?: string) => readerOf(rows, { from: month, to: month })(indicator, dimension);
  const snap = readerOf(rows, { from: through, to: through });
  const plan = readerOf(rows, yearWindow(year, through))('plan_yuan');
  let cumulative = 0;
  const investmentByMonth = months.map((month, i) => {
    const investedYuan = flow('invested_yuan', month);
    cumulative += investedYuan;
    return { month: month.slice(0, 7), planYuan: Math.round((plan * (i + 1)) / 12), investedYuan, cumulativeYuan: cumulative };
  });
  const current = (stage: string) => leadMethods.reduce((n, m) => n + snap('leads_stage', `${stage}|${m}`), 0);
  const reached = (i: number) => leadStages.slice(i).reduce((n, st) => n + current(st), 0);
  const funnel = leadStages.map((stage, i) => ({
    stage,
    current: current(stage),
    reached: reached(i),
    conversion: i + 1 < leadStages.length ? ratio(reached(i + 1), reached(i)) : null,
  }));
  const signedFrom = leadStages.indexOf('signed');
  const conversionByMethod = leadMethods
    .map((method) => {
      const leads = leadStages.reduce((n, st) => n + snap('leads_stage', `${st}|${method}`), 0);
      const signed = leadStages.slice(signedFrom).reduce((n, st) => n + snap('leads_stage', `${st}|${method}`), 0);
      return { method, leads, signed, rate: ratio(signed, leads) };
    })
    .filter((r) => r.leads > 0);
  const signedByQuarter = [1, 2, 3, 4].flatMap((q) =>
    leadMethods
      .map((method) => ({
        quarter: `${year}Q${q}`,
        method,
        signedYuan: months.filter((m) => Math.ceil(Number(m.slice(5, 7)) / 3) === q).reduce((n, m) => n + flow('signed_yuan', m, method), 0),
      }))
      .filter((r) => r.signedYuan !== 0),
  );
  return {
    headline: headlineOf(rows, year, through),
    investmentByMonth,
    projectsByStage: projectStages.map((stage) => ({ stage, count: snap('projects_stage', stage) })),
    flags: Object.fromEntries(projectFlags.map((f) => [f, snap('projects_flag', f)])) as KpiDashboard['flags'],
    funnel,
    conversionByMethod,
    signedByQuarter,
    blockersByMonth: months.map((month) => ({ month: month.slice(0, 7), opened: flow('blockers_opened', month), closed: flow('blockers_closed', month) })),
  };
}

/** Rows summed over zones (what the database's group by gives the read path). */
export function aggregate(rows: readonly { month: string; indicator: string; dimension: string; value: number }[]): AggRow[] {
  const m = new Map<string, AggRow>();
  for (const r of rows) {
    const key = `${r.month}|${r.indicator}|${r.dimension}`;
    const cur = m.get(key);
    if (cur) cur.value += r.value;
    else m.set(key, { month: r.month, indicator: r.indicator, dimension: r.dimension, value: r.value });
  }
  return [...m.values()];
}

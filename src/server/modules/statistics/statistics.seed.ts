/**
 * Demo statistics, dated from the seed's clock (Y = its year): 汾东 as the issue tells it — 工业投资
 * 13.3亿 (Y−4) → 28亿 (Y−1), “四上” 40 → 101, 高新技术企业 19 → 38 — with yearly figures from Y−6, monthly
 * and quarterly figures for Y−1 and Y up to the last finished month; 河津 and 运城高新区 from Y−2. At
 * `--scale province` every other zone gets Y−2, Y−1 and the months of Y−1 and Y, spread so that
 * rankings on 工业投资 growth and 亩均税收 mean something. The province's scheme for each year and
 * the results of the finished years (汾东: 优秀 five years running). Inserted in batches.
 */
import { indicatorByCode, moneyUnitOf, parsePeriod } from '../../../contract/statistics-indicators.ts';
import type { Tx } from '../../db/client.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { recordAudit } from '../../platform/audit.ts';
import { demoId, seededRandom } from '../../seed/demo-ids.ts';
import { provinceZones } from '../org/org.seed.ts';
import { defaultCutoffs, defaultItems } from './statistics.assessment.ts';
import { createStatisticsRepository, type NewRevision, type NewValue } from './statistics.repository.ts';
import { assessmentSchemes, statisticRevisions, statisticValues } from './statistics.schema.ts';
import { createStatisticsService } from './statistics.service.ts';

/** A zone's yearly figures, in the catalogue's units (万元, 亿元, 家, 人, 亩, %). */
type Year = Record<string, number>;

/** 汾东 by year, Y−6 … Y−1 (2020 … 2025 when Y is 2026). */
const fendongYears: Year[] = [
  {
    industrial_output: 1_930_000,
    industrial_value_added: 482_500,
    industrial_investment: 9.6,
    fixed_asset_investment: 35.1,
    operating_revenue: 2_350_000,
    tax_revenue: 86_000,
    foreign_capital: 6_100,
    out_of_province_capital: 30.1,
    above_scale_enterprises: 30,
    high_tech_enterprises: 14,
    employees: 26_300,
    developed_area: 16_800,
    supplied_land: 11_800,
    idle_land: 460,
  },
  {
    industrial_output: 2_150_000,
    industrial_value_added: 537_500,
    industrial_investment: 11.2,
    fixed_asset_investment: 38.5,
    operating_revenue: 2_600_000,
    tax_revenue: 98_000,
    foreign_capital: 6_800,
    out_of_province_capital: 35.2,
    above_scale_enterprises: 34,
    high_tech_enterprises: 16,
    employees: 28_500,
    developed_area: 18_000,
    supplied_land: 12_600,
    idle_land: 420,
  },
  {
    industrial_output: 2_420_000,
    industrial_value_added: 605_000,
    industrial_investment: 13.3,
    fixed_asset_investment: 42.6,
    operating_revenue: 2_950_000,
    tax_revenue: 112_000,
    foreign_capital: 7_500,
    out_of_province_capital: 41,
    above_scale_enterprises: 40,
    high_tech_enterprises: 19,
    employees: 31_200,
    developed_area: 19_500,
    supplied_land: 13_800,
    idle_land: 380,
  },
  {
    industrial_output: 2_760_000,
    industrial_value_added: 690_000,
    industrial_investment: 17.6,
    fixed_asset_investment: 47.9,
    operating_revenue: 3_380_000,
    tax_revenue: 128_500,
    foreign_capital: 8_200,
    out_of_province_capital: 48.6,
    above_scale_enterprises: 58,
    high_tech_enterprises: 25,
    employees: 34_600,
    developed_area: 21_000,
    supplied_land: 15_000,
    idle_land: 300,
  },
  {
    industrial_output: 3_120_000,
    industrial_value_added: 780_000,
    industrial_investment: 22.5,
    fixed_asset_investment: 53.2,
    operating_revenue: 3_820_000,
    tax_revenue: 146_000,
    foreign_capital: 9_600,
    out_of_province_capital: 56.3,
    above_scale_enterprises: 79,
    high_tech_enterprises: 31,
    employees: 38_100,
    developed_area: 22_800,
    supplied_land: 16_200,
    idle_land: 260,
  },
  {
    industrial_output: 3_510_000,
    industrial_value_added: 877_500,
    industrial_investment: 28,
    fixed_asset_investment: 60.1,
    operating_revenue: 4_300_000,
    tax_revenue: 166_400,
    foreign_capital: 11_000,
    out_of_province_capital: 65,
    above_scale_enterprises: 101,
    high_tech_enterprises: 38,
    employees: 41_800,
    developed_area: 24_500,
    supplied_land: 17_500,
    idle_land: 210,
  },
];
/** The 统计局's own growth figures for 汾东 (they round, and count enterprises that joined the scope). */
const fendongReported = { industrial_output_growth: [11.5, 11.8, 12.6, 14.0, 13.0, 12.5], fixed_asset_investment_growth: [8.9, 9.8, 10.6, 12.4, 11.1, 13.0] };

const flows = [
  'industrial_output',
  'industrial_value_added',
  'industrial_investment',
  'fixed_asset_investment',
  'operating_revenue',
  'tax_revenue',
  'foreign_capital',
  'out_of_province_capital',
];
const monthlyStocks = ['above_scale_enterprises'];
const quarterlyStocks = ['employees', 'developed_area', 'supplied_land', 'idle_land'];
const integerCodes = new Set(['above_scale_enterprises', 'high_tech_enterprises', 'employees']);

/** A year of Y−1 scaled by a growth and a random spread (another zone's figures). */
function scaleYear(base: Year, factor: number, rnd: () => number, jitter = 0.06): Year {
  const out: Year = {};
  for (const [k, v] of Object.entries(base)) out[k] = v * factor * (1 - jitter + 2 * jitter * rnd());
  return out;
}

/** The share of the year's flow reached by the end of month m (a slow start, exactly 1 in December). */
const monthShare = (m: number) => (m / 12) * (0.92 + (0.08 * m) / 12);

interface Cell {
  zoneId: string;
  indicator: string;
  period: string;
  value: number;
}

function round(code: string, v: number) {
  const ind = indicatorByCode.get(code)!;
  if (integerCodes.has(code)) return Math.round(v);
  if (ind.kind === 'amount') return Math.round(v * (moneyUnitOf(ind) === 'yi' ? 100 : 1)) / (moneyUnitOf(ind) === 'yi' ? 100 : 1);
  return Math.round(v * (ind.kind === 'ratio' ? 10 : 1)) / (ind.kind === 'ratio' ? 10 : 1);
}

/** The cells of one zone: `years[i]` is year `firstYear + i`; months and quarters of the last two years up to `today`. */
function zoneCells(
  zoneId: string,
  firstYear: number,
  years: Year[],
  reported: Record<string, number[]> | null,
  thisYearGrowth: number,
  today: string,
  rnd: () => number,
): Cell[] {
  const cells: Cell[] = [];
  const push = (indicator: string, period: string, value: number) => cells.push({ zoneId, indicator, period, value: round(indicator, value) });
  years.forEach((y, i) => {
    const year = firstYear + i;
    for (const [code, v] of Object.entries(y)) push(code, String(year), v);
    const prev = years[i - 1];
    for (const [code, of] of [
      ['industrial_output_growth', 'industrial_output'],
      ['fixed_asset_investment_growth', 'fixed_asset_investment'],
    ] as const) {
      const given = reported?.[code]?.[i];
      if (given != null) push(code, String(year), given);
      else if (prev) push(code, String(year), ((y[of] - prev[of]) / prev[of]) * 100 + (rnd() - 0.5));
    }
  });
  const last = years.at(-1)!;
  const before = years.at(-2) ?? scaleYear(last, 0.9, rnd, 0);
  const lastYear = firstYear + years.length - 1;
  const nowMonth = `${today.slice(0, 7)}`;
  // The year after the last full one runs on `thisYearGrowth`.
  const next: Year = {};
  for (const [k, v] of Object.entries(last)) next[k] = flows.includes(k) ? v * (1 + thisYearGrowth * (0.7 + 0.6 * rnd())) : v;
  const stockNext = (code: string) => last[code] * (1 + (code === 'idle_land' ? -0.15 : thisYearGrowth * 0.5));
  for (const [year, y, prior] of [
    [lastYear, last, before],
    [lastYear + 1, next, last],
  ] as const) {
    for (let m = 1; m <= 12; m++) {
      const period = `${year}-${String(m).padStart(2, '0')}`;
      if (period >= nowMonth) break;
      for (const code of flows) push(code, period, y[code] * monthShare(m));
      for (const code of monthlyStocks)
        push(code, period, year === lastYear ? prior[code] + ((y[code] - prior[code]) * m) / 12 : last[code] + ((stockNext(code) - last[code]) * m) / 12);
      if (year === lastYear + 1) {
        push('industrial_output_growth', period, ((y.industrial_output - last.industrial_output) / last.industrial_output) * 100 + (rnd() - 0.5));
        push(
          'fixed_asset_investment_growth',
          period,
          ((y.fixed_asset_investment - last.fixed_asset_investment) / last.fixed_asset_investment) * 100 + (rnd() - 0.5),
        );
      }
    }
    for (let q = 1; q <= 4; q++) {
      const period = `${year}Q${q}`;
      if (parsePeriod(period)!.end >= today) break;
      for (const code of quarterlyStocks)
        push(code, period, year === lastYear ? prior[code] + ((y[code] - prior[code]) * q) / 4 : last[code] + ((stockNext(code) - last[code]) * q) / 4);
    }
  }
  return cells;
}

const systemSession = (): SessionContext => ({
  tokenHash: '',
  csrfToken: '',
  user: {
    id: demoId('user:admin'),
    username: 'admin',
    displayName: '系统管理员',
    role: 'system_admin',
    locale: 'zh-CN',
    mustChangePassword: false,
    regionCode: '140000',
  },
  scope: { all: true, zoneIds: [], rule: { kind: 'all' } },
});

export async function seedStatistics(tx: Tx, options: { scale: 'demo' | 'province'; clock: Clock }) {
  const today = chinaToday(options.clock);
  const Y = Number(today.slice(0, 4));
  const rnd = seededRandom(14);
  const fendong = demoId('zone:fendong');
  const cells: Cell[] = [
    ...zoneCells(fendong, Y - 6, fendongYears, fendongReported, 0.11, today, rnd),
    ...zoneCells(demoId('zone:hejin'), Y - 2, [scaleYear(fendongYears[4], 0.34, rnd), scaleYear(fendongYears[5], 0.36, rnd)], null, 0.05, today, rnd),
    ...zoneCells(demoId('zone:yuncheng-hitech'), Y - 2, [scaleYear(fendongYears[4], 0.55, rnd), scaleYear(fendongYears[5], 0.62, rnd)], null, 0.09, today, rnd),
  ];
  const provinceIds: string[] = [];
  if (options.scale === 'province') {
    for (const z of provinceZones(100)) {
      const zoneId = demoId(`zone:${z.key}`);
      provinceIds.push(zoneId);
      const size = 0.08 + rnd() * 0.9;
      const y1 = scaleYear(fendongYears[5], size, rnd, 0.25);
      // 工业投资 growth from −20% to +45%, land from sparse to dense: the rankings spread.
      const y0 = scaleYear(y1, 1 / (0.8 + rnd() * 0.65), rnd, 0.04);
      y1.supplied_land = y1.supplied_land * (0.5 + rnd() * 1.5);
      y1.idle_land = Math.min(y1.idle_land, y1.supplied_land * 0.05);
      y0.supplied_land = y1.supplied_land * 0.94;
      y0.idle_land = Math.min(y0.idle_land, y0.supplied_land * 0.05);
      cells.push(...zoneCells(zoneId, Y - 2, [y0, y1], null, -0.1 + rnd() * 0.4, today, rnd));
    }
  }

  // The 统计局's December revision of 汾东's 工业投资 (first reported 27.6亿): the history shows both.
  const revisedKey = `${fendong}|industrial_investment|${Y - 1}`;
  const values: NewValue[] = [];
  const revisions: NewRevision[] = [];
  const officer = demoId('user:projects');
  for (const c of cells) {
    const ind = indicatorByCode.get(c.indicator)!;
    const p = parsePeriod(c.period)!;
    const demo = c.zoneId === fendong || c.zoneId === demoId('zone:hejin') || c.zoneId === demoId('zone:yuncheng-hitech');
    const enteredBy = c.zoneId === fendong ? officer : demo ? demoId(c.zoneId === demoId('zone:hejin') ? 'user:hejin' : 'user:gaoxin') : null;
    const enteredByName =
      c.zoneId === fendong ? '王磊' : c.zoneId === demoId('zone:hejin') ? '郑海' : c.zoneId === demoId('zone:yuncheng-hitech') ? '冯雪' : '统计局数据导入';
    const enteredAt = new Date(Math.min(new Date(`${p.end}T10:00:00+08:00`).getTime() + 18 * 86_400_000, options.clock().getTime() - 86_400_000));
    const stored =
      ind.kind === 'amount'
        ? { amountYuan: Math.round(c.value * (moneyUnitOf(ind) === 'yi' ? 100_000_000 : 10_000)), quantity: null }
        : { amountYuan: null, quantity: String(c.value) };
    const key = `${c.zoneId}|${c.indicator}|${c.period}`;
    const version = key === revisedKey ? 2 : 1;
    values.push({
      zoneId: c.zoneId,
      indicator: c.indicator,
      period: c.period,
      periodKind: p.kind,
      ...stored,
      source: '统计局',
      enteredBy,
      enteredByName,
      enteredAt,
      version,
    });
    if (version === 2)
      revisions.push({
        zoneId: c.zoneId,
        indicator: c.indicator,
        period: c.period,
        version: 1,
        amountYuan: 2_760_000_000,
        quantity: null,
        source: '统计局（快报）',
        via: 'seed',
        enteredBy,
        enteredByName,
        enteredAt: new Date(enteredAt.getTime() - 40 * 86_400_000),
      });
    revisions.push({
      zoneId: c.zoneId,
      indicator: c.indicator,
      period: c.period,
      version,
      ...stored,
      source: '统计局',
      via: 'seed',
      enteredBy,
      enteredByName,
      enteredAt,
    });
  }
  for (let i = 0; i < values.length; i += 1000) await tx.insert(statisticValues).values(values.slice(i, i + 1000));
  for (let i = 0; i < revisions.length; i += 1000) await tx.insert(statisticRevisions).values(revisions.slice(i, i + 1000));

  // The province's scheme for each year since Y−5 (policy as data: the same items until someone edits a year).
  const schemes = [];
  for (let year = Y - 5; year <= Y; year++)
    schemes.push({ regionCode: '140000', year, name: `${year}年度全省开发区考核指标体系`, items: defaultItems, cutoffs: defaultCutoffs });
  await tx.insert(assessmentSchemes).values(schemes);

  const service = createStatisticsService({ db: tx as never, repo: createStatisticsRepository(), audit: recordAudit, clock: options.clock });
  const s = systemSession();
  const actor = { id: null, name: 'system', userId: null, displayName: '省商务厅开发区处' };
  for (let year = Y - 5; year <= Y - 2; year++) await service.computeInTx(tx, s, actor, year, fendong);
  await service.computeInTx(tx, s, actor, Y - 1);
  return { values: values.length, revisions: revisions.length, zones: 3 + provinceIds.length };
}

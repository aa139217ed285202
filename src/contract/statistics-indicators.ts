/**
 * The statistics catalogue (统计指标): the figures a zone receives from the 统计局 and the land
 * bureau, as data shared by server and web (docs/statistics.md). Period keys: `2026` (year),
 * `2026Q3` (quarter), `2026-10` (month). Flow indicators (amounts) are cumulative from January
 * (1–10月, 1–3季度, the whole year); stock indicators (counts, land) are the figure at the period's end.
 */
export const indicatorKinds = ['amount', 'count', 'area', 'ratio'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const periodKinds = ['month', 'quarter', 'year'] as const;
export type StatPeriodKind = (typeof periodKinds)[number];

export interface IndicatorDef {
  code: string;
  zh: string;
  en: string;
  /** The unit a value is entered and shown in. */
  unit: '万元' | '亿元' | '家' | '人' | '亩' | '%';
  unitEn: string;
  kind: IndicatorKind;
  /** The finest period it is reported for (coarser periods are allowed too). */
  periodicity: StatPeriodKind;
  /** A reported growth rate: the amount indicator it is the year-on-year growth of. */
  growthOf?: string;
  /** Decimals a value may carry (amounts: exact to the 元 through money.ts). */
  decimals: number;
}

export const indicators = [
  { code: 'industrial_output', zh: '工业总产值', en: 'Industrial output', unit: '万元', unitEn: '10k CNY', kind: 'amount', periodicity: 'month', decimals: 4 },
  {
    code: 'industrial_output_growth',
    zh: '工业总产值增速',
    en: 'Industrial output growth',
    unit: '%',
    unitEn: '%',
    kind: 'ratio',
    periodicity: 'month',
    growthOf: 'industrial_output',
    decimals: 2,
  },
  {
    code: 'industrial_value_added',
    zh: '规上工业增加值',
    en: 'Value added of industry above scale',
    unit: '万元',
    unitEn: '10k CNY',
    kind: 'amount',
    periodicity: 'month',
    decimals: 4,
  },
  {
    code: 'industrial_investment',
    zh: '工业投资',
    en: 'Industrial investment',
    unit: '亿元',
    unitEn: '100M CNY',
    kind: 'amount',
    periodicity: 'month',
    decimals: 8,
  },
  {
    code: 'fixed_asset_investment',
    zh: '固定资产投资',
    en: 'Fixed-asset investment',
    unit: '亿元',
    unitEn: '100M CNY',
    kind: 'amount',
    periodicity: 'month',
    decimals: 8,
  },
  {
    code: 'fixed_asset_investment_growth',
    zh: '固定资产投资增速',
    en: 'Fixed-asset investment growth',
    unit: '%',
    unitEn: '%',
    kind: 'ratio',
    periodicity: 'month',
    growthOf: 'fixed_asset_investment',
    decimals: 2,
  },
  { code: 'operating_revenue', zh: '营业收入', en: 'Operating revenue', unit: '万元', unitEn: '10k CNY', kind: 'amount', periodicity: 'month', decimals: 4 },
  { code: 'tax_revenue', zh: '税收', en: 'Tax revenue', unit: '万元', unitEn: '10k CNY', kind: 'amount', periodicity: 'month', decimals: 4 },
  {
    code: 'foreign_capital',
    zh: '实际利用外资',
    en: 'Foreign capital used',
    unit: '万元',
    unitEn: '10k CNY',
    kind: 'amount',
    periodicity: 'month',
    decimals: 4,
  },
  {
    code: 'out_of_province_capital',
    zh: '省外资金',
    en: 'Capital from outside the province',
    unit: '亿元',
    unitEn: '100M CNY',
    kind: 'amount',
    periodicity: 'month',
    decimals: 8,
  },
  {
    code: 'above_scale_enterprises',
    zh: '“四上”企业数',
    en: '"Four-above" enterprises',
    unit: '家',
    unitEn: 'firms',
    kind: 'count',
    periodicity: 'month',
    decimals: 0,
  },
  {
    code: 'high_tech_enterprises',
    zh: '高新技术企业数',
    en: 'High-tech enterprises',
    unit: '家',
    unitEn: 'firms',
    kind: 'count',
    periodicity: 'year',
    decimals: 0,
  },
  { code: 'employees', zh: '从业人员', en: 'Employees', unit: '人', unitEn: 'people', kind: 'count', periodicity: 'quarter', decimals: 0 },
  { code: 'developed_area', zh: '开发面积', en: 'Developed area', unit: '亩', unitEn: 'mu', kind: 'area', periodicity: 'quarter', decimals: 2 },
  { code: 'supplied_land', zh: '已供地面积', en: 'Land supplied', unit: '亩', unitEn: 'mu', kind: 'area', periodicity: 'quarter', decimals: 2 },
  { code: 'idle_land', zh: '闲置土地面积', en: 'Idle land', unit: '亩', unitEn: 'mu', kind: 'area', periodicity: 'quarter', decimals: 2 },
] as const satisfies readonly IndicatorDef[];

export type IndicatorCode = (typeof indicators)[number]['code'];
export const indicatorCodes = indicators.map((i) => i.code) as unknown as readonly [IndicatorCode, ...IndicatorCode[]];
export const indicatorByCode = new Map<string, IndicatorDef>(indicators.map((i) => [i.code, i]));

const rank: Record<StatPeriodKind, number> = { month: 0, quarter: 1, year: 2 };
/** May `indicator` be given for a period of `kind` (its periodicity or coarser)? */
export const acceptsPeriod = (indicator: IndicatorDef, kind: StatPeriodKind) => rank[kind] >= rank[indicator.periodicity];

/** 2026 · 2026Q3 · 2026-10 */
export const periodKeyPattern = /^(20\d{2})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export interface ParsedPeriod {
  key: string;
  kind: StatPeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4 (null for a year). */
  part: number | null;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parsePeriod(key: string): ParsedPeriod | null {
  const m = periodKeyPattern.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) {
    const q = Number(m[2]);
    return { key, kind: 'quarter', year, part: q, start: `${year}-${pad(q * 3 - 2)}-01`, end: `${year}-${pad(q * 3)}-${lastDay(year, q * 3)}` };
  }
  if (m[3]) {
    const mo = Number(m[3]);
    return { key, kind: 'month', year, part: mo, start: `${year}-${pad(mo)}-01`, end: `${year}-${pad(mo)}-${lastDay(year, mo)}` };
  }
  return { key, kind: 'year', year, part: null, start: `${year}-01-01`, end: `${year}-12-31` };
}

export const periodKindOf = (key: string): StatPeriodKind | null => parsePeriod(key)?.kind ?? null;

/** The same period a year before (what a year-on-year growth compares with). */
export function samePeriodLastYear(key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  return `${p.year - 1}${key.slice(4)}`;
}

/** The period before, of the same kind (2026-01 → 2025-12, 2026Q1 → 2025Q4, 2026 → 2025). */
export function previousPeriodKey(key: string): string {
  const p = parsePeriod(key)!;
  if (p.kind === 'year') return String(p.year - 1);
  if (p.kind === 'quarter') return p.part === 1 ? `${p.year - 1}Q4` : `${p.year}Q${p.part! - 1}`;
  return p.part === 1 ? `${p.year - 1}-12` : `${p.year}-${pad(p.part! - 1)}`;
}

/** The period after, of the same kind. */
export function nextPeriodKey(key: string): string {
  const p = parsePeriod(key)!;
  if (p.kind === 'year') return String(p.year + 1);
  if (p.kind === 'quarter') return p.part === 4 ? `${p.year + 1}Q1` : `${p.year}Q${p.part! + 1}`;
  return p.part === 12 ? `${p.year + 1}-01` : `${p.year}-${pad(p.part! + 1)}`;
}

/** Period keys from `from` to `to` inclusive (both of one kind), at most 240. */
export function periodRange(from: string, to: string): string[] {
  const out: string[] = [];
  if (!parsePeriod(from) || parsePeriod(from)?.kind !== parsePeriod(to)?.kind) return out;
  for (let k = from; k <= to && out.length < 240; k = nextPeriodKey(k)) out.push(k);
  return out;
}

/** 2026年 · 2026年第3季度 · 2026年1—10月 (flow) / 2026年10月 (stock); en: 2026 · 2026 Q3 · 2026-10. */
export function periodText(key: string, locale: 'zh-CN' | 'en-US' = 'zh-CN', cumulative = false): string {
  const p = parsePeriod(key);
  if (!p) return key;
  if (locale === 'en-US') return p.kind === 'year' ? String(p.year) : p.kind === 'quarter' ? `${p.year} Q${p.part}` : key;
  if (p.kind === 'year') return `${p.year}年`;
  if (p.kind === 'quarter') return cumulative && p.part! > 1 ? `${p.year}年1—${p.part}季度` : `${p.year}年第${p.part}季度`;
  return cumulative && p.part! > 1 ? `${p.year}年1—${p.part}月` : `${p.year}年${p.part}月`;
}

/** Whether the indicator's values add up from January (amounts) rather than stand at the period's end. */
export const isCumulative = (indicator: IndicatorDef) => indicator.kind === 'amount';

/** The unit of money in which an amount indicator is entered. */
export const moneyUnitOf = (indicator: IndicatorDef): 'wan' | 'yi' => (indicator.unit === '亿元' ? 'yi' : 'wan');

/** Assessment grades (考核等次), best first. */
export const assessmentGrades = ['excellent', 'good', 'pass', 'basic_pass', 'fail'] as const;
export type AssessmentGrade = (typeof assessmentGrades)[number];
export const assessmentGradeLabels: Record<AssessmentGrade, readonly [string, string]> = {
  excellent: ['优秀', 'Excellent'],
  good: ['良好', 'Good'],
  pass: ['合格', 'Pass'],
  basic_pass: ['基本合格', 'Basic pass'],
  fail: ['不合格', 'Fail'],
};

/** How an assessment item reads an indicator for the year. */
export const assessmentMeasures = ['value', 'growth', 'per_mu'] as const;
export type AssessmentMeasure = (typeof assessmentMeasures)[number];
export const assessmentMeasureLabels: Record<AssessmentMeasure, readonly [string, string]> = {
  value: ['年度数值', 'Year value'],
  growth: ['同比增速（%）', 'Year-on-year growth (%)'],
  per_mu: ['亩均（÷ 已供地面积）', 'Per mu of land supplied'],
};

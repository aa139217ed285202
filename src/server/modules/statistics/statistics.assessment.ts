/**
 * 开发区考核: how a scheme scores a zone's year (docs/statistics.md, "考核"). Pure, so the worked
 * example is checked by hand. Each item earns weight × min(actual ÷ target, 1) (nothing below zero
 * or without a figure); the total is their sum to two decimals; the grade is the first cut-off reached.
 */
import type { AssessmentItem, Cutoffs } from '../../../contract/statistics.ts';
import type { AssessmentGrade } from '../../../contract/statistics-indicators.ts';

export interface ScoredItem extends AssessmentItem {
  actual: number | null;
  score: number;
}

export const itemKey = (item: Pick<AssessmentItem, 'source' | 'code' | 'measure'>) => `${item.source}:${item.code}:${item.measure}`;

/** Scores one zone: `actual` answers the figure an item reads (null when it is not known). */
export function scoreZone(items: readonly AssessmentItem[], actual: (item: AssessmentItem) => number | null): { items: ScoredItem[]; scoreCenti: number } {
  let centi = 0;
  const scored = items.map((item) => {
    const a = actual(item);
    const ratio = a == null || a <= 0 ? 0 : Math.min(a / item.target, 1);
    const itemCenti = Math.round(item.weight * ratio * 100);
    centi += itemCenti;
    return { ...item, actual: a == null ? null : Math.round(a * 10_000) / 10_000, score: itemCenti / 100 };
  });
  return { items: scored, scoreCenti: centi };
}

export function gradeOf(scoreCenti: number, cutoffs: Cutoffs): AssessmentGrade {
  const s = scoreCenti / 100;
  if (s >= cutoffs.excellent) return 'excellent';
  if (s >= cutoffs.good) return 'good';
  if (s >= cutoffs.pass) return 'pass';
  if (s >= cutoffs.basicPass) return 'basic_pass';
  return 'fail';
}

/** The default cut-offs: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 70, 基本合格 ≥ 60. */
export const defaultCutoffs: Cutoffs = { excellent: 90, good: 80, pass: 70, basicPass: 60 };

/** The province's default scheme (seeded for each year; editable as data). */
export const defaultItems: AssessmentItem[] = [
  { source: 'statistic', code: 'industrial_investment', measure: 'value', weight: 20, target: 10 },
  { source: 'statistic', code: 'industrial_investment', measure: 'growth', weight: 15, target: 10 },
  { source: 'statistic', code: 'industrial_output', measure: 'growth', weight: 15, target: 8 },
  { source: 'statistic', code: 'tax_revenue', measure: 'per_mu', weight: 20, target: 7 },
  { source: 'statistic', code: 'above_scale_enterprises', measure: 'value', weight: 10, target: 30 },
  { source: 'statistic', code: 'high_tech_enterprises', measure: 'value', weight: 10, target: 15 },
  { source: 'statistic', code: 'out_of_province_capital', measure: 'value', weight: 10, target: 30 },
];

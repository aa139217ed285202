/**
 * The scoring of 亩均效益评价, pure (docs/land-efficiency.md has the formula and a worked example):
 *
 *   value_i     = numerator × factor ÷ denominator                      (in the indicator's unit)
 *   benchmark_i = the fixed figure, or the zone average Σ numerator ÷ Σ denominator × factor
 *                 over the enterprises with complete data
 *   score_i     = round2(min(value_i ÷ benchmark_i, cap_i) × weight_i)
 *   score       = Σ score_i
 *
 * An enterprise missing a figure an indicator needs (or with a zero where it divides) is 数据不全:
 * listed, never scored or classed. Classes by cut-offs (A ≥ a, B ≥ b, C ≥ c, else D) or by rank
 * shares (A the first round(n·A%) ranks, A+B the first round(n·(A+B)%), …; equal scores share the
 * better class).
 */
import {
  indicatorCatalogue,
  type FigureField,
  type Grade,
  type IndicatorKey,
  type LandEfficiencyPolicy,
} from '../../../contract/land-efficiency.ts';

export type Figures = Partial<Record<FigureField, number | null>>;
export interface Candidate {
  enterpriseId: string;
  name: string;
  creditCode: string | null;
  figures: Figures;
}
export interface Evaluated {
  enterpriseId: string;
  values: Partial<Record<IndicatorKey, number | null>>;
  scores: Partial<Record<IndicatorKey, number>>;
  score: number | null;
  rank: number | null;
  grade: Grade | null;
  missing: FigureField[];
}

const collator = new Intl.Collator('zh-CN');
const round2 = (v: number) => Math.round((v + Number.EPSILON) * 100) / 100;
/** n ÷ d in the indicator's unit; dividing by 10 000 (not multiplying by 1e-4) keeps 2000万 ÷ 100亩 exactly 20. */
const ratio = (n: number, d: number, factor: number) => (factor < 1 ? n / d / Math.round(1 / factor) : (n / d) * factor);

/** The figures an indicator needs that are missing, or zero where they divide. */
function missingOf(policy: LandEfficiencyPolicy, f: Figures): FigureField[] {
  const out = new Set<FigureField>();
  for (const { key } of policy.indicators) {
    const { numerator, denominator } = indicatorCatalogue[key];
    if (f[numerator] == null) out.add(numerator);
    if (f[denominator] == null || f[denominator] === 0) out.add(denominator);
  }
  return [...out];
}

export function evaluate(policy: LandEfficiencyPolicy, candidates: readonly Candidate[]) {
  const rows = candidates.map((c) => ({ c, missing: missingOf(policy, c.figures) }));
  const complete = rows.filter((r) => r.missing.length === 0);

  const benchmarks: Partial<Record<IndicatorKey, number | null>> = {};
  for (const ind of policy.indicators) {
    if (ind.benchmark.kind === 'fixed') benchmarks[ind.key] = ind.benchmark.value;
    else {
      const { numerator, denominator, factor } = indicatorCatalogue[ind.key];
      let num = 0;
      let den = 0;
      for (const r of complete) {
        num += r.c.figures[numerator]!;
        den += r.c.figures[denominator]!;
      }
      benchmarks[ind.key] = den > 0 ? ratio(num, den, factor) : null;
    }
  }

  const evaluated: Evaluated[] = rows.map(({ c, missing }) => {
    const values: Evaluated['values'] = {};
    for (const ind of policy.indicators) {
      const { numerator, denominator, factor } = indicatorCatalogue[ind.key];
      const n = c.figures[numerator];
      const d = c.figures[denominator];
      values[ind.key] = n != null && d != null && d !== 0 ? ratio(n, d, factor) : null;
    }
    if (missing.length) return { enterpriseId: c.enterpriseId, values, scores: {}, score: null, rank: null, grade: null, missing };
    const scores: Evaluated['scores'] = {};
    let total = 0;
    for (const ind of policy.indicators) {
      const b = benchmarks[ind.key];
      const v = values[ind.key]!;
      // A zone whose every enterprise reads 0 has a 0 benchmark: no one is ahead, everyone scores 0.
      const share = b && b > 0 ? Math.min(v / b, ind.cap) : 0;
      scores[ind.key] = round2(share * ind.weight);
      total += scores[ind.key]!;
    }
    return { enterpriseId: c.enterpriseId, values, scores, score: round2(total), rank: null, grade: null, missing };
  });

  // Rank the scored: score descending; equal scores share a rank (1, 2, 2, 4).
  const byName = new Map(candidates.map((c) => [c.enterpriseId, c.name]));
  const scored = evaluated
    .filter((e) => e.score != null)
    .sort((a, b) => b.score! - a.score! || collator.compare(byName.get(a.enterpriseId)!, byName.get(b.enterpriseId)!));
  scored.forEach((e, i) => (e.rank = i > 0 && scored[i - 1].score === e.score ? scored[i - 1].rank : i + 1));

  if (policy.classMethod === 'cutoffs') {
    const { A, B, C } = policy.cutoffs;
    for (const e of scored) e.grade = e.score! >= A ? 'A' : e.score! >= B ? 'B' : e.score! >= C ? 'C' : 'D';
  } else {
    const n = scored.length;
    const { A, B, C } = policy.shares;
    const upTo = [Math.round((n * A) / 100), Math.round((n * (A + B)) / 100), Math.round((n * (A + B + C)) / 100)];
    const gradeAt = (i: number): Grade => (i < upTo[0] ? 'A' : i < upTo[1] ? 'B' : i < upTo[2] ? 'C' : 'D');
    scored.forEach((e, i) => (e.grade = i > 0 && scored[i - 1].score === e.score ? scored[i - 1].grade : gradeAt(i)));
  }

  const counts = { A: 0, B: 0, C: 0, D: 0, incomplete: 0 };
  for (const e of evaluated) counts[e.grade ?? 'incomplete'] += 1;
  return { benchmarks, results: evaluated, counts };
}

/**
 * 亩均效益评价 (land-use efficiency evaluation): the indicator catalogue, the zone's policy per year
 * (indicators, weights, benchmarks, caps, classes by cut-off scores or rank shares) with its
 * validation, the evaluation run, results, an enterprise's class history and the export.
 * The formula and a worked example: docs/land-efficiency.md.
 */
import { z } from 'zod';
import { isoDateTime, paginationQuery, pageOf, uuidSchema, versionSchema } from './common.ts';
import { defineOperation, fileResponse } from './operation.ts';
import { defineReasons } from './reasons.ts';

const tags = ['land-efficiency'];

/** The figures of `enterprise_yearly_figures` an indicator reads (docs/chains.md). */
export const figureFields = ['landMu', 'taxYuan', 'valueAddedYuan', 'energyTce', 'emissionsTonnes', 'employees', 'rndYuan', 'revenueYuan', 'outputYuan'] as const;
export type FigureField = (typeof figureFields)[number];

export const figureFieldLabels: Record<FigureField, readonly [string, string]> = {
  landMu: ['用地面积', 'land'],
  taxYuan: ['税收', 'tax'],
  valueAddedYuan: ['工业增加值', 'value added'],
  energyTce: ['综合能耗', 'energy use'],
  emissionsTonnes: ['排放量', 'emissions'],
  employees: ['从业人员', 'employees'],
  rndYuan: ['研发经费', 'R&D spending'],
  revenueYuan: ['营业收入', 'revenue'],
  outputYuan: ['工业总产值', 'output'],
};

/**
 * The indicators a zone may choose: value = numerator × factor ÷ denominator, in `unit`.
 * Money is read in yuan and shown in 万元 (factor 1e-4); R&D share is a percent (factor 100).
 */
export const indicatorCatalogue = {
  tax_per_mu: { label: ['亩均税收', 'Tax per mu'], unit: ['万元/亩', '10k CNY/mu'], numerator: 'taxYuan', denominator: 'landMu', factor: 1e-4 },
  value_added_per_mu: { label: ['亩均增加值', 'Value added per mu'], unit: ['万元/亩', '10k CNY/mu'], numerator: 'valueAddedYuan', denominator: 'landMu', factor: 1e-4 },
  value_added_per_energy: {
    label: ['单位能耗增加值', 'Value added per tce'],
    unit: ['万元/吨标准煤', '10k CNY/tce'],
    numerator: 'valueAddedYuan',
    denominator: 'energyTce',
    factor: 1e-4,
  },
  value_added_per_emission: {
    label: ['单位排放增加值', 'Value added per tonne emitted'],
    unit: ['万元/吨', '10k CNY/t'],
    numerator: 'valueAddedYuan',
    denominator: 'emissionsTonnes',
    factor: 1e-4,
  },
  labour_productivity: { label: ['全员劳动生产率', 'Labour productivity'], unit: ['万元/人', '10k CNY/person'], numerator: 'valueAddedYuan', denominator: 'employees', factor: 1e-4 },
  rnd_share: { label: ['R&D经费支出占营业收入比重', 'R&D share of revenue'], unit: ['%', '%'], numerator: 'rndYuan', denominator: 'revenueYuan', factor: 100 },
  output_per_mu: { label: ['亩均产值', 'Output per mu'], unit: ['万元/亩', '10k CNY/mu'], numerator: 'outputYuan', denominator: 'landMu', factor: 1e-4 },
} as const satisfies Record<string, { label: readonly [string, string]; unit: readonly [string, string]; numerator: FigureField; denominator: FigureField; factor: number }>;
export const indicatorKeys = Object.keys(indicatorCatalogue) as [IndicatorKey, ...IndicatorKey[]];
export type IndicatorKey = keyof typeof indicatorCatalogue;

export const grades = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof grades)[number];
export const gradeLabels: Record<Grade | 'incomplete', readonly [string, string]> = {
  A: ['A类（优先发展）', 'A (prioritised)'],
  B: ['B类（鼓励提升）', 'B (encouraged)'],
  C: ['C类（帮扶转型）', 'C (supported to improve)'],
  D: ['D类（倒逼整治）', 'D (pressed to restructure)'],
  incomplete: ['数据不全', 'Incomplete data'],
};

defineReasons({
  weights_sum: ['各项指标权重之和应为 100', 'the indicator weights must add up to 100'],
  indicator_repeated: ['同一指标只能选择一次', 'an indicator can be chosen once'],
  benchmark_positive: ['固定基准值应大于 0', 'a fixed benchmark must be above 0'],
  benchmark_value_required: ['选择固定基准时须填写基准值', 'a fixed benchmark needs its value'],
  cap_range: ['单项得分上限应在 1 至 3 倍权重之间', 'the cap must be between 1 and 3 times the weight'],
  weight_range: ['权重应在 1 至 100 之间', 'a weight must be between 1 and 100'],
  cutoffs_order: ['等级分数线须满足 A 类 > B 类 > C 类 ≥ 0', 'cut-offs must satisfy A > B > C ≥ 0'],
  cutoff_above_max: ['A 类分数线高于可能的最高得分', 'the A cut-off is above the highest possible score'],
  shares_sum: ['A、B、C、D 四类比例之和应为 100%', 'the A, B, C and D shares must add up to 100%'],
  share_range: ['比例应在 0 至 100 之间', 'a share must be between 0 and 100'],
  year_in_future: ['年份不能晚于今年', 'the year cannot be later than this year'],
  land_efficiency_zone_required: ['请选择一个开发区', 'choose one zone'],
});

export const benchmarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('zone_average').describe('全区平均: Σ numerator ÷ Σ denominator over the enterprises evaluated') }),
  z.object({ kind: z.literal('fixed'), value: z.number({ error: 'benchmark_value_required' }).describe('In the indicator’s unit') }),
]);
export const indicatorConfigSchema = z.object({
  key: z.enum(indicatorKeys),
  weight: z.number().int('weight_range').min(1, 'weight_range').max(100, 'weight_range').describe('Points of the indicator at the benchmark'),
  benchmark: benchmarkSchema,
  cap: z.number().min(1, 'cap_range').max(3, 'cap_range').describe('value ÷ benchmark is capped at this (1.2 = 120% of the weight at most)'),
});
export type IndicatorConfig = z.infer<typeof indicatorConfigSchema>;

const score = z.number().min(0, 'cutoffs_order').max(1000);
const share = z.number().min(0, 'share_range').max(100, 'share_range');
export const landEfficiencyPolicySchema = z
  .object({
    indicators: z.array(indicatorConfigSchema).min(1).max(indicatorKeys.length),
    classMethod: z.enum(['cutoffs', 'shares']).describe('cutoffs: by score; shares: by rank (A the top A%, D the bottom D%)'),
    cutoffs: z.object({ A: score, B: score, C: score }).describe('The lowest score of A, B and C; below C is D'),
    shares: z.object({ A: share, B: share, C: share, D: share }).describe('Percent of the ranked enterprises in each class'),
    minLandMu: z.number().min(0, 'number_negative').max(1e6).describe('Enterprises with less land (亩) are not evaluated'),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.indicators.forEach((ind, i) => {
      if (seen.has(ind.key)) ctx.addIssue({ code: 'custom', message: 'indicator_repeated', path: ['indicators', i, 'key'] });
      seen.add(ind.key);
      if (ind.benchmark.kind === 'fixed' && !(ind.benchmark.value > 0))
        ctx.addIssue({ code: 'custom', message: 'benchmark_positive', path: ['indicators', i, 'benchmark', 'value'] });
    });
    const sum = p.indicators.reduce((n, ind) => n + ind.weight, 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', message: 'weights_sum', path: ['indicators'] });
    const { A, B, C } = p.cutoffs;
    if (!(A > B && B > C && C >= 0)) ctx.addIssue({ code: 'custom', message: 'cutoffs_order', path: ['cutoffs'] });
    else if (A > maxScore(p.indicators)) ctx.addIssue({ code: 'custom', message: 'cutoff_above_max', path: ['cutoffs', 'A'] });
    const shares = p.shares.A + p.shares.B + p.shares.C + p.shares.D;
    if (Math.abs(shares - 100) > 1e-9) ctx.addIssue({ code: 'custom', message: 'shares_sum', path: ['shares'] });
  });
export type LandEfficiencyPolicy = z.infer<typeof landEfficiencyPolicySchema>;

/** The highest total a policy allows: Σ weight × cap. */
export const maxScore = (indicators: readonly { weight: number; cap: number }[]) => Math.round(indicators.reduce((n, i) => n + i.weight * i.cap, 0) * 100) / 100;

/**
 * The defaults (浙江、江苏 亩均论英雄 practice): six indicators against the zone average, each capped at
 * 1.2 × its weight; classes by rank: A the top 20%, B the next 50%, C 20%, D the bottom 10%.
 */
export const defaultLandEfficiencyPolicy: LandEfficiencyPolicy = {
  indicators: [
    { key: 'tax_per_mu', weight: 30, benchmark: { kind: 'zone_average' }, cap: 1.2 },
    { key: 'value_added_per_mu', weight: 20, benchmark: { kind: 'zone_average' }, cap: 1.2 },
    { key: 'value_added_per_energy', weight: 15, benchmark: { kind: 'zone_average' }, cap: 1.2 },
    { key: 'value_added_per_emission', weight: 10, benchmark: { kind: 'zone_average' }, cap: 1.2 },
    { key: 'labour_productivity', weight: 15, benchmark: { kind: 'zone_average' }, cap: 1.2 },
    { key: 'rnd_share', weight: 10, benchmark: { kind: 'zone_average' }, cap: 1.2 },
  ],
  classMethod: 'shares',
  cutoffs: { A: 100, B: 80, C: 60 },
  shares: { A: 20, B: 50, C: 20, D: 10 },
  minLandMu: 0,
};

const yearQuery = z.coerce.number().int().min(2000).max(2100);

export const landEfficiencyConfigSchema = landEfficiencyPolicySchema.safeExtend({
  zoneId: z.string(),
  year: z.number().int(),
  source: z.enum(['saved', 'earlier_year', 'default']).describe('saved for this year; else copied from the latest earlier year, else the defaults'),
  sourceYear: z.number().int().nullable(),
  version: z.number().int().describe('0 when nothing is saved for the year yet'),
  updatedAt: isoDateTime.nullable(),
  updatedByName: z.string().nullable(),
  maxScore: z.number(),
  actions: z.array(z.string()).describe('update, run'),
});
export type LandEfficiencyConfig = z.infer<typeof landEfficiencyConfigSchema>;

export const zoneYearQuery = z.object({ zoneId: uuidSchema.describe('The zone'), year: yearQuery });
export const saveConfigBody = landEfficiencyPolicySchema.safeExtend({
  zoneId: uuidSchema,
  year: z.number().int().min(2000).max(2100),
  version: z.number().int().min(0).max(2_147_483_647).describe('The version read; 0 when none was saved for the year'),
});
export const runBody = z.object({ zoneId: uuidSchema, year: z.number().int().min(2000).max(2100) });

const counts = z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int(), incomplete: z.number().int() });
export const runSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  year: z.number().int(),
  createdAt: isoDateTime,
  runByName: z.string().nullable(),
  enterpriseCount: z.number().int(),
  counts,
  benchmarks: z.record(z.string(), z.number().nullable()).describe('indicator key → the benchmark used, in its unit'),
  config: landEfficiencyPolicySchema.describe('The policy the run used'),
});
export type LandEfficiencyRun = z.infer<typeof runSchema>;

export const resultSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string().nullable(),
  landMu: z.number().nullable(),
  taxYuan: z.number().nullable(),
  valueAddedYuan: z.number().nullable(),
  values: z.record(z.string(), z.number().nullable()).describe('indicator key → value in its unit'),
  scores: z.record(z.string(), z.number()).describe('indicator key → points'),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  grade: z.enum(grades).nullable(),
  missing: z.array(z.enum(figureFields)).describe('Figures missing (or zero where they divide): 数据不全'),
});
export type LandEfficiencyResult = z.infer<typeof resultSchema>;

export const resultSorts = ['rank', 'score', 'name', 'landMu', 'taxPerMu'] as const;
export const listResultsQuery = zoneYearQuery.extend({
  ...paginationQuery.shape,
  grade: z.enum([...grades, 'incomplete']).optional(),
  q: z.string().trim().max(64).optional().describe('Name or credit code'),
  sort: z.enum(resultSorts).default('rank'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const resultsPageSchema = pageOf(resultSchema).extend({ run: runSchema.nullable().describe('The run the results are of; null before the first') });
export const exportResultsQuery = listResultsQuery.omit({ page: true, pageSize: true });

export const historyQuery = z.object({ enterpriseId: uuidSchema });
export const historySchema = z.array(
  z.object({
    zoneId: z.string(),
    zoneName: z.string(),
    year: z.number().int(),
    score: z.number().nullable(),
    rank: z.number().int().nullable(),
    of: z.number().int().describe('Enterprises ranked that year in the zone'),
    grade: z.enum(grades).nullable(),
    missing: z.array(z.enum(figureFields)),
    runAt: isoDateTime,
  }),
);
export type LandEfficiencyHistory = z.infer<typeof historySchema>;

export const runsListSchema = z.array(runSchema.omit({ config: true, benchmarks: true }));

export const landEfficiencyOperations = {
  getConfig: defineOperation({
    method: 'GET',
    path: '/api/land-efficiency/config',
    tags,
    summary: '亩均效益评价办法 / The zone’s evaluation policy for a year',
    permission: 'land_efficiency.read',
    query: zoneYearQuery,
    response: landEfficiencyConfigSchema,
  }),
  saveConfig: defineOperation({
    method: 'PUT',
    path: '/api/land-efficiency/config',
    tags,
    summary: '保存评价办法 / Save the policy (weights add up to 100)',
    permission: 'land_efficiency.configure',
    body: saveConfigBody,
    response: landEfficiencyConfigSchema,
  }),
  run: defineOperation({
    method: 'POST',
    path: '/api/land-efficiency/runs',
    tags,
    summary: '开展评价 / Evaluate the zone’s enterprises for a year (replaces that year’s results)',
    permission: 'land_efficiency.run',
    body: runBody,
    status: 201,
    response: runSchema,
  }),
  listRuns: defineOperation({
    method: 'GET',
    path: '/api/land-efficiency/runs',
    tags,
    summary: '评价记录 / Runs of a zone-year, newest first',
    permission: 'land_efficiency.read',
    query: zoneYearQuery,
    response: runsListSchema,
  }),
  listResults: defineOperation({
    method: 'GET',
    path: '/api/land-efficiency/results',
    tags,
    summary: '评价结果 / Results of a zone-year',
    permission: 'land_efficiency.read',
    query: listResultsQuery,
    response: resultsPageSchema,
  }),
  exportResults: defineOperation({
    method: 'GET',
    path: '/api/land-efficiency/results.xlsx',
    tags,
    summary: '亩均效益综合评价结果表 (.xlsx) / The results sheet a zone files',
    permission: 'land_efficiency.read',
    query: exportResultsQuery,
    response: fileResponse,
  }),
  history: defineOperation({
    method: 'GET',
    path: '/api/land-efficiency/history',
    tags,
    summary: '企业亩均效益等级 / An enterprise’s classes by year (in the caller’s zones)',
    permission: 'land_efficiency.read',
    query: historyQuery,
    response: historySchema,
  }),
};

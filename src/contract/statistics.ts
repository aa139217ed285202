/**
 * Statistics from outside (统计局 figures: the grid, history, trend, export) and the province's
 * annual assessment of zones (开发区考核: schemes per year, results). docs/statistics.md.
 */
import { z } from 'zod';
import { isoDateTime, uuidSchema, versionSchema } from './common.ts';
import { defineOperation, fileResponse } from './operation.ts';
import { defineReasons } from './reasons.ts';
import { assessmentGrades, assessmentMeasures, indicatorCodes, periodKeyPattern, periodKinds } from './statistics-indicators.ts';

defineReasons({
  stat_period: ['期间格式应为 2026、2026Q3 或 2026-10', 'a period is 2026, 2026Q3 or 2026-10'],
  stat_period_future: ['该期间尚未开始，不能填报', 'this period has not begun'],
  stat_period_not_reported: ['该指标不按此周期统计', 'this indicator is not reported for periods of this kind'],
  stat_unknown_indicator: ['没有这个统计指标', 'no such indicator'],
  stat_value_format: ['数值格式不正确', 'not a number'],
  stat_value_negative: ['数值不能为负数', 'the value cannot be negative'],
  stat_value_integer: ['应为整数', 'must be a whole number'],
  stat_value_decimals: ['小数位数过多', 'too many decimals'],
  stat_value_too_large: ['数值过大', 'the value is too large'],
  stat_ratio_range: ['增速应在 -100% 至 1000% 之间', 'growth must be between -100% and 1000%'],
  stat_idle_above_supplied: ['闲置土地面积不能大于已供地面积', 'idle land cannot exceed the land supplied'],
  stat_stale: ['该数值已被他人修改，请刷新后再填', 'someone else saved this value first; reload and enter it again'],
  stat_import_no_period: ['无法确定期间：请在表中加“期间”列，或在上传时选择期间', 'no period: add a 期间 column, or choose the period when uploading'],
  stat_range_too_long: ['期间跨度过长（最多 60 期）', 'too many periods (60 at most)'],
  stat_range_order: ['起始期间不能晚于截止期间，且应为同一周期', 'the first period must not be after the last, and of the same kind'],
  assessment_weights_sum: ['各项权重之和应为 100', 'the weights must add up to 100'],
  assessment_cutoffs_order: ['等次分数线应满足 优秀 > 良好 > 合格 > 基本合格', 'cut-offs must fall: excellent > good > pass > basic pass'],
  assessment_item_twice: ['同一指标与口径只能出现一次', 'an indicator and measure may appear once'],
  assessment_no_scheme: ['该年度还没有考核指标体系', 'there is no scheme for this year'],
  assessment_measure_ratio: ['增速类指标只能按年度数值计分', 'a growth-rate indicator is scored on its value only'],
  assessment_kpi_unavailable: ['该 KPI 暂不可用于考核', 'this KPI is not available to the assessment'],
});

const tags = ['statistics'];

export const periodKeySchema = z.string().regex(periodKeyPattern, 'stat_period').describe('2026 (year), 2026Q3 (quarter) or 2026-10 (month)');
export const indicatorCodeSchema = z.enum(indicatorCodes);

export const gridQuery = z.object({
  zoneId: uuidSchema,
  kind: z.enum(periodKinds).default('month'),
  from: periodKeySchema.optional().describe('First period (default: 12 months / 8 quarters / 6 years back)'),
  to: periodKeySchema.optional().describe('Last period (default: the current one)'),
});

export const statCellSchema = z.object({
  indicator: indicatorCodeSchema,
  period: z.string(),
  value: z.string().describe("Exact decimal in the indicator's unit (万元/亿元/家/人/亩/%)"),
  amountYuan: z.number().nullable(),
  quantity: z.number().nullable(),
  source: z.string().nullable(),
  enteredByName: z.string(),
  enteredAt: isoDateTime,
  version: z.number().int(),
  revisions: z.number().int().describe('Values saved so far (1: never revised)'),
});
export type StatCell = z.infer<typeof statCellSchema>;

export const derivedGrowthSchema = z.object({
  indicator: indicatorCodeSchema,
  period: z.string(),
  pct: z.number().describe('(value − same period last year) ÷ same period last year × 100, two decimals'),
});

export const gridSchema = z.object({
  zoneId: z.string(),
  zoneName: z.string(),
  kind: z.enum(periodKinds),
  periods: z.array(z.string()),
  cells: z.array(statCellSchema),
  derivedGrowth: z.array(derivedGrowthSchema),
  canEdit: z.boolean(),
});
export type StatGrid = z.infer<typeof gridSchema>;

export const saveCellSchema = z.object({
  indicator: z.string().max(60),
  period: z.string().max(10),
  value: z
    .union([z.string().max(40), z.number()])
    .nullable()
    .describe('null or "" clears the value (its history stays)'),
  version: versionSchema.nullable().describe('The version read; null for a new value'),
  source: z.string().trim().max(100).nullable().optional().describe('Default 统计局'),
});
export const saveGridBody = z.object({ zoneId: uuidSchema, cells: z.array(saveCellSchema).min(1).max(2000) });
export type SaveGridBody = z.input<typeof saveGridBody>;
export const saveGridResponse = z.object({ saved: z.number().int(), cleared: z.number().int(), unchanged: z.number().int(), cells: z.array(statCellSchema) });

export const historyQuery = z.object({ zoneId: uuidSchema, indicator: indicatorCodeSchema, period: periodKeySchema });
export const revisionSchema = z.object({
  version: z.number().int(),
  value: z.string().nullable(),
  source: z.string().nullable(),
  via: z.enum(['grid', 'import', 'seed']),
  enteredByName: z.string(),
  enteredAt: isoDateTime,
});
export const historySchema = z.array(revisionSchema);

export const trendQuery = z.object({
  zoneId: uuidSchema,
  indicator: indicatorCodeSchema,
  kind: z.enum(periodKinds).default('year'),
  from: periodKeySchema.optional(),
  to: periodKeySchema.optional(),
});
export const trendSchema = z.object({
  indicator: indicatorCodeSchema,
  kind: z.enum(periodKinds),
  points: z.array(
    z.object({
      period: z.string(),
      value: z.string().nullable(),
      number: z.number().nullable().describe("The value in the indicator's unit, for charts (display only)"),
      reportedGrowthPct: z.number().nullable().describe('The 统计局 growth figure, when the catalogue has one'),
      derivedGrowthPct: z.number().nullable(),
    }),
  ),
});
export type StatTrend = z.infer<typeof trendSchema>;

// ---- 开发区考核

export const assessmentItemSchema = z.object({
  source: z.enum(['statistic', 'kpi']).default('statistic'),
  code: z.string().min(1).max(60).describe('An indicator code (statistic) or a KPI code'),
  measure: z.enum(assessmentMeasures).default('value'),
  weight: z.number().min(0).max(100),
  target: z.number().positive().describe("The figure that earns the full weight, in the indicator's unit (growth: %, per_mu: unit per 亩)"),
});
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;
export const cutoffsSchema = z.object({
  excellent: z.number().min(0).max(100),
  good: z.number().min(0).max(100),
  pass: z.number().min(0).max(100),
  basicPass: z.number().min(0).max(100),
});
export type Cutoffs = z.infer<typeof cutoffsSchema>;

export const schemeSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  items: z.array(assessmentItemSchema),
  cutoffs: cutoffsSchema,
  version: z.number().int(),
  updatedAt: isoDateTime,
  canEdit: z.boolean(),
});
export type AssessmentScheme = z.infer<typeof schemeSchema>;
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const saveSchemeBody = z.object({
  version: versionSchema.nullable().describe('null creates the year'),
  name: z.string().trim().min(2).max(100),
  items: z.array(assessmentItemSchema).min(1).max(30),
  cutoffs: cutoffsSchema,
});

export const resultItemSchema = z.object({
  code: z.string(),
  source: z.enum(['statistic', 'kpi']),
  measure: z.enum(assessmentMeasures),
  weight: z.number(),
  target: z.number(),
  actual: z.number().nullable(),
  score: z.number(),
});
export const resultSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  year: z.number().int(),
  score: z.number(),
  grade: z.enum(assessmentGrades),
  items: z.array(resultItemSchema),
  schemeVersion: z.number().int(),
  current: z.boolean(),
  computedByName: z.string(),
  computedAt: isoDateTime,
});
export type AssessmentResult = z.infer<typeof resultSchema>;
export const resultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  zoneId: uuidSchema.optional(),
  history: z.enum(['true', 'false']).optional().describe('true: superseded computations too'),
});
export const computeBody = z.object({
  year: z.number().int().min(2000).max(2100),
  zoneId: uuidSchema.optional().describe('One zone; default every zone of the caller'),
});

export const statisticsOperations = {
  grid: defineOperation({
    method: 'GET',
    path: '/api/statistics/grid',
    summary: 'The statistics grid of a zone (indicators × periods)',
    tags,
    permission: 'statistics.read',
    query: gridQuery,
    response: gridSchema,
  }),
  saveGrid: defineOperation({
    method: 'PUT',
    path: '/api/statistics/grid',
    summary: 'Save edited cells (all or nothing; per-cell errors)',
    tags,
    permission: 'statistics.enter',
    body: saveGridBody,
    response: saveGridResponse,
  }),
  history: defineOperation({
    method: 'GET',
    path: '/api/statistics/history',
    summary: 'Every value saved for one cell',
    tags,
    permission: 'statistics.read',
    query: historyQuery,
    response: historySchema,
  }),
  trend: defineOperation({
    method: 'GET',
    path: '/api/statistics/trend',
    summary: 'One indicator over periods, with growth',
    tags,
    permission: 'statistics.read',
    query: trendQuery,
    response: trendSchema,
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/statistics/export',
    summary: 'The grid as .xlsx',
    tags,
    permission: 'statistics.read',
    query: gridQuery,
    response: fileResponse,
  }),
  listSchemes: defineOperation({
    method: 'GET',
    path: '/api/assessment/schemes',
    summary: 'Assessment schemes (考核指标体系) by year',
    tags,
    permission: 'assessment.read',
    response: z.array(schemeSchema),
  }),
  saveScheme: defineOperation({
    method: 'PUT',
    path: '/api/assessment/schemes/:year',
    summary: "Create or edit a year's scheme",
    tags,
    permission: 'assessment.manage',
    params: yearParams,
    body: saveSchemeBody,
    response: schemeSchema,
  }),
  compute: defineOperation({
    method: 'POST',
    path: '/api/assessment/results/compute',
    summary: 'Compute the year’s results from the statistics (and KPIs)',
    tags,
    permission: 'assessment.manage',
    body: computeBody,
    response: z.object({ computed: z.number().int() }),
  }),
  results: defineOperation({
    method: 'GET',
    path: '/api/assessment/results',
    summary: 'Assessment results (考核结果)',
    tags,
    permission: 'assessment.read',
    query: resultsQuery,
    response: z.array(resultSchema),
  }),
  exportResults: defineOperation({
    method: 'GET',
    path: '/api/assessment/results/export',
    summary: 'Assessment results as .xlsx',
    tags,
    permission: 'assessment.read',
    query: resultsQuery,
    response: fileResponse,
  }),
} as const;

/**
 * Zone KPIs (docs/kpis.md): computed from the records, never typed, read from the maintained
 * summaries (kpi_summaries). The 驾驶舱 of a zone (or of all the caller's zones), the ranking of
 * zones or cities on an indicator, and the on-demand refresh of one zone.
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';
import { defineOperation } from './operation.ts';
import { leadMethods, leadStages } from './pipeline-enums.ts';
import { flagReasonSchema, projectFlags, projectStages } from './projects/vocabulary.ts';

const tags = ['kpis'];
const rate = z.number().nullable().describe('A ratio 0..1 (null when the denominator is 0)');

export const campaignBatchKeys = ['signing', 'start', 'production', 'output'] as const;

export const kpiHeadlineSchema = z.object({
  signedYuan: z.number().describe('签约额: counted agreements (first investment agreement + 增资 increments) signed this year, decision 009'),
  signedCount: z.number().int().describe('签约项目: leads whose first investment agreement was signed this year'),
  arrivedYuan: z.number().describe('到位资金: money arrived on this year’s 三个一批 entries'),
  investedYuan: z.number().describe('完成投资: progress reports of this year'),
  planYuan: z.number().describe('年度计划投资: the projects’ annual plans of this year'),
  planRate: rate.describe('完成投资 / 年度计划'),
  projectsSigned: z.number().int().describe('projects with a 签约日期, to date'),
  projectsStarted: z.number().int().describe('projects with an actual start (实际开工), to date'),
  projectsProduced: z.number().int().describe('projects with a production date (投产), to date'),
  startedThisYear: z.number().int(),
  producedThisYear: z.number().int(),
  startRate: rate.describe('开工率: projects started / projects signed, to date'),
  productionRate: rate.describe('投产率: projects in production / projects started, to date'),
  blockersOpened: z.number().int().describe('堵点 raised this year'),
  blockersClosed: z.number().int().describe('堵点 销号 (resolved) this year'),
  avgDaysToClose: z.number().nullable().describe('average days from raised to resolved, of those resolved this year'),
  blockersOverdue: z.number().int().describe('unresolved 堵点 past their deadline, today'),
  chainLinks: z.number().int(),
  chainLinksFilled: z.number().int(),
  chainCompleteness: rate.describe('产业链完整度: links with an enterprise / links, over all chains'),
  campaign: z.record(z.enum(campaignBatchKeys), z.object({ planned: z.number().int(), done: z.number().int(), rate })).describe('三个一批 rates of the year (dispatch)'),
});

export const kpiDashboardQuery = z.object({
  zoneId: uuidSchema.optional().describe('One zone of the caller’s; all of them when absent'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** 企业服务 on the 驾驶舱: each line as its own module derives it (the funding, hiring and finance summaries), never re-derived here. */
export const kpiServicesSchema = z.object({
  funding: z
    .object({
      text: z.string().describe('储备 N 个，申报 N 个，对接 N 次，争取资金 N 万元 (the funding summary’s own line)'),
      reserve: z.number().int(),
      applied: z.number().int(),
      contacts: z.number().int(),
      grantedYuan: z.number(),
    })
    .nullable(),
  hiring: z
    .object({
      text: z.string().describe('岗位 N 个 … (the hiring totals’ own line)'),
      positions: z.number().int().describe('岗位: headcount of the posts'),
      posts: z.number().int(),
      enterprises: z.number().int(),
      filled: z.number().int(),
    })
    .nullable(),
  finance: z
    .object({
      text: z.string().describe('The latest quarter’s 银企对接 line (the finance summary’s own)'),
      quarter: z.string().describe('YYYYQn'),
      events: z.number().int(),
      referrals: z.number().int(),
      granted: z.number().int(),
      grantedYuan: z.number(),
    })
    .nullable(),
});
export type KpiServices = z.infer<typeof kpiServicesSchema>;

export const kpiDashboardSchema = z.object({
  year: z.number().int(),
  asOf: z.string().describe('The China date the snapshot figures were taken on (oldest of the zones)'),
  refreshedAt: z.string().nullable(),
  zones: z.array(z.object({ id: z.string(), shortName: z.string() })),
  headline: kpiHeadlineSchema,
  investmentByMonth: z.array(z.object({ month: z.string(), planYuan: z.number().describe('the annual plan spread evenly, cumulative'), investedYuan: z.number(), cumulativeYuan: z.number() })),
  projectsByStage: z.array(z.object({ stage: z.enum(projectStages), count: z.number().int() })),
  flags: z.record(z.enum(projectFlags), z.number().int()),
  slipped: z.array(z.object({ id: z.string(), zoneId: z.string(), name: z.string(), flag: z.enum(projectFlags), reasons: z.array(flagReasonSchema) })),
  funnel: z.array(z.object({ stage: z.enum(leadStages), current: z.number().int(), reached: z.number().int(), conversion: rate.describe('reached the next stage / reached this one') })),
  conversionByMethod: z.array(z.object({ method: z.enum(leadMethods), leads: z.number().int(), signed: z.number().int().describe('leads at 正式签约 or beyond'), rate })),
  signedByQuarter: z.array(z.object({ quarter: z.string(), method: z.enum(leadMethods), signedYuan: z.number() })),
  blockersByMonth: z.array(z.object({ month: z.string(), opened: z.number().int(), closed: z.number().int() })),
  services: kpiServicesSchema.describe('向上争取资金, 揽才 and 银企对接 lines of the same zones, read live from their modules (null where a module is absent)'),
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;

/** What zones (or cities) can be ranked on. */
export const rankIndicators = [
  'signedYuan',
  'arrivedYuan',
  'investedYuan',
  'planRate',
  'projectsStarted',
  'startRate',
  'productionRate',
  'blockersClosed',
  'avgDaysToClose',
  'chainCompleteness',
  // 统计局 figures (the statistics module), of the last full year: the year's value, per 亩 of 开发面积.
  'industrialInvestment',
  'industrialOutput',
  'aboveScaleEnterprises',
  'taxPerMu',
  'outputPerMu',
] as const;
/** The ranking's indicators read from the statistics module (a year's 统计局 figures). */
export const statisticRankIndicators: readonly RankIndicatorName[] = ['industrialInvestment', 'industrialOutput', 'aboveScaleEnterprises', 'taxPerMu', 'outputPerMu'];
type RankIndicatorName = (typeof rankIndicators)[number];
export type RankIndicator = (typeof rankIndicators)[number];
/**
 * KPIs a 考核 item may score (higher is better, counted from the records), each with the unit its
 * value and an item's target are in: money in 万元, rates in %, counts as counted.
 */
export const assessableKpis = {
  signedYuan: 'wan',
  arrivedYuan: 'wan',
  investedYuan: 'wan',
  planRate: 'percent',
  projectsStarted: 'count',
  startRate: 'percent',
  productionRate: 'percent',
  blockersClosed: 'count',
  chainCompleteness: 'percent',
} as const satisfies Partial<Record<RankIndicatorName, 'wan' | 'percent' | 'count'>>;
export type AssessableKpi = keyof typeof assessableKpis;

/** Lower is better for these. */
export const lowerIsBetter: readonly RankIndicator[] = ['avgDaysToClose'];

export const kpiRankingQuery = z.object({
  indicator: z.enum(rankIndicators).default('signedYuan'),
  basis: z.enum(['absolute', 'growth']).default('absolute').describe('the year to date, or its growth on the same months of last year'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: z.string().regex(/^\d{2}(\d{2})?$/).optional().describe('Only zones under this province (2 digits) or city (4 digits)'),
  groupBy: z.enum(['zone', 'city']).default('zone'),
});

const cell = z.object({ value: z.number().nullable(), previous: z.number().nullable().describe('the same months of last year'), growth: z.number().nullable().describe('value / previous − 1') });

export const kpiRankingSchema = z.object({
  year: z.number().int(),
  throughMonth: z.string().describe('the year to date runs through this month'),
  statYear: z.number().int().describe('the year the 统计局 columns are of (the last full one)'),
  indicator: z.enum(rankIndicators),
  basis: z.enum(['absolute', 'growth']),
  rows: z.array(
    z.object({
      key: z.string().describe('the zone id, or the city’s region code'),
      name: z.string(),
      regionCode: z.string(),
      cityName: z.string().nullable(),
      zones: z.number().int(),
      values: z.record(z.enum(rankIndicators), cell),
      rank: z.number().int().nullable(),
      previousRank: z.number().int().nullable().describe('the rank on the year to date through the month before'),
    }),
  ),
});
export type KpiRanking = z.infer<typeof kpiRankingSchema>;

export const kpiOperations = {
  dashboard: defineOperation({
    method: 'GET',
    path: '/api/kpis/dashboard',
    tags,
    summary: '驾驶舱 / Zone dashboard',
    permission: 'kpis.read',
    query: kpiDashboardQuery,
    response: kpiDashboardSchema,
  }),
  ranking: defineOperation({
    method: 'GET',
    path: '/api/kpis/ranking',
    tags,
    summary: '开发区排名 / Ranking of zones',
    permission: 'kpis.rank',
    query: kpiRankingQuery,
    response: kpiRankingSchema,
  }),
  refresh: defineOperation({
    method: 'POST',
    path: '/api/kpis/refresh',
    tags,
    summary: '刷新指标 / Refresh a zone’s figures',
    permission: 'kpis.refresh',
    body: z.object({ zoneId: uuidSchema }),
    response: z.object({ zoneId: z.string(), refreshedAt: z.string(), rows: z.number().int() }),
  }),
};

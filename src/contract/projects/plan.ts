/** The plan of a project: milestones (节点), approvals (审批事项), 标准地 indicators, annual investment plans. */
import { z } from 'zod';
import { isoDate, uuidSchema, versionSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { optionalText, person } from './fields.ts';
import { projectStages } from './vocabulary.ts';

export const milestoneSchema = z.object({
  id: z.string(),
  sortOrder: z.number().int(),
  name: z.string(),
  stage: z.enum(projectStages).nullable(),
  plannedOn: z.string().nullable(),
  actualOn: z.string().nullable(),
  note: z.string().nullable(),
  slippageDays: z.number().int().nullable().describe('actual (or today, while open) minus planned; positive = late'),
  overdue: z.boolean().describe('planned date passed and no actual date'),
  version: z.number().int(),
});

export const approvalSchema = z.object({
  id: z.string(),
  sortOrder: z.number().int(),
  name: z.string(),
  agency: z.string().nullable(),
  statutoryDays: z.number().int().nullable(),
  promisedDays: z.number().int().nullable(),
  agent: person,
  filedOn: z.string().nullable(),
  grantedOn: z.string().nullable(),
  note: z.string().nullable(),
  workdaysElapsed: z.number().int().nullable().describe('Working days from filing to grant (or today while pending)'),
  clock: z.enum(['not_filed', 'running', 'done']),
  overPromised: z.boolean(),
  overStatutory: z.boolean(),
  version: z.number().int(),
});

export const landIndicatorKeys = ['investmentIntensity', 'taxPerMu', 'outputPerMu', 'floorAreaRatio', 'energyPerOutput'] as const;
export type LandIndicatorKey = (typeof landIndicatorKeys)[number];
/** 达标 / 未达标 / 待核. */
export const landVerdicts = ['met', 'not_met', 'pending'] as const;
export type LandVerdict = (typeof landVerdicts)[number];
/** The words of the 标准地履标 sheet (the page has its own in the web's catalogue). */
export const landIndicatorLabels: Record<LandIndicatorKey, string> = {
  investmentIntensity: '投资强度（万元/亩）',
  taxPerMu: '亩均税收（万元/亩）',
  outputPerMu: '亩均产出（万元/亩）',
  floorAreaRatio: '容积率',
  energyPerOutput: '单位产值能耗（吨标煤/万元）',
};
export const landVerdictLabels: Record<LandVerdict, string> = { met: '达标', not_met: '未达标', pending: '待核' };
/**
 * Where an achieved figure comes from: the progress reports' cumulative investment, the investor
 * enterprise's yearly figures (亩均税收/亩均产出/能耗 of its latest year), or the project's own fields
 * (expected tax and output, floor area): the last gives a figure but never a verdict on tax or output.
 */
export const landSources = ['progress_reports', 'enterprise_yearly', 'project_fields'] as const;
export type LandSource = (typeof landSources)[number];

export const landIndicatorSchema = z.object({
  key: z.enum(landIndicatorKeys),
  promised: z.number().nullable(),
  achieved: z.number().nullable().describe('Derived from the records; null when they hold nothing to derive it from'),
  source: z.enum(landSources).nullable(),
  year: z.number().int().nullable().describe('The year of the enterprise figures used, when source is enterprise_yearly'),
  verdict: z.enum(landVerdicts).nullable().describe('null when nothing is promised'),
  reported: z.number().nullable().describe('企业自报: the value typed before issue 10, kept as history; never used for the verdict'),
});
export const landStandardSchema = z.object({
  investmentIntensityPromised: z.number().nullable().describe('投资强度 万元/亩'),
  taxPerMuPromised: z.number().nullable().describe('亩均税收 万元/亩'),
  outputPerMuPromised: z.number().nullable().describe('亩均产出 万元/亩'),
  floorAreaRatioPromised: z.number().nullable().describe('容积率'),
  energyPerOutputPromised: z.number().nullable().describe('单位产值能耗 吨标煤/万元 (lower is better)'),
  indicators: z.array(landIndicatorSchema).describe('Each promised indicator with its derived figure and verdict'),
  verdict: z.enum(landVerdicts).describe('未达标 when any is not met; 达标 when all are met; else 待核'),
  reportedOn: z.string().nullable().describe('The date of the 企业自报 history values'),
  version: z.number().int(),
});
export type LandStandard = z.infer<typeof landStandardSchema>;

export const milestonesBody = z.object({
  items: z
    .array(
      z.object({
        id: uuidSchema.optional().describe('Absent for a new node'),
        version: versionSchema.optional().describe('Required with id'),
        name: z.string().trim().min(1).max(32),
        stage: z.enum(projectStages).nullable().optional(),
        plannedOn: isoDate.nullable().optional(),
        actualOn: isoDate.nullable().optional(),
        note: optionalText(200),
      }),
    )
    .max(50)
    .describe('The whole plan, in order: nodes left out are removed'),
});

export const approvalsBody = z.object({
  items: z
    .array(
      z.object({
        id: uuidSchema.optional(),
        version: versionSchema.optional(),
        name: z.string().trim().min(1).max(64),
        agency: optionalText(64),
        statutoryDays: z.number().int().min(0).max(999).nullable().optional(),
        promisedDays: z.number().int().min(0).max(999).nullable().optional(),
        agentUserId: uuidSchema.nullable().optional(),
        filedOn: isoDate.nullable().optional(),
        grantedOn: isoDate.nullable().optional(),
        note: optionalText(200),
      }),
    )
    .max(60)
    .describe('The whole checklist, in order: items left out are removed'),
});

const indicator = z.number().min(0).max(1e9).nullable().optional();
/** Only what was promised: the achieved figures are derived from the records, never typed. */
export const landStandardBody = z.object({
  version: versionSchema.optional().describe('Required when the indicators exist'),
  investmentIntensityPromised: indicator,
  taxPerMuPromised: indicator,
  outputPerMuPromised: indicator,
  floorAreaRatioPromised: indicator,
  energyPerOutputPromised: indicator,
});

export const yearParams = z.object({ id: uuidSchema, year: z.coerce.number().int().min(2000).max(2100) });
export const annualPlanBody = z.object({ planWan: wanAmount(), version: versionSchema.optional().describe('Required when a plan exists') });

export const landComplianceQuery = z.object({ zoneId: uuidSchema.optional() });
/** The sheet of the list as filtered on screen: by overall verdict and by a part of the project's name. */
export const landComplianceExportQuery = landComplianceQuery.extend({
  verdict: z.enum(landVerdicts).optional(),
  q: z.string().trim().max(100).optional(),
});
export const landComplianceRow = landStandardSchema.extend({
  projectId: z.string(),
  projectName: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  landMu: z.number().nullable(),
});

/** The project itself: create, update, stage changes, the list and the detail. */
import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, pageOf, paginationQuery, uuidSchema, versionSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { reportPeriods } from '../org.ts';
import { optionalNumber, optionalText, person, year } from './fields.ts';
import { approvalSchema, landStandardSchema, milestoneSchema } from './plan.ts';
import { photoSchema, progressReportSchema } from './progress.ts';
import './reasons.ts';
import { flagReasonSchema, projectFlags, projectLevels, projectNatures, projectStages } from './vocabulary.ts';

export const phaseInput = z.object({
  name: z.string().trim().min(1).max(32).describe('一期/二期…'),
  stage: z
    .enum(projectStages)
    .default('planning')
    .describe("The phase's own stage; its gate dates are required (供地 landOn, 开工 actualStartOn, 竣工 actualEndOn, 投产 productionOn)"),
  investmentWan: wanAmount().nullable().optional().describe('总投资 of the phase, 万元'),
  investedWan: wanAmount().nullable().optional().describe('已完成投资 of the phase, 万元 (not above its total)'),
  content: optionalText(500),
  plannedStartOn: isoDate.nullable().optional(),
  plannedEndOn: isoDate.nullable().optional(),
  landOn: isoDate.nullable().optional().describe('拿地 (供地) date'),
  actualStartOn: isoDate.nullable().optional().describe('实际开工 (not before landOn)'),
  actualEndOn: isoDate.nullable().optional().describe('实际竣工 (not before actualStartOn)'),
  productionOn: isoDate.nullable().optional().describe('投产 (not before actualStartOn)'),
});

/** Fields a project's create and update share; money in 万元. */
const projectFields = {
  parkId: uuidSchema.nullable().optional(),
  name: z.string().trim().min(4).max(100),
  investorEnterpriseId: uuidSchema.nullable().optional().describe('An enterprises row (GET/POST /api/enterprises)'),
  sectorText: optionalText(32).describe('板块'),
  chainLinkText: optionalText(64).describe('产业链环节'),
  nature: z.enum(projectNatures),
  level: z.enum(projectLevels),
  totalInvestmentWan: wanAmount().describe('总投资, 万元'),
  fixedAssetInvestmentWan: wanAmount().nullable().optional().describe('固定资产投资, 万元'),
  constructionContent: optionalText(2000),
  landMu: optionalNumber(1_000_000).describe('用地, 亩'),
  floorAreaM2: optionalNumber(100_000_000).describe('建筑面积, m²'),
  capacityAmount: optionalNumber(1e12),
  capacityUnit: optionalText(16).describe('e.g. 吨/年, GWh, 台套'),
  plannedStartYear: year.nullable().optional(),
  plannedEndYear: year.nullable().optional(),
  expectedOutputWan: wanAmount().nullable().optional().describe('达产产值, 万元/年'),
  expectedTaxWan: wanAmount().nullable().optional().describe('达产税收, 万元/年'),
  jobs: z.number().int().min(0).max(1_000_000).nullable().optional(),
  signedOn: isoDate.nullable().optional(),
  landOn: isoDate.nullable().optional(),
  startOn: isoDate.nullable().optional().describe('实际开工日期'),
  completedOn: isoDate.nullable().optional(),
  productionOn: isoDate.nullable().optional(),
  fullProductionOn: isoDate.nullable().optional(),
  leaderUserId: uuidSchema.nullable().optional().describe('包联领导'),
  departmentId: uuidSchema.nullable().optional().describe('责任单位'),
  officerUserId: uuidSchema.nullable().optional().describe('责任人 / 代办员'),
  taskForce: optionalText(64).describe('专班'),
  taskForceUserIds: z.array(uuidSchema).max(30).optional().describe('专班成员: users covering the zone with a working role; replaces the team when given'),
  phases: z.array(phaseInput).max(10).optional().describe('Replaces all phases when given'),
};

export const createProjectBody = z.object({
  zoneId: uuidSchema,
  stage: z.enum(projectStages).default('planning'),
  annualPlanWan: wanAmount().nullable().optional().describe("This year's investment plan, 万元"),
  ...projectFields,
});
export type CreateProjectInput = z.input<typeof createProjectBody>;

export const updateProjectBody = z.object(projectFields).partial().extend({ version: versionSchema });

export const changeStageBody = z.object({
  version: versionSchema,
  stage: z.enum(projectStages),
  reason: z.string().trim().max(500).optional().describe('Required when moving back'),
  investorEnterpriseId: uuidSchema.optional(),
  signedOn: isoDate.optional(),
  landOn: isoDate.optional(),
  startOn: isoDate.optional(),
  completedOn: isoDate.optional(),
  productionOn: isoDate.optional(),
  fullProductionOn: isoDate.optional(),
});

export const projectListItemSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  parkId: z.string().nullable(),
  parkName: z.string().nullable(),
  name: z.string(),
  investorName: z.string().nullable(),
  sectorText: z.string().nullable(),
  nature: z.enum(projectNatures),
  level: z.enum(projectLevels),
  stage: z.enum(projectStages),
  totalInvestmentYuan: z.number(),
  investedTotalYuan: z.number().describe('Since start, from progress reports'),
  ytdYuan: z.number().describe('This year, from progress reports'),
  annualPlanYuan: z.number().nullable(),
  percentOfAnnualPlan: z.number().nullable(),
  percentOfTotal: z.number().nullable(),
  percentComplete: z.number().nullable().describe('形象进度 % of the latest report'),
  lastReportPeriodStart: z.string().nullable(),
  flag: z.enum(projectFlags),
  flagReasons: z.array(flagReasonSchema),
  leader: person,
  department: person,
  officer: person,
  taskForce: z.string().nullable(),
  immediateStart: z.boolean().describe("拿地即开工: a phase (or the project) started within the zone's N working days of its land"),
  updatedAt: isoDateTime,
  version: z.number().int(),
  actions: actionsSchema,
});
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

export const projectSorts = ['updatedAt', 'name', 'totalInvestment', 'investedTotal', 'stage', 'flag'] as const;
export const listProjectsQuery = paginationQuery.extend({
  zoneId: uuidSchema.optional(),
  parkId: uuidSchema.optional(),
  sector: z.string().trim().max(32).optional(),
  stage: z.enum(projectStages).optional(),
  level: z.enum(projectLevels).optional(),
  flag: z.enum(projectFlags).optional(),
  leaderUserId: uuidSchema.optional(),
  departmentId: uuidSchema.optional(),
  responsibility: z.enum(['mine', 'led']).optional().describe('mine = I am the responsible officer; led = I am the leader in charge'),
  immediateStart: z
    .enum(['true', 'false'])
    .optional()
    .describe("true: only projects where a phase (or the project) started within the zone's N working days of its land (拿地即开工); false: none"),
  q: z.string().trim().max(64).optional().describe('Name contains'),
  sort: z.enum(projectSorts).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const projectPage = pageOf(projectListItemSchema);

export const stageEventSchema = z.object({
  fromStage: z.enum(projectStages).nullable(),
  toStage: z.enum(projectStages),
  on: z.string(),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: isoDateTime,
});

/** One change of a project's flag (红黄绿灯变化), newest first in the history. */
export const flagEventSchema = z.object({
  fromFlag: z.enum(projectFlags).nullable().describe('null: the flag was computed for the first time'),
  toFlag: z.enum(projectFlags),
  reasons: z.array(flagReasonSchema).describe('The reasons of the new flag'),
  on: z.string().describe('The day the flag was computed for (China calendar)'),
  at: isoDateTime,
});
export type FlagEvent = z.infer<typeof flagEventSchema>;
export const flagHistorySchema = z.object({ items: z.array(flagEventSchema) });

/** 供地到开工 of a phase (or the project) against the zone's rule: statutory 107, its promise, 拿地即开工 within N. */
export const landToStartSchema = z.object({
  workdays: z.number().int().describe('Working days after the land date up to the start (or today while not started), official calendar'),
  started: z.boolean().describe('false: the clock still runs (counted to today)'),
  statutoryDays: z.number().int().describe("法定: the zone's statutory figure (default 107)"),
  promisedDays: z.number().int().nullable().describe("承诺: the zone's promise, if it has one"),
  immediateStartDays: z.number().int().describe('N: 拿地即开工 when the start follows the land within N working days'),
  overStatutory: z.boolean(),
  overPromised: z.boolean(),
  immediateStart: z.boolean().describe('拿地即开工: started, and within N working days'),
});
export type LandToStart = z.infer<typeof landToStartSchema>;

export const phaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.enum(projectStages),
  investmentYuan: z.number().nullable(),
  investedYuan: z.number().nullable(),
  content: z.string().nullable(),
  plannedStartOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  landOn: z.string().nullable(),
  actualStartOn: z.string().nullable(),
  actualEndOn: z.string().nullable(),
  productionOn: z.string().nullable(),
  landToStart: landToStartSchema.nullable().describe('null without a land date'),
});

export const projectDetailSchema = projectListItemSchema.extend({
  investorEnterpriseId: z.string().nullable(),
  investorCreditCode: z.string().nullable(),
  chainLinkText: z.string().nullable(),
  fixedAssetInvestmentYuan: z.number().nullable(),
  constructionContent: z.string().nullable(),
  landMu: z.number().nullable(),
  floorAreaM2: z.number().nullable(),
  capacityAmount: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  plannedStartYear: z.number().int().nullable(),
  plannedEndYear: z.number().int().nullable(),
  expectedOutputYuan: z.number().nullable(),
  expectedTaxYuan: z.number().nullable(),
  jobs: z.number().int().nullable(),
  stageEnteredOn: z.string(),
  signedOn: z.string().nullable(),
  landOn: z.string().nullable(),
  startOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  productionOn: z.string().nullable(),
  fullProductionOn: z.string().nullable(),
  leadId: z.string().nullable(),
  reportPeriod: z.enum(reportPeriods).describe("The zone's reporting period"),
  landToStartWorkdays: z.number().int().nullable().describe('供地 to 开工 (or today while not started), working days'),
  landToStart: landToStartSchema.nullable().describe("The project's own 供地 to 开工 against the zone's rule; null without landOn"),
  approvalsStatutoryWorkdays: z.number().int().describe('Sum of the statutory limits of the checklist'),
  approvalsPromisedWorkdays: z.number().int(),
  phases: z.array(phaseSchema),
  milestones: z.array(milestoneSchema),
  approvals: z.array(approvalSchema),
  landStandard: landStandardSchema.nullable(),
  annualPlans: z.array(z.object({ year: z.number().int(), planYuan: z.number(), version: z.number().int() })),
  reports: z.array(progressReportSchema),
  photos: z.array(photoSchema),
  stageHistory: z.array(stageEventSchema),
  taskForceMembers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })).describe('专班 as people, in the order given'),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const assignableUsersQuery = z.object({ zoneId: uuidSchema });
export const assignableUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  title: z.string().nullable(),
  departmentId: z.string().nullable(),
});

/** The project entries of the 工作台. */
export const projectWorkbenchSchema = z.object({
  overdueMilestones: z.array(
    z.object({ projectId: z.string(), projectName: z.string(), milestone: z.string(), plannedOn: z.string(), daysOverdue: z.number().int() }),
  ),
  reportsDue: z.array(z.object({ projectId: z.string(), projectName: z.string(), zoneId: z.string(), periodStart: z.string(), periodEnd: z.string() })),
});
export type ProjectWorkbench = z.infer<typeof projectWorkbenchSchema>;

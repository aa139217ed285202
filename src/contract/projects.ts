import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, pageOf, paginationQuery, uuidSchema, versionSchema } from './common.ts';
import { wanAmount } from './money.ts';
import { reportPeriods } from './org.ts';
import { defineReasons } from './reasons.ts';

/** 项目阶段, in order: 谋划/储备 → 签约 → 供地 → 审批 → 开工 → 在建 → 竣工 → 投产 → 达产. */
export const projectStages = [
  'planning', // 谋划/储备
  'signed', // 签约
  'land', // 供地
  'approval', // 审批
  'started', // 开工
  'construction', // 在建
  'completed', // 竣工
  'production', // 投产
  'full_production', // 达产
] as const;
export type ProjectStage = (typeof projectStages)[number];

/** 建设性质: 新建/续建/扩建/技改. */
export const projectNatures = ['new', 'continued', 'expansion', 'upgrade'] as const;
/** 项目级别: 省/市/县/区重点, or none. */
export const projectLevels = ['province', 'city', 'county', 'district', 'none'] as const;
/** 红黄绿灯. */
export const projectFlags = ['green', 'yellow', 'red'] as const;
export type ProjectFlag = (typeof projectFlags)[number];

/** The date each stage needs before it can be entered (a jump needs those of every stage passed). */
export const stageGates: Record<
  ProjectStage,
  readonly ('investorEnterpriseId' | 'signedOn' | 'landOn' | 'startOn' | 'completedOn' | 'productionOn' | 'fullProductionOn')[]
> = {
  planning: [],
  signed: ['investorEnterpriseId', 'signedOn'],
  land: ['landOn'],
  approval: [],
  started: ['startOn'],
  construction: [],
  completed: ['completedOn'],
  production: ['productionOn'],
  full_production: ['fullProductionOn'],
};
/** Stages in which a project files progress reports (a missing one can turn the flag). */
export const reportingStages: readonly ProjectStage[] = ['signed', 'land', 'approval', 'started', 'construction', 'completed', 'production'];

export const flagReasonSchema = z.object({
  code: z.enum(['milestone_overdue', 'investment_behind', 'report_missing']),
  level: z.enum(['yellow', 'red']),
  milestone: z.string().optional().describe('milestone_overdue: the earliest overdue node'),
  days: z.number().int().optional().describe('milestone_overdue: days overdue'),
  points: z.number().optional().describe('investment_behind: time progress minus % of annual plan done, in percentage points'),
  periodStart: z.string().optional().describe('report_missing: the period not reported'),
});
export type FlagReason = z.infer<typeof flagReasonSchema>;

export const templateMilestoneSchema = z.object({
  name: z.string().trim().min(1).max(32),
  stage: z.enum(projectStages).nullable().optional().describe('The stage this node marks: entering it fills the actual date'),
});
export type TemplateMilestone = z.infer<typeof templateMilestoneSchema>;
export const templateApprovalSchema = z.object({
  name: z.string().trim().min(1).max(64),
  agency: z.string().trim().max(64).nullable().optional(),
  statutoryDays: z.number().int().min(0).max(999).nullable().optional().describe('法定时限, working days'),
  promisedDays: z.number().int().min(0).max(999).nullable().optional().describe('承诺时限, working days'),
});
export type TemplateApproval = z.infer<typeof templateApprovalSchema>;

/** Used when neither the zone nor the global template has been saved. */
export const builtinMilestones: TemplateMilestone[] = [
  { name: '注册', stage: null },
  { name: '摘牌/供地', stage: 'land' },
  { name: '规划许可', stage: null },
  { name: '施工许可', stage: null },
  { name: '开工', stage: 'started' },
  { name: '主体封顶', stage: null },
  { name: '设备进场', stage: null },
  { name: '竣工', stage: 'completed' },
  { name: '投产', stage: 'production' },
  { name: '达产', stage: 'full_production' },
];
export const builtinApprovals: TemplateApproval[] = [
  { name: '企业投资项目备案', agency: '行政审批局', statutoryDays: 5, promisedDays: 1 },
  { name: '建设用地规划许可证', agency: '自然资源局', statutoryDays: 20, promisedDays: 3 },
  { name: '不动产权证书（土地）', agency: '不动产登记中心', statutoryDays: 30, promisedDays: 5 },
  { name: '环境影响评价审批', agency: '生态环境局', statutoryDays: 60, promisedDays: 15 },
  { name: '节能审查', agency: '行政审批局', statutoryDays: 20, promisedDays: 5 },
  { name: '安全条件审查', agency: '应急管理局', statutoryDays: 20, promisedDays: 5 },
  { name: '水土保持方案审批', agency: '水利局', statutoryDays: 20, promisedDays: 5 },
  { name: '建设工程规划许可证', agency: '自然资源局', statutoryDays: 20, promisedDays: 3 },
  { name: '施工图审查', agency: '住建局', statutoryDays: 15, promisedDays: 5 },
  { name: '消防设计审查', agency: '住建局', statutoryDays: 15, promisedDays: 5 },
  { name: '人防设计审查', agency: '人防办', statutoryDays: 10, promisedDays: 2 },
  { name: '防雷装置设计审核', agency: '气象局', statutoryDays: 20, promisedDays: 5 },
  { name: '建筑工程施工许可证', agency: '住建局', statutoryDays: 7, promisedDays: 1 },
];

defineReasons({
  gate_required: ['进入该阶段需要先填写此项', 'required before the project can enter this stage'],
  stage_back_reason: ['阶段回退需要填写原因', 'moving a project back needs a reason'],
  stage_same: ['项目已处于该阶段', 'the project is already in this stage'],
  fixed_exceeds_total: ['固定资产投资不能大于总投资', 'fixed-asset investment cannot exceed the total'],
  years_order: ['计划竣工年份不能早于开工年份', 'the planned end year cannot precede the start year'],
  dates_order: ['结束日期不能早于开始日期', 'the end date cannot precede the start date'],
  granted_before_filed: ['办结日期不能早于申报日期', 'the granted date cannot precede the filed date'],
  period_start_invalid: [
    '期间起始日与本区填报周期不符（月报为每月1日，旬报为1/11/21日，周报为周一）',
    "the period start does not match the zone's reporting period",
  ],
  period_future: ['不能填报尚未开始的期间', 'a period that has not started cannot be reported'],
  period_reported: ['该期间已填报，请修改原记录', 'this period has already been reported'],
  cumulative_backwards: ['累计完成投资不能小于上期累计', 'the cumulative investment cannot go below the previous one'],
  invested_or_cumulative: ['请填写本期完成投资或累计完成投资（二选一）', 'give either the investment this period or the cumulative, not both'],
  photo_not_image: ['只能上传 JPEG、PNG 或 WebP 图片', 'only JPEG, PNG or WebP images'],
  photo_too_large: ['图片不能超过 5 MB', 'an image cannot exceed 5 MB'],
  photo_missing: ['请选择要上传的图片', 'choose an image to upload'],
  unknown_user_in_zone: ['该人员不存在或不负责本开发区', 'no such user covering this zone'],
  unknown_park: ['园区不存在或不属于所选开发区', 'no such park in the chosen zone'],
  unknown_project: ['项目不存在或不在您的管辖范围内', 'no such project in the zones you cover'],
  not_my_project: ['不是您负责的项目', 'not one of your projects'],
  duplicate_row: ['同一项目重复出现', 'the same project appears twice'],
  thresholds_order: ['红灯阈值应不小于黄灯阈值', 'the red threshold must not be below the yellow one'],
  unknown_milestone: ['节点不存在', 'no such milestone'],
  unknown_approval: ['审批事项不存在', 'no such approval item'],
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const optionalNumber = (max: number) => z.number().min(0).max(max).nullable().optional();
const percent = z.number().min(0, 'percent_range').max(100, 'percent_range');
const year = z.number().int().min(2000).max(2100);

export const phaseInput = z.object({
  name: z.string().trim().min(1).max(32).describe('一期/二期…'),
  investmentWan: wanAmount().nullable().optional(),
  content: optionalText(500),
  plannedStartOn: isoDate.nullable().optional(),
  plannedEndOn: isoDate.nullable().optional(),
  actualStartOn: isoDate.nullable().optional(),
  actualEndOn: isoDate.nullable().optional(),
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

const person = z.object({ id: z.string(), name: z.string() }).nullable();

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
  q: z.string().trim().max(64).optional().describe('Name contains'),
  sort: z.enum(projectSorts).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const projectPage = pageOf(projectListItemSchema);

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

export const landIndicatorKeys = ['investmentIntensity', 'taxPerMu', 'floorAreaRatio', 'energyPerOutput'] as const;
export const landStandardSchema = z.object({
  investmentIntensityPromised: z.number().nullable().describe('投资强度 万元/亩'),
  investmentIntensityAchieved: z.number().nullable(),
  taxPerMuPromised: z.number().nullable().describe('亩均税收 万元/亩'),
  taxPerMuAchieved: z.number().nullable(),
  floorAreaRatioPromised: z.number().nullable().describe('容积率'),
  floorAreaRatioAchieved: z.number().nullable(),
  energyPerOutputPromised: z.number().nullable().describe('单位产值能耗 吨标煤/万元 (lower is better)'),
  energyPerOutputAchieved: z.number().nullable(),
  assessedOn: z.string().nullable(),
  compliance: z.record(z.string(), z.enum(['met', 'not_met', 'pending'])).describe('Per indicator'),
  compliant: z.boolean().nullable().describe('null until every promised indicator has an achieved value'),
  version: z.number().int(),
});

export const progressReportSchema = z.object({
  id: z.string(),
  periodKind: z.enum(reportPeriods),
  periodStart: z.string(),
  periodEnd: z.string(),
  investedYuan: z.number(),
  ytdYuan: z.number(),
  sinceStartYuan: z.number(),
  percentOfAnnualPlan: z.number().nullable(),
  percentOfTotal: z.number().nullable(),
  percentComplete: z.number().nullable(),
  progressText: z.string().nullable(),
  problems: z.string().nullable(),
  reportedByName: z.string(),
  photoIds: z.array(z.string()),
  createdAt: isoDateTime,
  version: z.number().int(),
});

export const photoSchema = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  caption: z.string().nullable(),
  uploadedByName: z.string(),
  createdAt: isoDateTime,
  url: z.string(),
});

export const stageEventSchema = z.object({
  fromStage: z.enum(projectStages).nullable(),
  toStage: z.enum(projectStages),
  on: z.string(),
  reason: z.string().nullable(),
  actorName: z.string(),
  at: isoDateTime,
});

export const phaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  investmentYuan: z.number().nullable(),
  content: z.string().nullable(),
  plannedStartOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  actualStartOn: z.string().nullable(),
  actualEndOn: z.string().nullable(),
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
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

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
export const landStandardBody = z.object({
  version: versionSchema.optional().describe('Required when the indicators exist'),
  investmentIntensityPromised: indicator,
  investmentIntensityAchieved: indicator,
  taxPerMuPromised: indicator,
  taxPerMuAchieved: indicator,
  floorAreaRatioPromised: indicator,
  floorAreaRatioAchieved: indicator,
  energyPerOutputPromised: indicator,
  energyPerOutputAchieved: indicator,
  assessedOn: isoDate.nullable().optional(),
});

export const yearParams = z.object({ id: uuidSchema, year: z.coerce.number().int().min(2000).max(2100) });
export const annualPlanBody = z.object({ planWan: wanAmount(), version: versionSchema.optional().describe('Required when a plan exists') });

/** A report: give the investment of this period, or the cumulative since start (the period amount follows). */
export const reportFields = z.object({
  investedWan: wanAmount().optional().describe('本期完成投资, 万元'),
  cumulativeWan: wanAmount().optional().describe('累计完成投资 (since start), 万元: the period amount is derived'),
  percentComplete: percent.nullable().optional().describe('形象进度 %'),
  progressText: optionalText(2000),
  problems: optionalText(2000),
});
export const createReportBody = reportFields.extend({ periodStart: isoDate.describe('First day of the period (zone period: month/旬/week)') });

export const batchQuery = z.object({ zoneId: uuidSchema, periodStart: isoDate.optional().describe('Default: the current period') });
export const batchRowSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  stage: z.enum(projectStages),
  flag: z.enum(projectFlags),
  totalInvestmentYuan: z.number(),
  investedBeforeYuan: z.number().describe('Since start, before this period'),
  annualPlanYuan: z.number().nullable(),
  lastPercentComplete: z.number().nullable(),
  report: progressReportSchema.nullable().describe('The report of this period, if filed'),
});
export const batchResponse = z.object({
  zoneId: z.string(),
  periodKind: z.enum(reportPeriods),
  periodStart: z.string(),
  periodEnd: z.string(),
  rows: z.array(batchRowSchema),
});
export const batchBody = z.object({
  zoneId: uuidSchema,
  periodStart: isoDate,
  rows: z
    .array(reportFields.extend({ projectId: uuidSchema }))
    .min(1)
    .max(2000),
});
export const batchResult = z.object({ created: z.number().int(), periodStart: z.string(), periodEnd: z.string() });

export const templatesQuery = z.object({ zoneId: uuidSchema.optional().describe('Absent: the global template') });
export const templatesSchema = z.object({
  zoneId: z.string().nullable(),
  source: z.enum(['zone', 'global', 'builtin']).describe('Where the lists shown come from'),
  milestones: z.array(templateMilestoneSchema),
  approvals: z.array(templateApprovalSchema),
  version: z.number().int().nullable().describe("The saved row's version at this scope; null when none is saved"),
  actions: actionsSchema,
});
export const putTemplatesBody = z.object({
  zoneId: uuidSchema.nullable(),
  version: versionSchema.optional().describe('Required when this scope has a saved template'),
  milestones: z.array(templateMilestoneSchema).min(1).max(50),
  approvals: z.array(templateApprovalSchema).max(60),
});

export const flagRuleFields = z.object({
  milestoneYellowDays: z.number().int().min(1).max(365).describe('An open node overdue this many days or more: yellow'),
  milestoneRedDays: z.number().int().min(1).max(365).describe('… this many days or more: red'),
  investmentYellowPoints: z.number().int().min(1).max(100).describe('Time progress of the year minus % of annual plan done, points: yellow'),
  investmentRedPoints: z.number().int().min(1).max(100),
  missingReportFlag: z.enum(['off', 'yellow', 'red']).describe('Flag when the last ended period has no report after the grace days'),
  reportGraceDays: z.number().int().min(0).max(60),
});
export type FlagRule = z.infer<typeof flagRuleFields>;
export const defaultFlagRule: FlagRule = {
  milestoneYellowDays: 1,
  milestoneRedDays: 30,
  investmentYellowPoints: 10,
  investmentRedPoints: 25,
  missingReportFlag: 'yellow',
  reportGraceDays: 5,
};
export const flagRuleSchema = flagRuleFields.extend({
  zoneId: z.string().nullable(),
  source: z.enum(['zone', 'global', 'builtin']),
  version: z.number().int().nullable(),
  actions: actionsSchema,
});
export const putFlagRuleBody = flagRuleFields.extend({ zoneId: uuidSchema.nullable(), version: versionSchema.optional() });

export const landComplianceQuery = z.object({ zoneId: uuidSchema.optional() });
export const landComplianceRow = landStandardSchema.extend({
  projectId: z.string(),
  projectName: z.string(),
  zoneId: z.string(),
  landMu: z.number().nullable(),
});

export const assignableUsersQuery = z.object({ zoneId: uuidSchema });
export const assignableUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  title: z.string().nullable(),
  departmentId: z.string().nullable(),
});

export const photoParams = z.object({ id: uuidSchema, photoId: uuidSchema });
export const reportParams = z.object({ id: uuidSchema, reportId: uuidSchema });
export const updateReportBody = reportFields.omit({ cumulativeWan: true }).extend({ version: versionSchema });

/** The project entries of the 工作台. */
export const projectWorkbenchSchema = z.object({
  overdueMilestones: z.array(
    z.object({ projectId: z.string(), projectName: z.string(), milestone: z.string(), plannedOn: z.string(), daysOverdue: z.number().int() }),
  ),
  reportsDue: z.array(z.object({ projectId: z.string(), projectName: z.string(), zoneId: z.string(), periodStart: z.string(), periodEnd: z.string() })),
});
export type ProjectWorkbench = z.infer<typeof projectWorkbenchSchema>;

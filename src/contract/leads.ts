import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, pageOf, paginationQuery, regionCodeSchema, uuidSchema, versionSchema } from './common.ts';
import { wanAmount } from './money.ts';
import { activityKinds, agreementKinds, chainActions, leadMethods, leadStages, leadStatuses, partnerKinds, signingEventKinds } from './pipeline-enums.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  stage_gate_framework: [
    '进入“框架协议”阶段需先录入框架协议（签署日期、金额、文件）',
    'the framework-agreement stage needs its agreement (date, amount, file)',
  ],
  stage_gate_signed: ['进入“正式签约”阶段需先录入投资协议（签署日期、金额、文件）', 'the signed stage needs the investment agreement (date, amount, file)'],
  stage_same: ['线索已处于该阶段', 'the lead is already at this stage'],
  lead_closed: ['线索已流失或终止，请先恢复状态', 'the lead is lost or terminated; restore its status first'],
  status_reason_required: ['流失或终止需填写原因', 'a lost or terminated lead needs a reason'],
  lost_region_required: ['流失需填写流向地区', 'a lost lead needs the region it went to'],
  unknown_owner: ['负责人不存在，或不是本开发区的在职人员', 'no such owner among the active users of this zone'],
  unknown_lead: ['线索不存在或不在您的管辖范围内', 'no such lead in the zones you cover'],
  lead_code_taken: ['该线索编号在本开发区已被使用', 'this lead code is already used in the zone'],
  agreement_date_future: ['签署日期不能晚于今天', 'the signing date cannot be in the future'],
  agreement_file_required: ['请上传协议文件', 'attach the agreement file'],
  unknown_file: ['文件不存在或不属于该线索', 'no such file on this lead'],
  unknown_signing_event: ['签约活动不存在', 'no such signing event'],
  capital_increase_before_signing: ['增资协议须在首份投资协议之后', 'a capital increase needs an earlier investment agreement'],
  not_convertible: ['仅“正式签约”或“注册落地”阶段的线索可转为项目', 'only a signed or registered lead can become a project'],
  already_converted: ['该线索已转为项目', 'this lead is already a project'],
  trip_dates: ['结束日期不能早于开始日期', 'the end date cannot be before the start date'],
  meeting_enterprise_required: ['请选择或新建所拜访的企业', 'choose or create the enterprise met'],
  date_range: ['结束日期不能早于开始日期', 'the end cannot be before the start'],
  zone_required: ['请选择开发区', 'choose a zone'],
  amount_positive: ['金额须大于 0', 'the amount must be above 0'],
  meeting_outside_trip: ['拜访日期须在出行日期之内', 'the meeting date must fall within the trip'],
  projects_unavailable: ['项目模块尚未启用，暂不能转为项目', 'the projects module is not available yet'],
  base64: ['文件内容须为 base64 编码', 'file content must be base64'],
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const likelihood = z.number().int().min(0).max(100).describe('签约可能性, percent');

export const leadStageSchema = z.enum(leadStages);
export const leadStatusSchema = z.enum(leadStatuses);
export const leadMethodSchema = z.enum(leadMethods);

export const partnerSchema = z.object({
  id: z.string(),
  kind: z.enum(partnerKinds),
  name: z.string(),
  enterpriseId: z.string().nullable(),
});
export const partnerInput = z.object({
  kind: z.enum(partnerKinds),
  name: z.string().trim().min(1).max(100),
  enterpriseId: uuidSchema.nullable().optional(),
});

export const leadSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  code: z.string(),
  name: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  enterpriseCreditCode: z.string().nullable(),
  method: leadMethodSchema,
  stage: leadStageSchema,
  status: leadStatusSchema,
  statusReason: z.string().nullable(),
  lostToRegion: z.string().nullable(),
  lostToRegionCode: z.string().nullable(),
  sector: z.string().nullable(),
  chainLink: z.string().nullable(),
  chainAction: z.enum(chainActions).nullable(),
  plannedInvestmentYuan: z.number().nullable(),
  plannedOutputYuan: z.number().nullable(),
  likelihood: z.number().int().nullable(),
  firstContactOn: z.string().nullable(),
  lastFollowUpOn: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  overdue: z.boolean().describe('The next step date has passed'),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  platformContact: z.string().nullable(),
  projectId: z.string().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  actions: actionsSchema,
});
export type Lead = z.infer<typeof leadSchema>;

export const leadSorts = ['updatedAt', 'code', 'nextStepOn', 'plannedInvestment', 'stage', 'lastFollowUpOn'] as const;

const csvEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.string().regex(new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`))])
    .transform((v) => v.split(',') as T[number][])
    .optional();

export const listLeadsQuery = paginationQuery.extend({
  zoneId: uuidSchema.optional().describe('One of the zones the caller covers; default all of them'),
  stage: csvEnum(leadStages).describe('Comma-separated stages'),
  status: csvEnum(leadStatuses).describe('Comma-separated statuses'),
  method: csvEnum(leadMethods).describe('Comma-separated methods'),
  sector: z.string().trim().max(40).optional(),
  ownerId: uuidSchema.optional(),
  enterpriseId: uuidSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only leads whose next-step date has passed'),
  q: z.string().trim().max(64).optional().describe('Code, project name or investor name'),
  sort: z.enum(leadSorts).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListLeadsQuery = z.input<typeof listLeadsQuery>;
export const leadPage = pageOf(leadSchema);

const leadFields = {
  name: z.string().trim().min(1).max(100),
  enterpriseId: uuidSchema.nullable().optional(),
  method: leadMethodSchema,
  sector: optionalText(40),
  chainLink: optionalText(60),
  chainAction: z.enum(chainActions).nullable().optional(),
  plannedInvestmentWan: wanAmount().nullable().optional().describe('计划投资, 万元'),
  plannedOutputWan: wanAmount().nullable().optional().describe('预计产值, 万元'),
  likelihood: likelihood.nullable().optional(),
  firstContactOn: isoDate.nullable().optional(),
  lastFollowUpOn: isoDate.nullable().optional(),
  nextStep: optionalText(200),
  nextStepOn: isoDate.nullable().optional(),
  ownerId: uuidSchema.nullable().optional().describe('Owner from the zone; default the creator'),
  platformContact: optionalText(40),
  partners: z.array(partnerInput).max(20).optional(),
};

export const createLeadBody = z.object({
  zoneId: uuidSchema.optional().describe('Required when the caller covers several zones'),
  code: z.string().trim().min(1).max(32).optional().describe('Ledger number; generated when absent'),
  ...leadFields,
});

export const updateLeadBody = z.object({
  version: versionSchema,
  code: z.string().trim().min(1).max(32).optional(),
  ...leadFields,
  name: leadFields.name.optional(),
  method: leadFields.method.optional(),
});

export const agreementInput = z.object({
  kind: z.enum(agreementKinds),
  signedOn: isoDate.describe('签署日期'),
  amountWan: wanAmount().describe('金额, 万元; for a capital increase, the increment'),
  signingEventId: uuidSchema.nullable().optional(),
  signingEventName: z.string().trim().min(2).max(80).optional().describe('Creates the signing event (a ceremony) if it does not exist'),
  fileId: uuidSchema.nullable().optional(),
  note: optionalText(200),
});

export const changeStageBody = z.object({
  stage: leadStageSchema,
  version: versionSchema,
  note: optionalText(200),
  agreement: agreementInput.optional().describe('The agreement the gate asks for, recorded in the same step'),
});

export const changeStatusBody = z
  .object({
    status: leadStatusSchema,
    version: versionSchema,
    reason: optionalText(200),
    lostToRegion: optionalText(40).describe('流失去向, e.g. 江苏省苏州市'),
    lostToRegionCode: regionCodeSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.status === 'lost' || v.status === 'terminated') && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'status_reason_required' });
    if (v.status === 'lost' && !v.lostToRegion && !v.lostToRegionCode)
      ctx.addIssue({ code: 'custom', path: ['lostToRegion'], message: 'lost_region_required' });
  });

export const countedAs = ['first_signing', 'increment', 're_signing', 'not_counted'] as const;
export const agreementSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  kind: z.enum(agreementKinds),
  signedOn: z.string(),
  amountYuan: z.number(),
  countedYuan: z.number().describe('What this agreement adds to signed totals under the counting rule'),
  countedAs: z.enum(countedAs),
  signingEventId: z.string().nullable(),
  signingEventName: z.string().nullable(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const fileSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: isoDateTime,
});

export const leadDetailSchema = leadSchema.extend({
  partners: z.array(partnerSchema),
  agreements: z.array(agreementSchema),
  files: z.array(fileSchema),
  signedYuan: z.number().describe('Counted signed amount of this lead (first investment agreement + increments)'),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const activitySchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  kind: z.enum(activityKinds),
  occurredOn: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  tripId: z.string().nullable(),
  people: z.string().nullable(),
  outcome: z.string().nullable(),
  intentReached: z.boolean(),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  createdAt: isoDateTime,
});

export const createActivityBody = z.object({
  kind: z.enum(activityKinds),
  occurredOn: isoDate,
  people: optionalText(200),
  outcome: optionalText(1000),
  intentReached: z.boolean().optional(),
  nextStep: optionalText(200),
  nextStepOn: isoDate.nullable().optional(),
});

export const timelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['created', 'stage', 'status', 'owner', 'converted', 'imported', 'activity', 'agreement', 'file']),
  at: isoDateTime.describe('When it happened (dates of activities and agreements at midnight UTC+8)'),
  actorName: z.string().nullable(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  note: z.string().nullable(),
  amountYuan: z.number().nullable(),
  refId: z.string().nullable(),
});
export const timelineSchema = z.array(timelineEntrySchema);

const meetingEnterprise = z.object({
  name: z.string().trim().min(2).max(100),
  creditCode: z.string().trim().max(30).nullable().optional(),
  noCreditCode: z.boolean().optional(),
});
export const meetingInput = z
  .object({
    enterpriseId: uuidSchema.optional(),
    enterprise: meetingEnterprise.optional().describe('Registers the enterprise met (or finds it by code/name)'),
    leadId: uuidSchema.optional(),
    newLead: z.object({ name: z.string().trim().min(1).max(100), method: leadMethodSchema.optional() }).optional(),
    occurredOn: isoDate,
    people: optionalText(200),
    outcome: optionalText(1000),
    intentReached: z.boolean().optional(),
    nextStep: optionalText(200),
    nextStepOn: isoDate.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.enterpriseId && !v.enterprise && !v.leadId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: 'meeting_enterprise_required' });
  });

export const createTripBody = z
  .object({
    zoneId: uuidSchema.optional(),
    title: z.string().trim().min(2).max(100),
    destination: z.string().trim().min(2).max(60),
    startOn: isoDate,
    endOn: isoDate,
    leader: z.string().trim().min(1).max(40),
    members: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    note: optionalText(1000),
    meetings: z.array(meetingInput).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endOn < v.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'trip_dates' });
  });

export const tripResultsSchema = z.object({
  enterprisesMet: z.number().int(),
  agreementsSigned: z.number().int().describe('Agreements signed during the trip on the leads met'),
  intentsGained: z.number().int(),
  leadsTouched: z.number().int(),
});
export const tripSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  title: z.string(),
  destination: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  leader: z.string(),
  members: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().int(),
  results: tripResultsSchema,
  actions: actionsSchema,
});
export const tripDetailSchema = tripSchema.extend({ meetings: z.array(activitySchema) });
export const listTripsQuery = paginationQuery.extend({ zoneId: uuidSchema.optional() });
export const tripPage = pageOf(tripSchema);

export const funnelQuery = z.object({ zoneId: uuidSchema.optional() });
export const funnelSchema = z.object({
  stages: z.array(
    z.object({
      stage: leadStageSchema,
      total: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
      plannedInvestmentYuan: z.number(),
    }),
  ),
  total: z.number().int(),
});

export const signedReportQuery = z
  .object({
    zoneId: uuidSchema.optional(),
    from: isoDate,
    to: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'date_range' });
  });
export const signedReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  signedThisPeriodYuan: z.number().describe('By the counting rule: first signings and increments dated in the period'),
  grossAgreementsYuan: z.number().describe('Naive sum of every investment and capital-increase agreement in the period (what double counting would report)'),
  firstSignings: z.number().int(),
  increments: z.number().int(),
  reSignings: z.number().int(),
  projects: z.array(
    z.object({
      leadId: z.string(),
      code: z.string(),
      name: z.string(),
      firstSignedOn: z.string().nullable(),
      signedYuan: z.number().describe('Per-project truth: first investment agreement plus increments, all time'),
      agreementCount: z.number().int(),
      reSignings: z.number().int(),
      inPeriodYuan: z.number(),
    }),
  ),
});

export const signingEventSchema = z.object({ id: z.string(), zoneId: z.string(), name: z.string(), kind: z.enum(signingEventKinds), heldOn: z.string() });
export const createSigningEventBody = z.object({
  zoneId: uuidSchema.optional(),
  name: z.string().trim().min(2).max(80),
  kind: z.enum(signingEventKinds),
  heldOn: isoDate,
});
export const listSigningEventsQuery = z.object({ zoneId: uuidSchema.optional() });

export const ownerSchema = z.object({ id: z.string(), displayName: z.string(), zoneIds: z.array(z.string()) });
export const ownersQuery = z.object({ zoneId: uuidSchema.optional() });

export const savedViewSchema = z.object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.string()) });
export const createSavedViewBody = z.object({ name: z.string().trim().min(1).max(40), query: z.record(z.string(), z.string().max(200)) });

export const convertLeadBody = z.object({ version: versionSchema });
export const convertResultSchema = z.object({ lead: leadSchema, projectId: z.string() });

export const uploadFileBody = z.object({
  name: z.string().trim().min(1).max(120),
  mimeType: z.string().max(100).default('application/octet-stream'),
  contentBase64: z
    .string()
    .max(700_000)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64')
    .describe('The file, base64 (at most ~512 KB)'),
});

export const leadBriefSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  code: z.string(),
  name: z.string(),
  enterpriseName: z.string().nullable(),
  stage: leadStageSchema,
  status: leadStatusSchema,
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  overdue: z.boolean(),
});
export const pipelineWorkbenchSchema = z.object({
  myLeads: z.array(leadBriefSchema).describe('My open leads, next step first'),
  followUpsDue: z.array(leadBriefSchema).describe('My follow-ups due within seven days, overdue included'),
});
export type PipelineWorkbench = z.infer<typeof pipelineWorkbenchSchema>;

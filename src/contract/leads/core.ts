/** The lead (招商线索) itself: its fields, list filters, stage and status changes, funnel and owners. */
import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, pageOf, paginationQuery, regionCodeSchema, uuidSchema, versionSchema } from '../common.ts';
import { batchItemsSchema } from '../batch.ts';
import { wanAmount } from '../money.ts';
import { chainActions, leadMethods, leadStages, leadStatuses, partnerKinds } from '../pipeline-enums.ts';
import { agreementInput, agreementSchema, fileSchema } from './agreements.ts';

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
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,200}$/, 'cursor')
    .optional()
    .describe("Keyset pagination: the previous page's nextCursor (order by updatedAt only); page is then ignored"),
});
export type ListLeadsQuery = z.input<typeof listLeadsQuery>;
export const leadPage = pageOf(leadSchema).extend({
  nextCursor: z.string().nullable().describe('Pass as `after` for the page after this one, at any depth at index speed; null on the last page or another order'),
});

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

/** The duplicate check's override: the person has seen the existing leads and says why this one is another project. */
const duplicateOverride = {
  allowDuplicate: z.boolean().optional().describe('Write the lead although leads of the same (or a name-similar) investor with a similar project name exist'),
  duplicateReason: optionalText(200).describe('Why it is another project (required with allowDuplicate); kept in the lead history'),
};
const duplicateReasonRequired = (v: { allowDuplicate?: boolean; duplicateReason?: string | null }, ctx: z.RefinementCtx) => {
  if (v.allowDuplicate && !v.duplicateReason) ctx.addIssue({ code: 'custom', path: ['duplicateReason'], message: 'lead_duplicate_reason_required' });
};

export const createLeadBody = z
  .object({
    zoneId: uuidSchema.optional().describe('Required when the caller covers several zones'),
    code: z.string().trim().min(1).max(32).optional().describe('Ledger number; generated when absent'),
    ...leadFields,
    ...duplicateOverride,
  })
  .superRefine(duplicateReasonRequired);

export const updateLeadBody = z
  .object({
    version: versionSchema,
    code: z.string().trim().min(1).max(32).optional(),
    ...leadFields,
    name: leadFields.name.optional(),
    method: leadFields.method.optional(),
    ...duplicateOverride,
  })
  .superRefine(duplicateReasonRequired);

/** A lead that may be the same project as the one being written (the duplicate check). */
export const leadDuplicateSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  stage: leadStageSchema,
  status: leadStatusSchema,
  projectId: z.string().nullable(),
  version: z.number().int(),
  match: z
    .enum(['same_enterprise', 'similar_enterprise', 'same_name'])
    .describe('Why: the same investor, an investor under the same comparable name (字号), or the same project name'),
  signedYuan: z.number().describe('Its counted signed amount'),
});
export type LeadDuplicate = z.infer<typeof leadDuplicateSchema>;
export const leadDuplicatesQuery = z.object({
  zoneId: uuidSchema.optional().describe('The zone of the lead; default the caller’s only zone'),
  name: z.string().trim().min(1).max(100).describe('Project name being written'),
  enterpriseId: uuidSchema.optional(),
  excludeId: uuidSchema.optional().describe('The lead being edited'),
});

export const mergeLeadBody = z.object({
  duplicateId: uuidSchema.describe('The duplicate lead, merged into this one and removed'),
  version: versionSchema.describe('Version of this (kept) lead'),
  duplicateVersion: versionSchema.describe('Version of the duplicate as read'),
  confirmReSigning: z
    .boolean()
    .optional()
    .describe('Both leads carry a first investment agreement: confirm the later one is a re-signing of the same project (counted 0)'),
});

export const changeStageBody = z.object({
  stage: leadStageSchema,
  version: versionSchema,
  note: optionalText(200),
  reason: optionalText(200).describe('Why the lead moves back a stage: required when moving back, kept in the stage history'),
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

export const leadDetailSchema = leadSchema.extend({
  partners: z.array(partnerSchema),
  agreements: z.array(agreementSchema),
  files: z.array(fileSchema),
  signedYuan: z.number().describe('Counted signed amount of this lead (first investment agreement + increments)'),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

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

export const ownerSchema = z.object({ id: z.string(), displayName: z.string(), zoneIds: z.array(z.string()) });
export const ownersQuery = z.object({ zoneId: uuidSchema.optional() });

export const savedViewSchema = z.object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.string()) });
export const createSavedViewBody = z.object({ name: z.string().trim().min(1).max(40), query: z.record(z.string(), z.string().max(200)) });

export const convertLeadBody = z.object({ version: versionSchema });
export const convertResultSchema = z.object({ lead: leadSchema, projectId: z.string() });

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

export const batchAssignLeadsBody = z.object({
  items: batchItemsSchema,
  ownerId: uuidSchema.nullable().describe('The new 负责人 of every selected lead (one who may own leads in its zone), or null for none'),
});

/** 三个一批 campaigns (签约一批、开工一批、投产一批): a zone's quarter lists of nominations, achievement derived from the records, rates. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, okSchema, uuidSchema, versionSchema } from '../common.ts';
import { campaignBatches } from '../dispatch-enums.ts';
import { wanAmount } from '../money.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import './reasons.ts';
import { optionalText, tags, text } from './shared.ts';

export const campaignBatchSchema = z.enum(campaignBatches);

/**
 * Why a nomination is (not) achieved, derived from the records (docs/dispatch.md, "Achieved from the
 * records"): the words are in `campaignStatusLabels` (campaign-text.ts).
 */
export const campaignEntryStatuses = [
  'signed', // 签约一批: the lead's counting agreement was signed at the campaign's signing event
  'no_signing_event', // the campaign names no signing event yet
  'not_signed_at_event', // no agreement of the lead at the event
  'framework_only', // only a framework agreement at the event: not a signing
  'counted_before', // re-signed at the event; it counted at its first signing (on)
  'started', // 开工一批: actual start date in the quarter (on)
  'not_started', // no actual start date
  'started_outside_quarter', // started before or after the quarter (on)
  'in_production', // 投产一批: production date in the quarter (on)
  'no_production_date', // no production date (whatever the stage says)
  'production_outside_quarter', // in production before or after the quarter (on)
  'no_record', // not linked to a project or lead (or the record was deleted): nothing to derive from
] as const;
export type CampaignEntryStatus = (typeof campaignEntryStatuses)[number];

export const rateSchema = z.object({
  planned: z.number().int().describe('Nominated (提名)'),
  done: z.number().int().describe('Achieved, derived from the records'),
  rate: z.number().nullable().describe('done / planned, 0..1; null when nothing is nominated'),
  plannedAmountYuan: z.number(),
  doneAmountYuan: z.number().describe('签约一批: the agreements counted; others: the planned amount of those achieved'),
  extra: z.number().int().describe('签约一批: signings at the event not nominated (listed, not in the rate)'),
  extraAmountYuan: z.number(),
});
export const campaignRatesSchema = z.object({
  signing: rateSchema.describe('签约完成率'),
  start: rateSchema.describe('开工率'),
  production: rateSchema.describe('投产率'),
  output: rateSchema.describe('达效率: of the production batch achieved, those at designed output (达产日期 on the project)'),
});
export type CampaignRates = z.infer<typeof campaignRatesSchema>;

export const campaignEntrySchema = z.object({
  id: z.string().nullable().describe('null: a signing at the event filled from the records, not nominated'),
  campaignId: z.string(),
  batch: campaignBatchSchema,
  nominated: z.boolean().describe('false: filled from the records (an agreement at the event)'),
  projectId: z.string().nullable(),
  leadId: z.string().nullable(),
  name: z.string(),
  plannedAmountYuan: z.number().nullable(),
  achieved: z.boolean().describe('Derived, never typed'),
  status: z.enum(campaignEntryStatuses),
  statusOn: z.string().nullable().describe('The date the status refers to: signing, start or production date'),
  achievedAmountYuan: z.number().nullable().describe('签约一批: the amount counted (first investment agreement, or the 增资 increment)'),
  agreementId: z.string().nullable(),
  outputReached: z.boolean().describe('投产一批: the project has its 达产 date'),
  stage: z.string().nullable().describe('The project stage now, for the explanation'),
  reason: z.string().nullable().describe('What officials wrote (e.g. why not achieved)'),
  arrivedYuan: z.number().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int().nullable(),
});
export type CampaignEntry = z.infer<typeof campaignEntrySchema>;

export const campaignGapSchema = z.object({
  batch: campaignBatchSchema,
  nominated: z.number().int(),
  achieved: z.number().int(),
  missing: z.array(z.object({ name: z.string(), status: z.enum(campaignEntryStatuses), statusOn: z.string().nullable() })),
  extra: z.array(z.object({ name: z.string(), amountYuan: z.number().nullable() })),
});
export type CampaignGap = z.infer<typeof campaignGapSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  name: z.string(),
  eventOn: z.string().nullable(),
  signingEvent: z.object({ id: z.string(), name: z.string(), heldOn: z.string() }).nullable(),
  rates: campaignRatesSchema,
  version: z.number().int(),
  actions: actionsSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignDetailSchema = campaignSchema.extend({
  entries: z.array(campaignEntrySchema),
  gaps: z.array(campaignGapSchema).describe('Per batch: nominated vs achieved, and who is missing and why'),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/** Completion is derived: a body naming it is refused field by field (reason `completion_derived`). */
const derived = z.never({ error: 'completion_derived' }).optional();

export const listCampaignsQuery = z.object({ zoneId: uuidSchema.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const createCampaignBody = z.object({
  zoneId: uuidSchema,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  name: text(100).min(2).optional(),
  eventOn: isoDate.nullable().optional().describe('The event day; within the quarter'),
  signingEventId: uuidSchema.nullable().optional().describe('The signing event (签约活动) of the zone held for this campaign, within the quarter'),
});
export const updateCampaignBody = z.object({
  version: versionSchema,
  name: text(100).min(2).optional(),
  eventOn: isoDate.nullable().optional(),
  signingEventId: uuidSchema.nullable().optional(),
});

export const createEntryBody = z.object({
  batch: campaignBatchSchema,
  projectId: uuidSchema.nullable().optional().describe('开工一批 and 投产一批: required; 签约一批: a project or its lead'),
  leadId: uuidSchema.nullable().optional().describe('签约一批: the lead whose agreement at the event counts'),
  name: text(120).optional().describe('Default: the project or lead name'),
  plannedAmountWan: wanAmount().nullable().optional().describe('签约/计划金额, 万元'),
  confirmed: derived,
  outputReached: derived,
  actualOn: derived,
  actualAmountWan: derived,
});
export const updateEntryBody = z.object({
  version: versionSchema,
  reason: optionalText(500).describe('说明 (e.g. why it was not achieved)'),
  plannedAmountWan: wanAmount().nullable().optional(),
  arrivedWan: wanAmount().nullable().optional().describe('到位资金, 万元'),
  confirmed: derived,
  outputReached: derived,
  actualOn: derived,
  actualAmountWan: derived,
});

export const zoneRatesQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const zoneRatesSchema = z.array(
  z.object({
    zoneId: z.string(),
    zoneName: z.string(),
    rates: campaignRatesSchema,
    batches: z.array(z.object({ campaignId: z.string(), quarter: z.number().int(), name: z.string(), rates: campaignRatesSchema })),
  }),
);

const record = { param: 'id', kind: 'campaign' } as const;

/** The operations on 三个一批 campaigns and their entries. */
export const campaignOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/campaigns',
    tags,
    summary: '三个一批活动 / Campaigns',
    permission: 'campaign.read',
    query: listCampaignsQuery,
    response: z.array(campaignSchema),
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/campaigns',
    tags,
    summary: '新建季度活动 / Create a quarter campaign',
    permission: 'campaign.manage',
    body: createCampaignBody,
    status: 201,
    response: campaignDetailSchema,
  }),
  rates: defineOperation({
    method: 'GET',
    path: '/api/campaigns/rates',
    tags,
    summary: '签约完成率、开工率、投产率、达效率 / Rates per zone and batch',
    permission: 'campaign.read',
    query: zoneRatesQuery,
    response: zoneRatesSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/campaigns/:id',
    tags,
    summary: '活动详情与三张清单 / Campaign with its lists',
    permission: 'campaign.read',
    record,
    params: idParams,
    response: campaignDetailSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/campaigns/:id',
    tags,
    summary: '修改活动 / Update campaign',
    permission: 'campaign.manage',
    record,
    params: idParams,
    body: updateCampaignBody,
    response: campaignDetailSchema,
  }),
  addEntry: defineOperation({
    method: 'POST',
    path: '/api/campaigns/:id/entries',
    tags,
    summary: '列入清单 / Add to a list',
    permission: 'campaign.manage',
    record,
    params: idParams,
    body: createEntryBody,
    status: 201,
    response: campaignEntrySchema,
  }),
  updateEntry: defineOperation({
    method: 'PATCH',
    path: '/api/campaign-entries/:id',
    tags,
    summary: '提名说明与到位资金（完成情况由记录认定） / Note and money arrived (achievement is derived)',
    permission: 'campaign.manage',
    record: { param: 'id', kind: 'campaignEntry' },
    params: idParams,
    body: updateEntryBody,
    response: campaignEntrySchema,
  }),
  removeEntry: defineOperation({
    method: 'DELETE',
    path: '/api/campaign-entries/:id',
    tags,
    summary: '撤销提名 / Withdraw a nomination',
    permission: 'campaign.manage',
    record: { param: 'id', kind: 'campaignEntry' },
    params: idParams,
    response: okSchema,
  }),
  tracking: defineOperation({
    method: 'GET',
    path: '/api/campaigns/:id/tracking.xlsx',
    tags,
    summary: '三个一批推进情况表 (.xlsx) / Tracking sheet',
    permission: 'campaign.read',
    record,
    params: idParams,
    response: fileResponse,
  }),
};

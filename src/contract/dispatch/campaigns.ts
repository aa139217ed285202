/** 三个一批 campaigns (签约一批、开工一批、投产一批): a zone's quarter lists, event-day confirmation, rates. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, uuidSchema, versionSchema } from '../common.ts';
import { campaignBatches } from '../dispatch-enums.ts';
import { wanAmount } from '../money.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import './reasons.ts';
import { optionalText, tags, text } from './shared.ts';

export const campaignBatchSchema = z.enum(campaignBatches);

export const rateSchema = z.object({
  planned: z.number().int(),
  reported: z.number().int().describe('Entries confirmed or refused'),
  done: z.number().int(),
  rate: z.number().nullable().describe('done / planned, 0..1; null when nothing is planned'),
  plannedAmountYuan: z.number(),
  doneAmountYuan: z.number(),
});
export const campaignRatesSchema = z.object({
  signing: rateSchema.describe('签约完成率'),
  start: rateSchema.describe('开工率'),
  production: rateSchema.describe('投产率'),
  output: rateSchema.describe('达效率: of the production batch done, those at designed output'),
});
export type CampaignRates = z.infer<typeof campaignRatesSchema>;

export const campaignEntrySchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  batch: campaignBatchSchema,
  projectId: z.string().nullable(),
  leadId: z.string().nullable(),
  name: z.string(),
  plannedAmountYuan: z.number().nullable(),
  confirmed: z.boolean().nullable(),
  reason: z.string().nullable(),
  actualOn: z.string().nullable(),
  actualAmountYuan: z.number().nullable(),
  arrivedYuan: z.number().nullable(),
  outputReached: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type CampaignEntry = z.infer<typeof campaignEntrySchema>;

export const campaignSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  name: z.string(),
  eventOn: z.string().nullable(),
  rates: campaignRatesSchema,
  version: z.number().int(),
  actions: actionsSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignDetailSchema = campaignSchema.extend({ entries: z.array(campaignEntrySchema) });
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const listCampaignsQuery = z.object({ zoneId: uuidSchema.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const createCampaignBody = z.object({
  zoneId: uuidSchema,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  name: text(100).min(2).optional(),
  eventOn: isoDate.nullable().optional(),
});
export const updateCampaignBody = z.object({ version: versionSchema, name: text(100).min(2).optional(), eventOn: isoDate.nullable().optional() });

export const createEntryBody = z.object({
  batch: campaignBatchSchema,
  projectId: uuidSchema.nullable().optional(),
  leadId: uuidSchema.nullable().optional(),
  name: text(120).optional().describe('Default: the project or lead name'),
  plannedAmountWan: wanAmount().nullable().optional().describe('签约/计划金额, 万元'),
});
export const confirmEntryBody = z.object({
  version: versionSchema,
  confirmed: z.boolean().nullable().optional().describe('true: done on the event day; false: not done (reason required); null: not reported'),
  reason: optionalText(500),
  actualOn: isoDate.nullable().optional(),
  actualAmountWan: wanAmount().nullable().optional(),
  arrivedWan: wanAmount().nullable().optional().describe('到位资金, 万元'),
  outputReached: z.boolean().optional(),
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
  confirmEntry: defineOperation({
    method: 'PATCH',
    path: '/api/campaign-entries/:id',
    tags,
    summary: '活动当日确认 / Confirm on the event day',
    permission: 'campaign.manage',
    record: { param: 'id', kind: 'campaignEntry' },
    params: idParams,
    body: confirmEntryBody,
    response: campaignEntrySchema,
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

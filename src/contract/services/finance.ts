/** 金融服务 / 银企对接: institutions and their products, enterprises' financing needs, 银企对接会, referrals and loans, the quarterly summary. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, uuidSchema, versionSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import { financeNeedStatuses, institutionKinds, referralOutcomes } from './enums.ts';
import './reasons.ts';
import { optionalText, text, yearSchema } from './shared.ts';

const tags = ['finance'];
const termMonths = z.number().int().min(1).max(600);

export const institutionSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  kind: z.enum(institutionKinds),
  contact: z.string().nullable(),
  productCount: z.number().int(),
  referralCount: z.number().int(),
  grantedCount: z.number().int().describe('Loans granted on its referrals'),
  grantedYuan: z.number(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FinanceInstitution = z.infer<typeof institutionSchema>;
const institutionFields = {
  name: text(200).min(2).describe('机构名称'),
  kind: z.enum(institutionKinds),
  contact: optionalText(200).describe('联系人及电话'),
};
export const createInstitutionBody = z.object({ zoneId: uuidSchema, ...institutionFields });
export const updateInstitutionBody = z
  .object({ version: versionSchema, ...institutionFields })
  .partial()
  .required({ version: true });

export const productSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  name: z.string(),
  maxAmountYuan: z.number().nullable(),
  termMonths: z.number().int().nullable(),
  rate: z.string().nullable(),
  collateral: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FinanceProduct = z.infer<typeof productSchema>;
const productFields = {
  institutionId: uuidSchema,
  name: text(200).min(2).describe('产品名称'),
  maxAmountWan: wanAmount().nullable().optional().describe('最高额度, 万元'),
  termMonths: termMonths.nullable().optional().describe('最长期限, 月'),
  rate: optionalText(100).describe('利率, e.g. LPR+20BP'),
  collateral: optionalText(300).describe('担保方式'),
};
export const createProductBody = z.object({ zoneId: uuidSchema, ...productFields });
export const updateProductBody = z
  .object({ version: versionSchema, ...productFields })
  .partial()
  .required({ version: true });

export const needSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  amountYuan: z.number(),
  purpose: z.string(),
  termMonths: z.number().int().nullable(),
  collateral: z.string().nullable(),
  raisedOn: z.string(),
  status: z.enum(financeNeedStatuses),
  note: z.string().nullable(),
  referralCount: z.number().int(),
  grantedYuan: z.number().describe('Granted on its referrals'),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FinanceNeed = z.infer<typeof needSchema>;
const needFields = {
  enterpriseId: uuidSchema,
  amountWan: wanAmount().describe('融资金额, 万元'),
  purpose: text(300).min(2).describe('资金用途'),
  termMonths: termMonths.nullable().optional().describe('期限, 月'),
  collateral: optionalText(300).describe('可提供的担保/抵押'),
  note: optionalText(1000),
};
export const createNeedBody = z.object({ zoneId: uuidSchema, raisedOn: isoDate.optional().describe('Default today; not in the future'), ...needFields });
export const updateNeedBody = z
  .object({
    version: versionSchema,
    ...needFields,
    raisedOn: isoDate,
    closed: z.boolean().describe('关闭 (true) or reopen (false) the need; other statuses follow from its referrals'),
  })
  .partial()
  .required({ version: true });
export const listNeedsQuery = z.object({ zoneId: uuidSchema.optional(), status: z.enum(financeNeedStatuses).optional(), year: yearSchema.optional() });

export const eventSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  referralCount: z.number().int().describe('Referrals made at it'),
  enterpriseCount: z.number().int().describe('Enterprises referred at it'),
  institutionCount: z.number().int().describe('Institutions referred to at it'),
  grantedYuan: z.number(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FinanceEvent = z.infer<typeof eventSchema>;
const eventFields = {
  name: text(200).min(2).describe('对接会名称'),
  heldOn: isoDate,
  place: optionalText(200),
  note: optionalText(1000),
};
export const createEventBody = z.object({ zoneId: uuidSchema, ...eventFields });
export const updateEventBody = z
  .object({ version: versionSchema, ...eventFields })
  .partial()
  .required({ version: true });

export const referralSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  needId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  needAmountYuan: z.number(),
  purpose: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  eventId: z.string().nullable(),
  eventName: z.string().nullable(),
  referredOn: z.string(),
  outcome: z.enum(referralOutcomes),
  grantedYuan: z.number().nullable(),
  grantedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FinanceReferral = z.infer<typeof referralSchema>;
export const createReferralBody = z.object({
  needId: uuidSchema,
  institutionId: uuidSchema,
  productId: uuidSchema.nullable().optional().describe('One of the institution’s products'),
  eventId: uuidSchema.nullable().optional().describe('The 银企对接会 it was made at'),
  referredOn: isoDate.optional().describe('Default today; not in the future'),
  note: optionalText(1000),
});
export const updateReferralBody = z.object({
  version: versionSchema,
  outcome: z.enum(referralOutcomes).optional().describe('跟进中 → 已放款 (amount and day) or 未获批; a decided referral can be reopened to 跟进中'),
  grantedWan: wanAmount().nullable().optional().describe('放款金额, 万元; not above the need'),
  grantedOn: isoDate.nullable().optional().describe('放款日期; default today'),
  productId: uuidSchema.nullable().optional(),
  eventId: uuidSchema.nullable().optional(),
  note: optionalText(1000),
});
export const listReferralsQuery = z.object({
  zoneId: uuidSchema.optional(),
  needId: uuidSchema.optional(),
  eventId: uuidSchema.optional(),
  outcome: z.enum(referralOutcomes).optional(),
  year: yearSchema.optional(),
});

const quarterFigures = {
  events: z.number().int().describe('银企对接会 held'),
  needs: z.number().int().describe('Financing needs raised'),
  needYuan: z.number(),
  referrals: z.number().int().describe('Referrals made'),
  granted: z.number().int().describe('Loans granted (by the day granted)'),
  grantedYuan: z.number(),
  declined: z.number().int().describe('Referrals declined (by the day referred)'),
};
export const financeSummarySchema = z.object({
  quarters: z.array(
    z.object({
      quarter: z.string().describe('YYYYQn'),
      label: z.string().describe('2026年第四季度 (caller’s language)'),
      from: z.string(),
      to: z.string(),
      text: z.string().describe('对接会 N 场，融资需求 N 笔 N 万元，推荐 N 次，放款 N 笔 N 万元'),
      ...quarterFigures,
    }),
  ),
  total: z.object(quarterFigures),
  text: z.string().describe('The latest quarter’s line with its label'),
  totalText: z.string().describe('The four quarters’ line: 近四个季度 (or the year) and the figures'),
  pending: z.number().int().describe('Referrals still 跟进中 (any date)'),
  openNeeds: z.number().int().describe('Needs 待对接 (any date)'),
  byInstitution: z.array(
    z.object({ institutionId: z.string(), name: z.string(), kind: z.enum(institutionKinds), referrals: z.number().int(), granted: z.number().int(), grantedYuan: z.number() }),
  ),
});
export type FinanceSummary = z.infer<typeof financeSummarySchema>;
export const financeSummaryQuery = z.object({
  zoneId: uuidSchema.optional(),
  year: yearSchema.optional().describe('The four quarters of a year; default the last four quarters up to today'),
});

const zoneOnly = z.object({ zoneId: uuidSchema.optional() });

export const financeOperations = {
  listInstitutions: defineOperation({
    method: 'GET',
    path: '/api/finance/institutions',
    tags,
    summary: '金融机构 / Financial institutions',
    permission: 'finance.read',
    query: zoneOnly,
    response: z.array(institutionSchema),
  }),
  createInstitution: defineOperation({
    method: 'POST',
    path: '/api/finance/institutions',
    tags,
    summary: '新增金融机构 / Add an institution',
    permission: 'finance.manage',
    body: createInstitutionBody,
    status: 201,
    response: institutionSchema,
  }),
  updateInstitution: defineOperation({
    method: 'PATCH',
    path: '/api/finance/institutions/:id',
    tags,
    summary: '修改金融机构 / Update an institution',
    permission: 'finance.manage',
    record: { param: 'id', kind: 'financeInstitution' },
    params: idParams,
    body: updateInstitutionBody,
    response: institutionSchema,
  }),
  listProducts: defineOperation({
    method: 'GET',
    path: '/api/finance/products',
    tags,
    summary: '金融产品 / Products',
    permission: 'finance.read',
    query: zoneOnly.extend({ institutionId: uuidSchema.optional() }),
    response: z.array(productSchema),
  }),
  createProduct: defineOperation({
    method: 'POST',
    path: '/api/finance/products',
    tags,
    summary: '新增金融产品 / Add a product',
    permission: 'finance.manage',
    body: createProductBody,
    status: 201,
    response: productSchema,
  }),
  updateProduct: defineOperation({
    method: 'PATCH',
    path: '/api/finance/products/:id',
    tags,
    summary: '修改金融产品 / Update a product',
    permission: 'finance.manage',
    record: { param: 'id', kind: 'financeProduct' },
    params: idParams,
    body: updateProductBody,
    response: productSchema,
  }),
  listNeeds: defineOperation({
    method: 'GET',
    path: '/api/finance/needs',
    tags,
    summary: '融资需求 / Financing needs',
    permission: 'finance.read',
    query: listNeedsQuery,
    response: z.array(needSchema),
  }),
  createNeed: defineOperation({
    method: 'POST',
    path: '/api/finance/needs',
    tags,
    summary: '登记融资需求 / Record a financing need',
    permission: 'finance.manage',
    body: createNeedBody,
    status: 201,
    response: needSchema,
  }),
  updateNeed: defineOperation({
    method: 'PATCH',
    path: '/api/finance/needs/:id',
    tags,
    summary: '修改融资需求 / Update a need',
    permission: 'finance.manage',
    record: { param: 'id', kind: 'financeNeed' },
    params: idParams,
    body: updateNeedBody,
    response: needSchema,
  }),
  listEvents: defineOperation({
    method: 'GET',
    path: '/api/finance/events',
    tags,
    summary: '银企对接会 / Matchmaking events',
    permission: 'finance.read',
    query: zoneOnly.extend({ year: yearSchema.optional() }),
    response: z.array(eventSchema),
  }),
  createEvent: defineOperation({
    method: 'POST',
    path: '/api/finance/events',
    tags,
    summary: '新增银企对接会 / Add an event',
    permission: 'finance.manage',
    body: createEventBody,
    status: 201,
    response: eventSchema,
  }),
  updateEvent: defineOperation({
    method: 'PATCH',
    path: '/api/finance/events/:id',
    tags,
    summary: '修改银企对接会 / Update an event',
    permission: 'finance.manage',
    record: { param: 'id', kind: 'financeEvent' },
    params: idParams,
    body: updateEventBody,
    response: eventSchema,
  }),
  listReferrals: defineOperation({
    method: 'GET',
    path: '/api/finance/referrals',
    tags,
    summary: '推荐对接 / Referrals',
    permission: 'finance.read',
    query: listReferralsQuery,
    response: z.array(referralSchema),
  }),
  createReferral: defineOperation({
    method: 'POST',
    path: '/api/finance/referrals',
    tags,
    summary: '推荐对接 / Refer a need to an institution',
    permission: 'finance.manage',
    body: createReferralBody,
    status: 201,
    response: referralSchema,
  }),
  updateReferral: defineOperation({
    method: 'PATCH',
    path: '/api/finance/referrals/:id',
    tags,
    summary: '对接结果 / Record the outcome',
    permission: 'finance.manage',
    record: { param: 'id', kind: 'financeReferral' },
    params: idParams,
    body: updateReferralBody,
    response: referralSchema,
  }),
  summary: defineOperation({
    method: 'GET',
    path: '/api/finance/summary',
    tags,
    summary: '银企对接季度汇总 / Quarterly summary',
    permission: 'finance.read',
    query: financeSummaryQuery,
    response: financeSummarySchema,
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/finance/export.xlsx',
    tags,
    summary: '银企对接台账 (.xlsx) / Finance matchmaking ledger',
    permission: 'finance.read',
    query: financeSummaryQuery,
    response: fileResponse,
  }),
};

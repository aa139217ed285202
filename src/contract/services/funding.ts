/** 向上争取资金: programmes, the project reserve, applications, 对接记录, the summary and its export. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, uuidSchema, versionSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import { applicationStatuses, programmeKinds, programmeLevels } from './enums.ts';
import './reasons.ts';
import { documentOutSchema, documentsSchema, optionalDate, optionalText, text, yearSchema } from './shared.ts';

const tags = ['funding'];

export const programmeSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  year: z.number().int(),
  level: z.enum(programmeLevels),
  kind: z.enum(programmeKinds),
  department: z.string(),
  name: z.string(),
  policyDocument: z.string().nullable(),
  opensOn: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  conditions: z.string().nullable(),
  typicalAmountYuan: z.number().nullable(),
  remindDays: z.number().int(),
  reserveCount: z.number().int().describe('Reserve entries that fit it'),
  applicationCount: z.number().int(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type Programme = z.infer<typeof programmeSchema>;

const programmeFields = {
  year: z.number().int().min(2000).max(2100),
  level: z.enum(programmeLevels),
  kind: z.enum(programmeKinds),
  department: text(100).min(2).describe('主管部门'),
  name: text(200).min(2),
  policyDocument: optionalText(300).describe('政策文件'),
  opensOn: optionalDate.describe('申报窗口开启'),
  deadlineOn: optionalDate.describe('申报截止'),
  conditions: optionalText(2000),
  typicalAmountWan: wanAmount().nullable().optional().describe('一般支持额度, 万元'),
  remindDays: z.number().int().min(0).max(90).optional().describe('Days before the deadline the reminder goes out (default 7)'),
};
export const createProgrammeBody = z.object({ zoneId: uuidSchema, ...programmeFields });
export const updateProgrammeBody = z
  .object({ version: versionSchema, ...programmeFields })
  .partial()
  .required({ version: true });
export const listProgrammesQuery = z.object({ zoneId: uuidSchema.optional(), year: yearSchema.optional() });

export const reserveSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  projectId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  name: z.string(),
  totalInvestmentYuan: z.number().nullable(),
  preliminaryDone: z.boolean().describe('前期手续'),
  feasibilityDone: z.boolean().describe('可研'),
  reportDone: z.boolean().describe('资金申请报告'),
  readiness: z.number().int().min(0).max(3).describe('How many of the three are done'),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  addedOn: z.string(),
  programmes: z.array(z.object({ id: z.string(), name: z.string(), year: z.number().int() })),
  applicationCount: z.number().int(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type ReserveEntry = z.infer<typeof reserveSchema>;

const reserveFields = {
  enterpriseId: uuidSchema.nullable().optional(),
  totalInvestmentWan: wanAmount().nullable().optional(),
  preliminaryDone: z.boolean().optional(),
  feasibilityDone: z.boolean().optional(),
  reportDone: z.boolean().optional(),
  ownerUserId: uuidSchema.nullable().optional(),
  note: optionalText(1000),
  programmeIds: z.array(uuidSchema).max(50).optional().describe('The programmes it fits'),
};
export const createReserveBody = z.object({
  zoneId: uuidSchema,
  projectId: uuidSchema.nullable().optional().describe('An existing project; its name is taken when no name is given'),
  name: text(200).min(2).optional(),
  addedOn: isoDate.optional().describe('Default today'),
  ...reserveFields,
});
export const updateReserveBody = z.object({ version: versionSchema, name: text(200).min(2).optional(), ...reserveFields });

export const applicationSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  reserveId: z.string(),
  reserveName: z.string(),
  projectId: z.string().nullable(),
  programmeId: z.string(),
  programmeName: z.string(),
  year: z.number().int(),
  deadlineOn: z.string().nullable(),
  status: z.enum(applicationStatuses),
  askedYuan: z.number(),
  grantedYuan: z.number().nullable(),
  submittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  disbursedOn: z.string().nullable(),
  documents: z.array(documentOutSchema),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FundingApplication = z.infer<typeof applicationSchema>;

export const createApplicationBody = z.object({
  reserveId: uuidSchema,
  programmeId: uuidSchema,
  askedWan: wanAmount().describe('申请金额, 万元'),
  ownerUserId: uuidSchema.nullable().optional(),
  note: optionalText(1000),
  documents: documentsSchema.optional(),
});
export const updateApplicationBody = z.object({
  version: versionSchema,
  status: z.enum(applicationStatuses).optional().describe('Forward one step at a time'),
  askedWan: wanAmount().optional(),
  grantedWan: wanAmount().nullable().optional().describe('下达金额, 万元; not above the amount asked'),
  submittedOn: optionalDate,
  approvedOn: optionalDate,
  disbursedOn: optionalDate,
  ownerUserId: uuidSchema.nullable().optional(),
  note: optionalText(1000),
  documents: documentsSchema.optional(),
});
export const listApplicationsQuery = z.object({
  zoneId: uuidSchema.optional(),
  year: yearSchema.optional(),
  status: z.enum(applicationStatuses).optional(),
  programmeId: uuidSchema.optional(),
});

export const contactSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  contactedOn: z.string(),
  department: z.string(),
  person: z.string().nullable(),
  subject: z.string(),
  nextStep: z.string().nullable(),
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  reserveId: z.string().nullable(),
  reserveName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FundingContact = z.infer<typeof contactSchema>;
const contactFields = {
  contactedOn: isoDate,
  department: text(100).min(2).describe('对接部门'),
  person: optionalText(100).describe('对接人'),
  subject: text(1000).min(2).describe('对接内容'),
  nextStep: optionalText(500),
  programmeId: uuidSchema.nullable().optional(),
  reserveId: uuidSchema.nullable().optional(),
};
export const createContactBody = z.object({ zoneId: uuidSchema, ...contactFields });
export const updateContactBody = z
  .object({ version: versionSchema, ...contactFields })
  .partial()
  .required({ version: true });
export const listContactsQuery = z.object({ zoneId: uuidSchema.optional(), year: yearSchema.optional() });

const figures = {
  reserve: z.number().int().describe('储备: reserve entries'),
  applied: z.number().int().describe('申报: applications past 谋划'),
  contacts: z.number().int().describe('对接: contacts'),
  askedYuan: z.number(),
  grantedYuan: z.number().describe('争取资金: granted on applications 下达 or 拨付'),
};
export const fundingSummarySchema = z.object({
  ...figures,
  text: z.string().describe('储备 N 个，申报 N 个，对接 N 次，争取资金 N 万元 (caller’s language)'),
  byProgramme: z.array(z.object({ programmeId: z.string(), name: z.string(), year: z.number().int(), ...figures })),
  byYear: z.array(z.object({ year: z.number().int(), ...figures })),
  byStatus: z.array(z.object({ status: z.enum(applicationStatuses), count: z.number().int(), askedYuan: z.number(), grantedYuan: z.number() })),
});
export type FundingSummary = z.infer<typeof fundingSummarySchema>;
export const fundingSummaryQuery = z.object({
  zoneId: uuidSchema.optional(),
  year: yearSchema.optional(),
  programmeId: uuidSchema.optional(),
  status: z.enum(applicationStatuses).optional(),
});

const programmeRecord = { param: 'id', kind: 'fundingProgramme' } as const;
const reserveRecord = { param: 'id', kind: 'fundingReserve' } as const;
const applicationRecord = { param: 'id', kind: 'fundingApplication' } as const;
const contactRecord = { param: 'id', kind: 'fundingContact' } as const;

export const fundingOperations = {
  listProgrammes: defineOperation({
    method: 'GET',
    path: '/api/funding/programmes',
    tags,
    summary: '资金项目 / Funding programmes',
    permission: 'funding.read',
    query: listProgrammesQuery,
    response: z.array(programmeSchema),
  }),
  createProgramme: defineOperation({
    method: 'POST',
    path: '/api/funding/programmes',
    tags,
    summary: '新增资金项目 / Add a programme',
    permission: 'funding.manage',
    body: createProgrammeBody,
    status: 201,
    response: programmeSchema,
  }),
  updateProgramme: defineOperation({
    method: 'PATCH',
    path: '/api/funding/programmes/:id',
    tags,
    summary: '修改资金项目 / Update a programme',
    permission: 'funding.manage',
    record: programmeRecord,
    params: idParams,
    body: updateProgrammeBody,
    response: programmeSchema,
  }),
  listReserve: defineOperation({
    method: 'GET',
    path: '/api/funding/reserve',
    tags,
    summary: '项目储备库 / Project reserve',
    permission: 'funding.read',
    query: z.object({ zoneId: uuidSchema.optional() }),
    response: z.array(reserveSchema),
  }),
  createReserve: defineOperation({
    method: 'POST',
    path: '/api/funding/reserve',
    tags,
    summary: '入库 / Add to the reserve',
    permission: 'funding.manage',
    body: createReserveBody,
    status: 201,
    response: reserveSchema,
  }),
  updateReserve: defineOperation({
    method: 'PATCH',
    path: '/api/funding/reserve/:id',
    tags,
    summary: '修改储备项目 / Update a reserve entry',
    permission: 'funding.manage',
    record: reserveRecord,
    params: idParams,
    body: updateReserveBody,
    response: reserveSchema,
  }),
  listApplications: defineOperation({
    method: 'GET',
    path: '/api/funding/applications',
    tags,
    summary: '资金申报 / Applications',
    permission: 'funding.read',
    query: listApplicationsQuery,
    response: z.array(applicationSchema),
  }),
  createApplication: defineOperation({
    method: 'POST',
    path: '/api/funding/applications',
    tags,
    summary: '新建申报 / Start an application',
    permission: 'funding.manage',
    body: createApplicationBody,
    status: 201,
    response: applicationSchema,
  }),
  updateApplication: defineOperation({
    method: 'PATCH',
    path: '/api/funding/applications/:id',
    tags,
    summary: '推进申报 / Update an application',
    permission: 'funding.manage',
    record: applicationRecord,
    params: idParams,
    body: updateApplicationBody,
    response: applicationSchema,
  }),
  listContacts: defineOperation({
    method: 'GET',
    path: '/api/funding/contacts',
    tags,
    summary: '对接记录 / Contacts with upper departments',
    permission: 'funding.read',
    query: listContactsQuery,
    response: z.array(contactSchema),
  }),
  createContact: defineOperation({
    method: 'POST',
    path: '/api/funding/contacts',
    tags,
    summary: '新增对接记录 / Record a contact',
    permission: 'funding.manage',
    body: createContactBody,
    status: 201,
    response: contactSchema,
  }),
  updateContact: defineOperation({
    method: 'PATCH',
    path: '/api/funding/contacts/:id',
    tags,
    summary: '修改对接记录 / Update a contact',
    permission: 'funding.manage',
    record: contactRecord,
    params: idParams,
    body: updateContactBody,
    response: contactSchema,
  }),
  summary: defineOperation({
    method: 'GET',
    path: '/api/funding/summary',
    tags,
    summary: '争取资金汇总 / Summary by programme, year and status',
    permission: 'funding.read',
    query: fundingSummaryQuery,
    response: fundingSummarySchema,
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/funding/export.xlsx',
    tags,
    summary: '向上争取资金台账 (.xlsx) / Funding ledger',
    permission: 'funding.read',
    query: fundingSummaryQuery,
    response: fileResponse,
  }),
};

/**
 * Approval services (审批服务): the zone's 赋权事项 catalogue and the cases handled under 承诺制 or
 * 全代办 on working-day clocks, linked to a project's approval checklist; the 代办 worklist.
 */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, uuidSchema, versionSchema } from '../common.ts';
import { defineOperation } from '../operation.ts';
import { caseLevels, caseModes, caseSteps, inspectionResults, promiseSteps } from './enums.ts';
import './reasons.ts';
import { documentOutSchema, documentsSchema, optionalDate, optionalText, text } from './shared.ts';

const tags = ['approval-services'];
export const allCaseSteps = [...caseSteps, ...promiseSteps] as const;
/** The order of a mode's steps: a case moves to the next one only. */
export const stepsOf = { full_agency: caseSteps, promise: promiseSteps } as const;

export const delegatedItemSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  department: z.string(),
  legalBasis: z.string().nullable(),
  statutoryDays: z.number().int().nullable().describe('法定时限, working days'),
  promisedDays: z.number().int().nullable().describe('承诺时限, working days'),
  materials: z.string().nullable(),
  caseCount: z.number().int(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type DelegatedItem = z.infer<typeof delegatedItemSchema>;
const days = z.number().int().min(0).max(365);
const itemFields = {
  code: optionalText(40),
  name: text(200).min(2),
  department: text(100).min(2).describe('下放部门'),
  legalBasis: optionalText(500),
  statutoryDays: days.nullable().optional(),
  promisedDays: days.nullable().optional(),
  materials: optionalText(2000),
};
export const createItemBody = z.object({ zoneId: uuidSchema, ...itemFields });
export const updateItemBody = z
  .object({ version: versionSchema, ...itemFields })
  .partial()
  .required({ version: true });
export const listItemsQuery = z.object({ zoneId: uuidSchema.optional(), q: z.string().max(50).optional() });

export const approvalCaseSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  projectApprovalId: z.string().nullable(),
  projectApprovalName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  applicant: z.string(),
  mode: z.enum(caseModes),
  step: z.enum(allCaseSteps),
  open: z.boolean(),
  agentUserId: z.string().nullable(),
  agentName: z.string().nullable(),
  acceptedOn: z.string(),
  dueOn: z.string().nullable().describe('全代办: accepted + promised working days; 承诺制: the inspection due day'),
  workdaysLeft: z.number().int().nullable().describe('Working days to the due day (negative: overdue)'),
  overdue: z.boolean(),
  materialsOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  grantedOn: z.string().nullable(),
  promiseSignedOn: z.string().nullable(),
  inspectionDueOn: z.string().nullable(),
  inspectedOn: z.string().nullable(),
  inspectionResult: z.enum(inspectionResults).nullable(),
  satisfaction: z.number().int().nullable(),
  documents: z.array(documentOutSchema),
  level: z.enum(caseLevels),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type ApprovalCase = z.infer<typeof approvalCaseSchema>;

export const createCaseBody = z.object({
  zoneId: uuidSchema,
  itemId: uuidSchema,
  mode: z.enum(caseModes),
  applicant: text(200).min(2).describe('申请人 / 企业'),
  projectId: uuidSchema.nullable().optional(),
  projectApprovalId: uuidSchema.nullable().optional().describe('The project’s checklist item this case fulfils'),
  enterpriseId: uuidSchema.nullable().optional(),
  agentUserId: uuidSchema.nullable().optional().describe('代办员; required for 全代办'),
  acceptedOn: isoDate.optional().describe('受理 (承诺制: promise signed); default today'),
  inspectionDueOn: optionalDate.describe('承诺制: 核查 due; default 60 working days after the promise'),
  note: optionalText(1000),
});
export const advanceCaseBody = z.object({
  version: versionSchema,
  step: z.enum(allCaseSteps).describe('The next step of the case’s mode'),
  on: isoDate.optional().describe('Default today; not before the previous step'),
  inspectionResult: z.enum(inspectionResults).optional().describe('承诺制 核查 result'),
  note: optionalText(1000),
});
export const updateCaseBody = z.object({
  version: versionSchema,
  satisfaction: z.number().int().min(1).max(5).nullable().optional(),
  documents: documentsSchema.optional(),
  agentUserId: uuidSchema.nullable().optional(),
  note: optionalText(1000),
});
export const listCasesQuery = z.object({
  zoneId: uuidSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mode: z.enum(caseModes).optional(),
  projectId: uuidSchema.optional(),
});

const itemRecord = { param: 'id', kind: 'delegatedItem' } as const;
const caseRecord = { param: 'id', kind: 'approvalCase' } as const;

export const approvalServiceOperations = {
  listItems: defineOperation({
    method: 'GET',
    path: '/api/delegated-items',
    tags,
    summary: '赋权事项目录 / Delegated items',
    permission: 'approval_service.read',
    query: listItemsQuery,
    response: z.array(delegatedItemSchema),
  }),
  createItem: defineOperation({
    method: 'POST',
    path: '/api/delegated-items',
    tags,
    summary: '新增赋权事项 / Add an item',
    permission: 'approval_service.catalogue',
    body: createItemBody,
    status: 201,
    response: delegatedItemSchema,
  }),
  updateItem: defineOperation({
    method: 'PATCH',
    path: '/api/delegated-items/:id',
    tags,
    summary: '修改赋权事项 / Update an item',
    permission: 'approval_service.catalogue',
    record: itemRecord,
    params: idParams,
    body: updateItemBody,
    response: delegatedItemSchema,
  }),
  listCases: defineOperation({
    method: 'GET',
    path: '/api/approval-cases',
    tags,
    summary: '办件 / Cases',
    permission: 'approval_service.read',
    query: listCasesQuery,
    response: z.array(approvalCaseSchema),
  }),
  worklist: defineOperation({
    method: 'GET',
    path: '/api/approval-cases/worklist',
    tags,
    summary: '代办员工作清单 / The agent’s open cases, most urgent first',
    permission: 'approval_service.read',
    response: z.array(approvalCaseSchema),
  }),
  createCase: defineOperation({
    method: 'POST',
    path: '/api/approval-cases',
    tags,
    summary: '受理办件 / Accept a case',
    permission: 'approval_service.handle',
    body: createCaseBody,
    status: 201,
    response: approvalCaseSchema,
  }),
  advanceCase: defineOperation({
    method: 'POST',
    path: '/api/approval-cases/:id/advance',
    tags,
    summary: '推进办理步骤 / Next step',
    permission: 'approval_service.handle',
    record: caseRecord,
    params: idParams,
    body: advanceCaseBody,
    response: approvalCaseSchema,
  }),
  updateCase: defineOperation({
    method: 'PATCH',
    path: '/api/approval-cases/:id',
    tags,
    summary: '修改办件 / Update a case',
    permission: 'approval_service.handle',
    record: caseRecord,
    params: idParams,
    body: updateCaseBody,
    response: approvalCaseSchema,
  }),
};

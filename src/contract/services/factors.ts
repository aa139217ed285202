/** 要素保障: requests for land, power, water, gas, heat and talent; an unresolved one raised as a 堵点 in one step. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, uuidSchema, versionSchema } from '../common.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import { factorKinds, factorStatuses } from './enums.ts';
import './reasons.ts';
import { optionalDate, optionalText, text } from './shared.ts';

const tags = ['factors'];

export const factorKindLabels: Record<(typeof factorKinds)[number], readonly [string, string]> = {
  land: ['用地', 'Land'],
  power: ['用电', 'Power'],
  water: ['用水', 'Water'],
  gas: ['用气', 'Gas'],
  heat: ['用热', 'Heat'],
  talent: ['人才', 'Talent'],
};
export const factorStatusLabels: Record<(typeof factorStatuses)[number], readonly [string, string]> = {
  open: ['待解决', 'Open'],
  resolved: ['已解决', 'Resolved'],
  raised: ['已转堵点', 'Raised as blocker'],
};

export const factorRequestSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  kind: z.enum(factorKinds),
  description: z.string(),
  quantity: z.string().nullable(),
  requestedOn: z.string(),
  neededBy: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(factorStatuses),
  outcome: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  blockerId: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type FactorRequest = z.infer<typeof factorRequestSchema>;

export const createFactorBody = z.object({
  zoneId: uuidSchema,
  projectId: uuidSchema.nullable().optional(),
  enterpriseId: uuidSchema.nullable().optional(),
  kind: z.enum(factorKinds),
  description: text(1000).min(2),
  quantity: optionalText(100).describe('e.g. 120 亩, 10 MVA, 500 吨/日'),
  requestedOn: isoDate.optional(),
  neededBy: optionalDate,
  departmentId: uuidSchema.nullable().optional().describe('责任部门'),
});
export const resolveFactorBody = z.object({ version: versionSchema, outcome: text(1000).min(2), resolvedOn: isoDate.optional() });
export const raiseFactorBody = z.object({
  version: versionSchema,
  deadlineOn: isoDate.describe('The blocker’s deadline'),
  responsibleUserId: uuidSchema.nullable().optional(),
});

const record = { param: 'id', kind: 'factorRequest' } as const;
export const factorOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/factor-requests',
    tags,
    summary: '要素保障需求 / Factor requests',
    permission: 'factor.read',
    query: z.object({ zoneId: uuidSchema.optional(), status: z.enum(factorStatuses).optional() }),
    response: z.array(factorRequestSchema),
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/factor-requests',
    tags,
    summary: '登记要素需求 / Record a request',
    permission: 'factor.manage',
    body: createFactorBody,
    status: 201,
    response: factorRequestSchema,
  }),
  resolve: defineOperation({
    method: 'POST',
    path: '/api/factor-requests/:id/resolve',
    tags,
    summary: '办结 / Resolve',
    permission: 'factor.manage',
    record,
    params: idParams,
    body: resolveFactorBody,
    response: factorRequestSchema,
  }),
  raise: defineOperation({
    method: 'POST',
    path: '/api/factor-requests/:id/raise',
    tags,
    summary: '转为堵点 / Raise as a blocker (one step)',
    permission: 'factor.manage',
    record,
    params: idParams,
    body: raiseFactorBody,
    response: factorRequestSchema,
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/factor-requests/export.xlsx',
    tags,
    summary: '要素保障清单 (.xlsx) / Factor requests list',
    permission: 'factor.read',
    query: z.object({ zoneId: uuidSchema.optional(), status: z.enum(factorStatuses).optional() }),
    response: fileResponse,
  }),
};

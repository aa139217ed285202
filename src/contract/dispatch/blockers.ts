/** Blockers (堵点/难点): raised, reassigned, escalated 专班 → 包联领导 → 周调度会 → 主要领导, resolved (销号). */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, isoDateTime, uuidSchema, versionSchema } from '../common.ts';
import { blockerCategories, blockerEventKinds, blockerLevels, blockerStatuses } from '../dispatch-enums.ts';
import { batchExportBody, batchItemsSchema, batchResultSchema } from '../batch.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import './reasons.ts';
import { optionalText, tags, text } from './shared.ts';

export const blockerCategorySchema = z.enum(blockerCategories);
export const blockerLevelSchema = z.enum(blockerLevels);
export const blockerStatusSchema = z.enum(blockerStatuses);

export const blockerSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  category: blockerCategorySchema,
  raisedOn: z.string(),
  raisedByName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  deadlineOn: z.string(),
  level: blockerLevelSchema,
  levelSince: z.string(),
  status: blockerStatusSchema,
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  overdue: z.boolean().describe('Not resolved and past its deadline'),
  overdueWorkdays: z.number().int().describe('Working days past the deadline (official calendar)'),
  version: z.number().int(),
  updatedAt: isoDateTime,
  actions: actionsSchema,
});
export type Blocker = z.infer<typeof blockerSchema>;

export const blockerEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(blockerEventKinds),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  note: z.string().nullable(),
  on: z.string(),
  automatic: z.boolean(),
  actorName: z.string(),
  at: isoDateTime,
});
export type BlockerEvent = z.infer<typeof blockerEventSchema>;

export const blockerDetailSchema = blockerSchema.extend({ events: z.array(blockerEventSchema) });
export type BlockerDetail = z.infer<typeof blockerDetailSchema>;

export const listBlockersQuery = z.object({
  zoneId: uuidSchema.optional(),
  status: z
    .enum([...blockerStatuses, 'unresolved'])
    .optional()
    .describe('unresolved = open or resolving'),
  level: blockerLevelSchema.optional(),
  category: blockerCategorySchema.optional(),
  projectId: uuidSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional().describe('Only blockers I own or am responsible for'),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const blockerList = z.object({
  items: z.array(blockerSchema).describe('Overdue first, then by deadline'),
  total: z.number().int().describe('Blockers matching the filters'),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ byLevel: z.record(z.string(), z.number().int()), byStatus: z.record(z.string(), z.number().int()), overdue: z.number().int() }),
});

export const createBlockerBody = z
  .object({
    zoneId: uuidSchema,
    projectId: uuidSchema.nullable().optional(),
    leadId: uuidSchema.nullable().optional(),
    title: text(120).min(2),
    description: optionalText(2000),
    category: blockerCategorySchema,
    raisedOn: isoDate.optional().describe('Default: today'),
    departmentId: uuidSchema.nullable().optional(),
    responsibleUserId: uuidSchema.nullable().optional(),
    deadlineOn: isoDate,
    level: blockerLevelSchema.optional().describe('Default: 专班'),
  })
  .superRefine((v, ctx) => {
    if (v.projectId && v.leadId) ctx.addIssue({ code: 'custom', path: ['leadId'], message: 'project_or_lead' });
    if (v.raisedOn && v.deadlineOn < v.raisedOn) ctx.addIssue({ code: 'custom', path: ['deadlineOn'], message: 'deadline_before_raised' });
  });

export const updateBlockerBody = z.object({
  version: versionSchema,
  title: text(120).min(2).optional(),
  description: optionalText(2000),
  category: blockerCategorySchema.optional(),
  deadlineOn: isoDate.optional(),
  status: z.enum(['open', 'resolving']).optional().describe('Resolving (销号) and reopening have their own operations'),
  departmentId: uuidSchema.nullable().optional(),
  responsibleUserId: uuidSchema.nullable().optional().describe('Reassigns the blocker (recorded in its timeline)'),
});

export const escalateBlockerBody = z.object({ version: versionSchema, note: optionalText(500) });
export const resolveBlockerBody = z.object({
  version: versionSchema,
  resolution: z.string().trim().min(1, 'resolution_required').max(2000).describe('解决情况'),
  resolvedOn: isoDate.optional().describe('Default: today'),
});
export const reopenBlockerBody = z.object({
  version: versionSchema,
  reason: z.string().trim().min(1, 'reason_required').max(500).describe('Why it is reopened'),
});

export const batchAssignBlockersBody = z
  .object({
    items: batchItemsSchema,
    responsibleUserId: uuidSchema.optional().describe('The new 责任人 of every selected blocker (of its zone)'),
    departmentId: uuidSchema.optional().describe('The new 责任单位 of every selected blocker (of its zone)'),
  })
  .refine((v) => v.responsibleUserId !== undefined || v.departmentId !== undefined, { path: ['responsibleUserId'], message: 'batch_nothing_to_change' });
export const batchResolveBlockersBody = z.object({
  items: batchItemsSchema,
  resolution: resolveBlockerBody.shape.resolution,
  resolvedOn: isoDate.optional().describe('Default: today'),
});

export const exportBlockersQuery = z.object({ zoneId: uuidSchema.optional(), status: z.enum([...blockerStatuses, 'unresolved']).optional() });

const record = { param: 'id', kind: 'blocker' } as const;

/** The operations on blockers. */
export const blockerOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/blockers',
    tags,
    summary: '堵点看板 / Blocker board',
    permission: 'blocker.read',
    query: listBlockersQuery,
    response: blockerList,
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/blockers',
    tags,
    summary: '提出堵点 / Raise a blocker',
    permission: 'blocker.create',
    body: createBlockerBody,
    status: 201,
    response: blockerDetailSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/blockers/:id',
    tags,
    summary: '堵点详情与时间线 / Blocker with timeline',
    permission: 'blocker.read',
    record,
    params: idParams,
    response: blockerDetailSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/blockers/:id',
    tags,
    summary: '修改、转办堵点 / Update or reassign a blocker',
    permission: 'blocker.update',
    record,
    params: idParams,
    body: updateBlockerBody,
    response: blockerDetailSchema,
  }),
  escalate: defineOperation({
    method: 'POST',
    path: '/api/blockers/:id/escalate',
    tags,
    summary: '提级协调 / Escalate one level',
    permission: 'blocker.update',
    record,
    params: idParams,
    body: escalateBlockerBody,
    response: blockerDetailSchema,
  }),
  resolve: defineOperation({
    method: 'POST',
    path: '/api/blockers/:id/resolve',
    tags,
    summary: '销号 / Resolve',
    permission: 'blocker.update',
    record,
    params: idParams,
    body: resolveBlockerBody,
    response: blockerDetailSchema,
  }),
  reopen: defineOperation({
    method: 'POST',
    path: '/api/blockers/:id/reopen',
    tags,
    summary: '重新打开 / Reopen with a reason',
    permission: 'blocker.update',
    record,
    params: idParams,
    body: reopenBlockerBody,
    response: blockerDetailSchema,
  }),
  batchAssign: defineOperation({
    method: 'POST',
    path: '/api/blockers/batch/assign',
    tags,
    summary: '批量转办（责任人、责任单位）/ Reassign selected blockers',
    description: 'Each row checked as PATCH /api/blockers/:id; any refused row (other zone, stale version, resolved) refuses the batch: 409 BATCH_REFUSED listing them, nothing saved.',
    permission: 'blocker.update',
    body: batchAssignBlockersBody,
    response: batchResultSchema,
  }),
  batchResolve: defineOperation({
    method: 'POST',
    path: '/api/blockers/batch/resolve',
    tags,
    summary: '批量销号 / Resolve selected blockers',
    description: 'Each row checked as POST /api/blockers/:id/resolve; all or nothing (409 BATCH_REFUSED listing refused rows).',
    permission: 'blocker.update',
    body: batchResolveBlockersBody,
    response: batchResultSchema,
  }),
  exportSelected: defineOperation({
    method: 'POST',
    path: '/api/exports/blockers-selected.xlsx',
    tags,
    summary: '导出所选堵点 (.xlsx) / Export selected blockers',
    description: 'The 堵点清单 of the rows named; a row outside the caller’s zones refuses the export (409 BATCH_REFUSED).',
    permission: 'blocker.read',
    body: batchExportBody,
    response: fileResponse,
  }),
  reminder: defineOperation({
    method: 'GET',
    path: '/api/blockers/:id/reminder.docx',
    tags,
    summary: '提醒函 (.docx) / Reminder letter',
    permission: 'blocker.read',
    record,
    params: idParams,
    response: fileResponse,
  }),
  exportList: defineOperation({
    method: 'GET',
    path: '/api/exports/blockers.xlsx',
    tags,
    summary: '堵点清单 (.xlsx) / Blocker list',
    permission: 'blocker.read',
    query: exportBlockersQuery,
    response: fileResponse,
  }),
};

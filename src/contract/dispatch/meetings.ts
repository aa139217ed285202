/** The weekly dispatch meeting (周调度会): its generated agenda, minutes, decisions (议定事项) and brief. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, isoDateTime, uuidSchema, versionSchema } from '../common.ts';
import { agendaItemKinds, decisionStatuses, meetingStatuses } from '../dispatch-enums.ts';
import { batchExportBody, batchItemsSchema, batchResultSchema } from '../batch.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import { requiredWith } from './reasons.ts';
import { optionalText, tags, text } from './shared.ts';

export const agendaItemSchema = z.object({
  id: z.string(),
  kind: z.enum(agendaItemKinds),
  refId: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  sortOrder: z.number().int(),
  annotation: z.string().nullable(),
  generated: z.boolean(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string().optional(),
  task: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  deadlineOn: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  blockerId: z.string().nullable(),
  blockerTitle: z.string().nullable(),
  status: z.enum(decisionStatuses),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  title: z.string(),
  heldOn: z.string(),
  status: z.enum(meetingStatuses),
  minutes: z.string().nullable(),
  closedAt: isoDateTime.nullable(),
  closedByName: z.string().nullable(),
  createdByName: z.string(),
  agendaCount: z.number().int(),
  decisionCount: z.number().int(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;
export const meetingDetailSchema = meetingSchema.extend({
  previousMeetingId: z.string().nullable(),
  agenda: z.array(agendaItemSchema),
  decisions: z.array(decisionSchema),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const listMeetingsQuery = z.object({ zoneId: uuidSchema.optional() });
export const createMeetingBody = z.object({
  zoneId: uuidSchema,
  heldOn: isoDate,
  title: text(100).min(2).optional().describe('Default: 第N周项目调度会 of the date'),
});
export const updateMeetingBody = z.object({
  version: versionSchema,
  title: text(100).min(2).optional(),
  heldOn: isoDate.optional(),
  minutes: optionalText(20000),
  status: z.enum(['draft', 'open']).optional().describe('Closing has its own operation'),
});
export const agendaOrderBody = z.object({
  version: versionSchema,
  items: z
    .array(z.object({ id: uuidSchema, annotation: optionalText(1000) }))
    .max(500)
    .default([])
    .describe('Every item of the agenda, in the new order, with its annotation'),
});
export const addAgendaItemBody = z.object({ version: versionSchema, title: text(200).min(2), detail: optionalText(1000) });
export const closeMeetingBody = z.object({ version: versionSchema });
export const regenerateAgendaBody = z.object({ version: versionSchema });

export const createDecisionBody = z.object({
  task: text(1000).min(2).describe('The task'),
  ownerUserId: z.uuid(requiredWith('owner_required')).describe('责任人'),
  departmentId: uuidSchema.nullable().optional(),
  deadlineOn: isoDate.describe('完成时限'),
  projectId: uuidSchema.nullable().optional(),
  blockerId: uuidSchema.nullable().optional(),
});
export const updateDecisionBody = z.object({
  version: versionSchema,
  status: z.enum(decisionStatuses).optional(),
  doneOn: isoDate.optional(),
  note: optionalText(1000),
  task: text(1000).min(2).optional(),
  ownerUserId: uuidSchema.optional(),
  deadlineOn: isoDate.optional(),
});
export const batchUpdateDecisionsBody = z
  .object({
    items: batchItemsSchema,
    status: z.enum(decisionStatuses).optional().describe('done = 办结 (done today unless doneOn)'),
    doneOn: isoDate.optional(),
    ownerUserId: uuidSchema.optional().describe('改派: the new 责任人 (of each decision’s zone; not for a closed meeting’s decisions)'),
  })
  .refine((v) => v.status !== undefined || v.ownerUserId !== undefined, { path: ['status'], message: 'batch_nothing_to_change' });
export const listDecisionsQuery = z.object({
  zoneId: uuidSchema.optional(),
  status: z.enum(decisionStatuses).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

const record = { param: 'id', kind: 'meeting' } as const;

/** The operations on meetings and their agenda. */
export const meetingOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/meetings',
    tags,
    summary: '调度会列表 / Meetings',
    permission: 'meeting.read',
    query: listMeetingsQuery,
    response: z.array(meetingSchema),
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/meetings',
    tags,
    summary: '新建调度会（自动生成议程）/ Create a meeting with its agenda',
    permission: 'meeting.manage',
    body: createMeetingBody,
    status: 201,
    response: meetingDetailSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/meetings/:id',
    tags,
    summary: '调度会详情 / Meeting',
    permission: 'meeting.read',
    record,
    params: idParams,
    response: meetingDetailSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/meetings/:id',
    tags,
    summary: '修改调度会、纪要 / Update meeting, minutes',
    permission: 'meeting.manage',
    record,
    params: idParams,
    body: updateMeetingBody,
    response: meetingDetailSchema,
  }),
  setAgenda: defineOperation({
    method: 'PUT',
    path: '/api/meetings/:id/agenda',
    tags,
    summary: '议程排序与批注 / Reorder and annotate',
    permission: 'meeting.manage',
    record,
    params: idParams,
    body: agendaOrderBody,
    response: meetingDetailSchema,
  }),
  addAgendaItem: defineOperation({
    method: 'POST',
    path: '/api/meetings/:id/agenda',
    tags,
    summary: '增加议题 / Add an item',
    permission: 'meeting.manage',
    record,
    params: idParams,
    body: addAgendaItemBody,
    response: meetingDetailSchema,
  }),
  regenerateAgenda: defineOperation({
    method: 'POST',
    path: '/api/meetings/:id/agenda/regenerate',
    tags,
    summary: '按最新数据补充议程 / Refresh the generated agenda',
    permission: 'meeting.manage',
    record,
    params: idParams,
    body: regenerateAgendaBody,
    response: meetingDetailSchema,
  }),
  close: defineOperation({
    method: 'POST',
    path: '/api/meetings/:id/close',
    tags,
    summary: '结束会议（冻结记录）/ Close and freeze',
    permission: 'meeting.manage',
    record,
    params: idParams,
    body: closeMeetingBody,
    response: meetingDetailSchema,
  }),
  brief: defineOperation({
    method: 'GET',
    path: '/api/meetings/:id/brief.docx',
    tags,
    summary: '周调度简报 (.docx) / Weekly brief',
    permission: 'meeting.read',
    record,
    params: idParams,
    response: fileResponse,
  }),
};

/** The operations on decisions (议定事项). */
export const decisionOperations = {
  add: defineOperation({
    method: 'POST',
    path: '/api/meetings/:id/decisions',
    tags,
    summary: '记录议定事项 / Record a decision',
    permission: 'meeting.manage',
    record,
    params: idParams,
    body: createDecisionBody,
    status: 201,
    response: decisionSchema,
  }),
  list: defineOperation({
    method: 'GET',
    path: '/api/decisions',
    tags,
    summary: '议定事项 / Decisions',
    permission: 'meeting.read',
    query: listDecisionsQuery,
    response: z.array(decisionSchema),
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/decisions/export.xlsx',
    tags,
    summary: '导出议定事项（当前筛选）/ Export decisions as filtered (.xlsx)',
    permission: 'meeting.read',
    query: listDecisionsQuery,
    response: fileResponse,
  }),
  batchUpdate: defineOperation({
    method: 'POST',
    path: '/api/decisions/batch/update',
    tags,
    summary: '批量办结、改派议定事项 / Mark done or reassign selected decisions',
    description: 'Each row checked as PATCH /api/decisions/:id (zone editor or the owner; a closed meeting freezes the owner); all or nothing (409 BATCH_REFUSED listing refused rows).',
    permission: 'meeting.read',
    body: batchUpdateDecisionsBody,
    response: batchResultSchema,
  }),
  exportSelected: defineOperation({
    method: 'POST',
    path: '/api/decisions/export-selected.xlsx',
    tags,
    summary: '导出所选议定事项 (.xlsx) / Export selected decisions',
    permission: 'meeting.read',
    body: batchExportBody,
    response: fileResponse,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/decisions/:id',
    tags,
    summary: '更新议定事项办理情况 / Update a decision',
    description: 'Zone editors, or the decision’s owner (责任人) whatever their role.',
    record: { param: 'id', kind: 'decision' },
    params: idParams,
    body: updateDecisionBody,
    response: decisionSchema,
  }),
};

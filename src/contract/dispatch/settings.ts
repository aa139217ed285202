/** A zone's dispatch settings (the escalation period) and the dispatch part of the 工作台. */
import { z } from 'zod';
import { uuidSchema, versionSchema } from '../common.ts';
import { defineOperation } from '../operation.ts';
import { tags } from './shared.ts';

export const dispatchSettingsQuery = z.object({ zoneId: uuidSchema });
export const dispatchSettingsSchema = z.object({ zoneId: z.string(), escalationWorkdays: z.number().int(), version: z.number().int() });
export const putDispatchSettingsBody = z.object({
  zoneId: uuidSchema,
  escalationWorkdays: z.number().int().min(1).max(60),
  version: versionSchema
    .or(z.literal(0))
    .optional()
    .describe('The version read: required when the zone has its own settings; 0 (or none) when it ran on the default'),
});

export const todoItemSchema = z.object({
  kind: z.enum(['blocker', 'decision']),
  id: z.string(),
  zoneId: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  link: z.string().describe('Web path of the record'),
});
export type TodoItem = z.infer<typeof todoItemSchema>;
/** The dispatch part of the 工作台 (我的待办); overdue milestones and reports due come from the projects part. */
export const dispatchWorkbenchSchema = z.object({ todo: z.array(todoItemSchema) });
export type DispatchWorkbench = z.infer<typeof dispatchWorkbenchSchema>;

/** The operations on a zone's dispatch settings. */
export const dispatchSettingsOperations = {
  get: defineOperation({
    method: 'GET',
    path: '/api/dispatch/settings',
    tags,
    summary: '调度设置 / Dispatch settings of a zone',
    permission: 'blocker.read',
    query: dispatchSettingsQuery,
    response: dispatchSettingsSchema,
  }),
  put: defineOperation({
    method: 'PUT',
    path: '/api/dispatch/settings',
    tags,
    summary: '修改调度设置 / Set the escalation period',
    permission: 'dispatch.settings',
    body: putDispatchSettingsBody,
    response: dispatchSettingsSchema,
  }),
};

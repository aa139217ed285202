/**
 * Dispatch (调度) API: blockers (堵点/难点), notifications, the weekly meeting with its agenda and
 * decisions, 三个一批 campaigns and their rates. Enums and labels live in dispatch-enums.ts.
 */
import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, uuidSchema, versionSchema } from './common.ts';
import {
  agendaItemKinds,
  blockerCategories,
  blockerEventKinds,
  blockerLevels,
  blockerStatuses,
  campaignBatches,
  decisionStatuses,
  meetingStatuses,
} from './dispatch-enums.ts';
import { wanAmount } from './money.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  deadline_before_raised: ['期限不能早于提出日期', 'the deadline cannot be before the day it was raised'],
  resolution_required: ['销号须填写解决情况', 'resolving needs a resolution text'],
  escalation_top: ['已是最高层级（主要领导），不能再提级', 'already at the top level (main leader); it cannot escalate further'],
  blocker_resolved: ['该堵点已销号', 'this blocker is already resolved'],
  blocker_not_resolved: ['该堵点尚未销号，无需重新打开', 'this blocker is not resolved; nothing to reopen'],
  reason_required: ['请填写原因', 'a reason is required'],
  owner_required: ['请指定责任人', 'choose an owner'],
  unknown_user: ['用户不存在或不属于该开发区', 'no such user in this zone'],
  unknown_project: ['项目不存在或不属于该开发区', 'no such project in this zone'],
  unknown_lead: ['招商线索不存在或不属于该开发区', 'no such lead in this zone'],
  unknown_blocker: ['堵点不存在或不属于该开发区', 'no such blocker in this zone'],
  project_or_lead: ['项目与招商线索只能关联其一', 'link a project or a lead, not both'],
  meeting_closed: ['会议已结束，记录已冻结', 'the meeting is closed; its record is frozen'],
  meeting_not_closed: ['会议尚未结束', 'the meeting is not closed yet'],
  agenda_items_mismatch: ['议程条目与会议不一致，请刷新后再排序', 'the agenda changed; reload and reorder again'],
  campaign_exists: ['该开发区本季度已有三个一批活动', 'this zone already has a campaign for that quarter'],
  entry_target_required: ['请选择项目或招商线索，或填写名称', 'choose a project or lead, or give a name'],
  already_in_list: ['该项目已在本批清单中', 'already on this list'],
  already_counted: ['该项目已在此前的同类批次中计入，同一项目只计一次', 'already counted in an earlier batch of this kind; a project counts once'],
  confirm_reason_required: ['未完成须说明原因', 'not done: give the reason'],
  output_needs_production: ['达效只适用于投产一批', 'output reached applies to the production batch only'],
});

export const blockerCategorySchema = z.enum(blockerCategories);
export const blockerLevelSchema = z.enum(blockerLevels);
export const blockerStatusSchema = z.enum(blockerStatuses);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

// ---------- blockers ----------

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
  resolution: z.string().trim().max(2000).optional().describe('解决情况 (required: checked after the record, so an empty one is a field error)'),
  resolvedOn: isoDate.optional().describe('Default: today'),
});
export const reopenBlockerBody = z.object({ version: versionSchema, reason: z.string().trim().max(500).optional().describe('Why it is reopened (required)') });

// ---------- notifications ----------

export const notificationSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  read: z.boolean(),
  createdAt: isoDateTime,
});
export type Notification = z.infer<typeof notificationSchema>;
export const listNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationList = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export const unreadCountSchema = z.object({ unread: z.number().int() });

// ---------- meetings ----------

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
export const addAgendaItemBody = z.object({ version: versionSchema, title: text(200).optional().describe('Required'), detail: optionalText(1000) });
export const closeMeetingBody = z.object({ version: versionSchema });
export const regenerateAgendaBody = z.object({ version: versionSchema });

export const createDecisionBody = z.object({
  task: text(1000).optional().describe('The task (required)'),
  ownerUserId: uuidSchema.nullable().optional().describe('责任人 (required)'),
  departmentId: uuidSchema.nullable().optional(),
  deadlineOn: isoDate.optional().describe('完成时限 (required)'),
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
export const listDecisionsQuery = z.object({
  zoneId: uuidSchema.optional(),
  status: z.enum(decisionStatuses).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

// ---------- campaigns ----------

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
  batch: campaignBatchSchema.optional().describe('Required'),
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

// ---------- settings, exports, my tasks ----------

export const dispatchSettingsQuery = z.object({ zoneId: uuidSchema });
export const dispatchSettingsSchema = z.object({ zoneId: z.string(), escalationWorkdays: z.number().int(), version: z.number().int() });
export const putDispatchSettingsBody = z.object({
  zoneId: uuidSchema,
  escalationWorkdays: z.number().int().min(1).max(60),
  version: versionSchema.optional().describe('Required when the zone has its own settings'),
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

export const exportBlockersQuery = z.object({ zoneId: uuidSchema.optional(), status: z.enum([...blockerStatuses, 'unresolved']).optional() });

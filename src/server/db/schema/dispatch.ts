/**
 * Dispatch (调度): blockers (堵点/难点) with their timeline, in-app notifications, the weekly
 * dispatch meeting (周调度会) with its agenda and decisions, and the quarterly 三个一批 campaigns.
 * Every table is zone-scoped (`zone_id`). Blockers, decisions and campaign entries link to the
 * projects and leads of the same zone (the service checks the zone; the foreign keys the existence).
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  agendaItemKinds,
  blockerCategories,
  blockerEventKinds,
  blockerLevels,
  blockerStatuses,
  campaignBatches,
  decisionStatuses,
  meetingStatuses,
} from '../../../contract/dispatch-enums.ts';
import { departments, users, zoneRef, zones } from './foundation.ts';
import { leads, signingEvents } from './pipeline.ts';
import { projects } from './projects.ts';
import { createdAt, day, id, updatedAt, version } from './columns.ts';

/** 堵点/难点: a problem blocking a project (or a lead), escalating 专班 → 包联领导 → 周调度会 → 主要领导. */
export const blockers = pgTable(
  'blockers',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category', { enum: blockerCategories }).notNull(),
    raisedOn: day('raised_on').notNull(),
    raisedById: uuid('raised_by_id').references(() => users.id),
    raisedByName: text('raised_by_name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    /** The person responsible at the 专班 level. */
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    /** Who owns it now: the responsible person, then the owner of each level it escalates to. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    deadlineOn: day('deadline_on').notNull(),
    level: text('level', { enum: blockerLevels }).notNull().default('task_force'),
    /** The day it reached its level: the automatic-escalation clock runs from max(deadline, this). */
    levelSince: day('level_since').notNull(),
    status: text('status', { enum: blockerStatuses }).notNull().default('open'),
    resolution: text('resolution'),
    resolvedOn: day('resolved_on'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('blockers_zone_status_idx').on(t.zoneId, t.status, t.deadlineOn),
    index('blockers_open_deadline_idx')
      .on(t.zoneId, t.deadlineOn)
      .where(sql`${t.status} <> 'resolved'`),
    index('blockers_project_idx').on(t.projectId),
    index('blockers_lead_idx').on(t.leadId),
    index('blockers_owner_idx')
      .on(t.ownerUserId)
      .where(sql`${t.status} <> 'resolved'`),
    index('blockers_responsible_idx')
      .on(t.responsibleUserId)
      .where(sql`${t.status} <> 'resolved'`),
    check('blockers_deadline_after_raised', sql`${t.deadlineOn} >= ${t.raisedOn}`),
    check(
      'blockers_resolution_text',
      sql`${t.status} <> 'resolved' or (${t.resolution} is not null and length(trim(${t.resolution})) > 0 and ${t.resolvedOn} is not null)`,
    ),
  ],
);

/** The blocker's timeline: raised, escalated (by hand or automatically), reassigned, resolved (销号), reopened. */
export const blockerEvents = pgTable(
  'blocker_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    zoneId: zoneRef(),
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => blockers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: blockerEventKinds }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note'),
    /** The day the event counts for (an automatic escalation is dated the day it fell due). */
    on: day('on').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('blocker_events_blocker_idx').on(t.blockerId, t.at)],
);

/** A zone's dispatch settings; zones without a row use the defaults (docs/dispatch.md). */
export const dispatchSettings = pgTable('dispatch_settings', {
  zoneId: uuid('zone_id')
    .primaryKey()
    .references(() => zones.id),
  /** Working days (official calendar) an overdue blocker waits at one level before escalating. */
  escalationWorkdays: smallint('escalation_workdays').notNull().default(3),
  version: version(),
  updatedAt: updatedAt(),
});

/**
 * In-app notifications (消息中心), one row per recipient. A notice stores its kind and params; the
 * reader's language renders the text (platform/notifications.ts). `title`/`body` hold the text of
 * rows written before that (shown as stored).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    zoneId: zoneRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number | null>>(),
    title: text('title'),
    body: text('body'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc()),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** 项目攻坚会 / 周调度会: draft → open → closed; a closed meeting's record is frozen. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    zoneId: zoneRef(),
    title: text('title').notNull(),
    heldOn: day('held_on').notNull(),
    status: text('status', { enum: meetingStatuses }).notNull().default('draft'),
    minutes: text('minutes'),
    /** The headline figures as they stood at closing, so the brief of a closed meeting never changes. */
    frozen: jsonb('frozen'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByName: text('closed_by_name'),
    createdByName: text('created_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meetings_zone_held_idx').on(t.zoneId, t.heldOn.desc())],
);

/** One line of a meeting's agenda: generated from the data (kind + reference) or added by hand. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    zoneId: zoneRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: agendaItemKinds }).notNull(),
    /** The project, blocker or decision the item is about (none for a manual item). */
    refId: uuid('ref_id'),
    title: text('title').notNull(),
    detail: text('detail'),
    sortOrder: integer('sort_order').notNull(),
    annotation: text('annotation'),
    generated: boolean('generated').notNull().default(true),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.sortOrder),
    uniqueIndex('agenda_items_meeting_ref_key')
      .on(t.meetingId, t.kind, t.refId)
      .where(sql`${t.refId} is not null`),
  ],
);

/** A decision of a meeting (会议决定事项): a task with an owner and a deadline. */
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    zoneId: zoneRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    task: text('task').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    deadlineOn: day('deadline_on').notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    blockerId: uuid('blocker_id').references(() => blockers.id, { onDelete: 'set null' }),
    status: text('status', { enum: decisionStatuses }).notNull().default('open'),
    doneOn: day('done_on'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // zone_id last: a meeting's count of decisions, equating zone_id for Citus, stays an index-only scan.
    index('decisions_meeting_idx').on(t.meetingId, t.createdAt, t.zoneId),
    index('decisions_owner_open_idx')
      .on(t.ownerUserId)
      .where(sql`${t.status} = 'open'`),
    index('decisions_zone_status_idx').on(t.zoneId, t.status),
    // The list's order (deadline, then id), in one zone and across a province.
    index('decisions_zone_deadline_idx').on(t.zoneId, t.deadlineOn, t.id),
    index('decisions_deadline_idx').on(t.deadlineOn, t.id),
  ],
);

/**
 * 三个一批: one campaign per zone and quarter, with its event day and the signing event (签约活动)
 * whose agreements fill its 签约一批.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    name: text('name').notNull(),
    eventOn: day('event_on'),
    /** The pipeline's signing event held for this campaign: agreements signed at it are the 签约一批 achieved. */
    signingEventId: uuid('signing_event_id').references(() => signingEvents.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('campaigns_zone_quarter_key').on(t.zoneId, t.year, t.quarter),
    uniqueIndex('campaigns_signing_event_key')
      .on(t.signingEventId)
      .where(sql`${t.signingEventId} is not null`),
    check('campaigns_quarter_range', sql`${t.quarter} between 1 and 4`),
  ],
);

/**
 * One nomination (提名) on a campaign's list (签约一批 / 开工一批 / 投产一批), planned ahead. Whether it
 * was achieved is never typed: it is derived from the records (the lead's agreement at the campaign's
 * signing event, the project's actual start or production date in the quarter; docs/dispatch.md).
 */
export const campaignEntries = pgTable(
  'campaign_entries',
  {
    id: id(),
    zoneId: zoneRef(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    batch: text('batch', { enum: campaignBatches }).notNull(),
    // A deleted project or lead leaves its entry (and the name it was listed under) in the campaign's history.
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    plannedAmountYuan: bigint('planned_amount_yuan', { mode: 'number' }),
    /** What officials say about it (e.g. why it was not achieved); never a completion mark. */
    reason: text('reason'),
    arrivedYuan: bigint('arrived_yuan', { mode: 'number' }),
    sortOrder: integer('sort_order').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('campaign_entries_campaign_idx').on(t.campaignId, t.batch, t.sortOrder),
    index('campaign_entries_zone_project_idx')
      .on(t.zoneId, t.projectId)
      .where(sql`${t.projectId} is not null`),
    uniqueIndex('campaign_entries_project_once_key')
      .on(t.campaignId, t.batch, t.projectId)
      .where(sql`${t.projectId} is not null`),
    uniqueIndex('campaign_entries_lead_once_key')
      .on(t.campaignId, t.batch, t.leadId)
      .where(sql`${t.leadId} is not null`),
    check('campaign_entries_money_nonneg', sql`coalesce(${t.plannedAmountYuan}, 0) >= 0 and coalesce(${t.arrivedYuan}, 0) >= 0`),
  ],
);

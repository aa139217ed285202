/**
 * The investment pipeline (招商): leads and their team, timeline, activities, trips, agreements and
 * signing events, files, saved views, and the staging tables of spreadsheet imports. Every table is
 * zone-scoped (`zone_id`) except the per-user saved views.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  activityKinds,
  agreementKinds,
  chainActions,
  leadMethods,
  leadStages,
  leadStatuses,
  partnerKinds,
  signingEventKinds,
} from '../../../contract/pipeline-enums.ts';
import { users, zoneRef as zoneId } from './foundation.ts';
import { enterprises } from './reference.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';

/** A lead (招商线索 / 在谈项目): an investor's intended project, from first contact to registration. */
export const leads = pgTable(
  'leads',
  {
    id: id(),
    zoneId: zoneId(),
    /** The zone's own ledger number (e.g. FD-2026-001), unique in the zone. */
    code: text('code').notNull(),
    /** Project name; may be a code name while the deal is confidential. */
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    method: text('method', { enum: leadMethods }).notNull(),
    stage: text('stage', { enum: leadStages }).notNull().default('prospect'),
    status: text('status', { enum: leadStatuses }).notNull().default('active'),
    statusReason: text('status_reason'),
    /** Where a lost (流失) lead went: region name, and its GB/T 2260 code when known. */
    lostToRegion: text('lost_to_region'),
    lostToRegionCode: char('lost_to_region_code', { length: 6 }),
    /** 板块 and chain link (环节), free text until the chains module names them. */
    sector: text('sector'),
    chainLink: text('chain_link'),
    chainAction: text('chain_action', { enum: chainActions }),
    plannedInvestmentYuan: bigint('planned_investment_yuan', { mode: 'number' }),
    plannedOutputYuan: bigint('planned_output_yuan', { mode: 'number' }),
    /** Likelihood of signing, 0–100 %. */
    likelihood: smallint('likelihood'),
    firstContactOn: date('first_contact_on', { mode: 'string' }),
    lastFollowUpOn: date('last_follow_up_on', { mode: 'string' }),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on', { mode: 'string' }),
    /** The owner, from the zone's 招商 department (the first 1 of 1+1+N). */
    ownerId: uuid('owner_id').references(() => users.id),
    /** The platform company's person (the second 1 of 1+1+N). */
    platformContact: text('platform_contact'),
    /** Set once the lead is converted into a project (the projects module owns that row). */
    projectId: uuid('project_id'),
    /** The chain link (环节) the lead would fill: a row of the chains module (no foreign key: db/ does not know modules). */
    chainLinkId: uuid('chain_link_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('leads_zone_code_key').on(t.zoneId, t.code),
    // The list's default order (updated_at desc nulls last, id desc), in one zone and across a
    // province (the scope's 100 zones then filter the walk: test/province-plans.test.ts).
    index('leads_zone_updated_idx').on(t.zoneId, t.updatedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('leads_updated_idx').on(t.updatedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('leads_zone_stage_status_idx').on(t.zoneId, t.stage, t.status),
    index('leads_zone_next_step_idx').on(t.zoneId, t.nextStepOn),
    index('leads_owner_idx').on(t.ownerId),
    index('leads_enterprise_idx').on(t.enterpriseId),
    index('leads_zone_chain_link_idx').on(t.zoneId, t.chainLinkId),
    check('leads_likelihood_range', sql`${t.likelihood} is null or ${t.likelihood} between 0 and 100`),
    check('leads_money_nonneg', sql`coalesce(${t.plannedInvestmentYuan}, 0) >= 0 and coalesce(${t.plannedOutputYuan}, 0) >= 0`),
  ],
);

/**
 * The funnel's read model (decision 028): lead counts and planned investment per zone, stage and
 * status, as signed deltas. Triggers on `leads` append one row per statement and key it changed
 * (+ for the new rows, − for the old: an edit that moves nothing cancels out and writes nothing),
 * in the writer's transaction, whichever code wrote; readers sum; the job
 * `leads.compact-stage-counts` folds a key's rows into one. Appends never wait on each other.
 */
export const leadStageCounts = pgTable(
  'lead_stage_counts',
  {
    id: id(),
    zoneId: zoneId(),
    stage: text('stage', { enum: leadStages }).notNull(),
    status: text('status', { enum: leadStatuses }).notNull(),
    leads: integer('leads').notNull(),
    plannedYuan: bigint('planned_yuan', { mode: 'number' }).notNull(),
  },
  (t) => [index('lead_stage_counts_zone_idx').on(t.zoneId, t.stage, t.status)],
);

/** The N of 1+1+N: chain-leader enterprises, agents and other partners on a lead. */
export const leadPartners = pgTable(
  'lead_partners',
  {
    id: id(),
    zoneId: zoneId(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: partnerKinds }).notNull(),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    createdAt: createdAt(),
  },
  (t) => [index('lead_partners_lead_idx').on(t.leadId), index('lead_partners_enterprise_idx').on(t.enterpriseId)],
);

/** The lead's timeline of changes: creation, stage, status, owner (the ownership history), conversion. */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    zoneId: zoneId(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['created', 'stage', 'status', 'owner', 'converted', 'imported', 'merged'] }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_events_lead_idx').on(t.leadId, t.at)],
);

/** 外出招商: a trip to a region; its results are counted from its meetings, never typed. */
export const trips = pgTable(
  'trips',
  {
    id: id(),
    zoneId: zoneId(),
    title: text('title').notNull(),
    destination: text('destination').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    leader: text('leader').notNull(),
    members: text('members')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('trips_zone_start_idx').on(t.zoneId, t.startOn), check('trips_dates_order', sql`${t.endOn} >= ${t.startOn}`)],
);

/** 对接记录: a visit, call, reception or fair meeting, possibly on a trip and about a lead. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    zoneId: zoneId(),
    kind: text('kind', { enum: activityKinds }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    tripId: uuid('trip_id').references(() => trips.id, { onDelete: 'cascade' }),
    people: text('people'),
    outcome: text('outcome'),
    /** The meeting reached an intent to invest (达成合作意向); trips count these. */
    intentReached: boolean('intent_reached').notNull().default(false),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on', { mode: 'string' }),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('activities_lead_idx').on(t.leadId, t.occurredOn),
    index('activities_trip_idx').on(t.tripId),
    index('activities_enterprise_idx').on(t.enterpriseId),
    index('activities_zone_on_idx').on(t.zoneId, t.occurredOn),
  ],
);

/** A signing event: a ceremony, or a campaign batch (三个一批 签约一批). */
export const signingEvents = pgTable(
  'signing_events',
  {
    id: id(),
    zoneId: zoneId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: signingEventKinds }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('signing_events_zone_name_key').on(t.zoneId, t.name)],
);

/** A file attached to a lead (agreement scans, minutes). Small files, kept in the database. */
export const leadFiles = pgTable(
  'lead_files',
  {
    id: id(),
    zoneId: zoneId(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: text('content_base64').notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('lead_files_lead_idx').on(t.leadId)],
);

/**
 * An agreement of a lead. The signed totals are computed from these by the counting rule (see
 * docs/pipeline.md): a lead counts once, at its first investment agreement; a capital increase adds
 * its amount (the increment); later investment agreements (re-signings) add nothing.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    zoneId: zoneId(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: agreementKinds }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** The agreed amount; for a capital increase, the increment only. */
    amountYuan: bigint('amount_yuan', { mode: 'number' }).notNull(),
    signingEventId: uuid('signing_event_id').references(() => signingEvents.id),
    fileId: uuid('file_id').references(() => leadFiles.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('agreements_lead_idx').on(t.leadId, t.signedOn),
    index('agreements_zone_signed_idx').on(t.zoneId, t.signedOn),
    check('agreements_amount_pos', sql`${t.amountYuan} > 0`),
  ],
);

/** A user's saved filter of the lead table. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    resource: text('resource').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_views_user_name_key').on(t.userId, t.resource, t.name)],
);

/** A spreadsheet upload, parsed and validated into staging rows; nothing reaches the real tables until commit. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey(),
    zoneId: zoneId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['leads', 'enterprises'] }).notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: ['staged', 'committed', 'discarded', 'undone'] })
      .notNull()
      .default('staged'),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    errorCount: integer('error_count').notNull(),
    /** The first errors: [{ row, column, reason }]. */
    errors: jsonb('errors').notNull(),
    createdAt: createdAt(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_zone_idx').on(t.zoneId, t.createdAt)],
);

export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    valid: boolean('valid').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
);

/** A zone's corrected column mapping, per importer and header signature (docs/imports.md, Mapping): used at the next upload of a sheet with the same headers. */
export const importMappings = pgTable(
  'import_mappings',
  {
    zoneId: zoneId(),
    kind: text('kind').notNull(),
    /** sha1 of the table's header texts in column order (whitespace removed). */
    signature: text('signature').notNull(),
    /** [{ index, header, field }] as the user left them. */
    columns: jsonb('columns').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.kind, t.signature] })],
);

/** What the user chose for a name the zone did not know (a department, a person…): used by every later import of the zone. */
export const importNameChoices = pgTable(
  'import_name_choices',
  {
    zoneId: zoneId(),
    /** The importer's field (department, leader, officer, owner…). */
    field: text('field').notNull(),
    /** The name as written in the sheet. */
    name: text('name').notNull(),
    action: text('action', { enum: ['create', 'map', 'blank'] }).notNull(),
    /** With `map`: the record it stands for. */
    targetId: uuid('target_id'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.field, t.name] })],
);

/** What a committed import wrote, record by record, so the batch can be undone (docs/imports.md, Undo). */
export const importRecords = pgTable(
  'import_records',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    zoneId: zoneId(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action', { enum: ['created', 'updated'] }).notNull(),
    /** The record's version the import left (undo refuses when it moved on), null for records without one. */
    version: integer('version'),
    /** An updated record's fields before the import (restored by undo). */
    before: jsonb('before'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.entityType, t.entityId] })],
);

/**
 * The records a committed import created, one row per kind of record with their ids in one array
 * (docs/imports.md, Undo): a created record needs no before-image, and 100,000 rows of
 * import_records (each an index entry on a random uuid) were the commit's slowest write.
 */
export const importCreated = pgTable(
  'import_created',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    zoneId: zoneId(),
    entityType: text('entity_type').notNull(),
    ids: uuid('ids').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.entityType] })],
);

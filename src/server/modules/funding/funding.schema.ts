/**
 * 向上争取资金: upper-level programmes, the project reserve (项目储备库) with the programmes each entry
 * fits, applications and the 对接记录 with upper departments. Zone-scoped; indexes lead with zone_id.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationStatuses, programmeKinds, programmeLevels } from '../../../contract/services/enums.ts';
import { createdAt, day, id, updatedAt, version, yuan } from '../../db/schema/columns.ts';
import { users, zoneRef } from '../../db/schema/foundation.ts';
import { projects } from '../../db/schema/projects.ts';
import { enterprises } from '../../db/schema/reference.ts';

/** A programme (资金项目) a zone may apply to: one per year and name. */
export const fundingProgrammes = pgTable(
  'funding_programmes',
  {
    id: id(),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    level: text('level', { enum: programmeLevels }).notNull(),
    kind: text('kind', { enum: programmeKinds }).notNull(),
    department: text('department').notNull(),
    name: text('name').notNull(),
    policyDocument: text('policy_document'),
    opensOn: day('opens_on'),
    deadlineOn: day('deadline_on'),
    conditions: text('conditions'),
    typicalAmountYuan: yuan('typical_amount_yuan'),
    /** Days before the deadline the owners of unfiled applications are reminded. */
    remindDays: smallint('remind_days').notNull().default(7),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('funding_programmes_zone_year_name_uq').on(t.zoneId, t.year, t.name),
    index('funding_programmes_zone_deadline_idx').on(t.zoneId, t.deadlineOn),
    check('funding_programmes_window_ck', sql`${t.deadlineOn} is null or ${t.opensOn} is null or ${t.deadlineOn} >= ${t.opensOn}`),
  ],
);

/** An entry of the reserve: an existing project, or a reserve-only entry by name. */
export const fundingReserve = pgTable(
  'funding_reserve',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    name: text('name').notNull(),
    totalInvestmentYuan: yuan('total_investment_yuan'),
    /** 前期手续 */
    preliminaryDone: boolean('preliminary_done').notNull().default(false),
    /** 可研 */
    feasibilityDone: boolean('feasibility_done').notNull().default(false),
    /** 资金申请报告 */
    reportDone: boolean('report_done').notNull().default(false),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    note: text('note'),
    addedOn: day('added_on').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('funding_reserve_zone_added_idx').on(t.zoneId, t.addedOn),
    uniqueIndex('funding_reserve_zone_project_uq')
      .on(t.zoneId, t.projectId)
      .where(sql`${t.projectId} is not null`),
    uniqueIndex('funding_reserve_zone_name_uq').on(t.zoneId, t.name),
  ],
);

/** The programmes a reserve entry fits. */
export const fundingReserveProgrammes = pgTable(
  'funding_reserve_programmes',
  {
    zoneId: zoneRef(),
    reserveId: uuid('reserve_id')
      .notNull()
      .references(() => fundingReserve.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => fundingProgrammes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reserveId, t.programmeId] }), index('funding_reserve_programmes_zone_programme_idx').on(t.zoneId, t.programmeId)],
);

/** An application of a reserve entry to a programme. */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: id(),
    zoneId: zoneRef(),
    reserveId: uuid('reserve_id')
      .notNull()
      .references(() => fundingReserve.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => fundingProgrammes.id),
    status: text('status', { enum: applicationStatuses }).notNull().default('planning'),
    askedYuan: yuan('asked_yuan').notNull(),
    grantedYuan: yuan('granted_yuan'),
    submittedOn: day('submitted_on'),
    approvedOn: day('approved_on'),
    disbursedOn: day('disbursed_on'),
    /** Documents filed: [{ name, note }]. */
    documents: jsonb('documents').$type<{ name: string; note: string | null }[]>().notNull().default([]),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** The day the deadline reminder went out (once per application). */
    remindedOn: day('reminded_on'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('funding_applications_zone_reserve_programme_uq').on(t.zoneId, t.reserveId, t.programmeId),
    index('funding_applications_zone_programme_idx').on(t.zoneId, t.programmeId, t.status),
    check('funding_applications_granted_ck', sql`${t.grantedYuan} is null or ${t.grantedYuan} <= ${t.askedYuan}`),
  ],
);

/** 对接记录: a contact with an upper department (who, when, what, next step). */
export const fundingContacts = pgTable(
  'funding_contacts',
  {
    id: id(),
    zoneId: zoneRef(),
    contactedOn: day('contacted_on').notNull(),
    department: text('department').notNull(),
    person: text('person'),
    subject: text('subject').notNull(),
    nextStep: text('next_step'),
    programmeId: uuid('programme_id').references(() => fundingProgrammes.id, { onDelete: 'set null' }),
    reserveId: uuid('reserve_id').references(() => fundingReserve.id, { onDelete: 'set null' }),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('funding_contacts_zone_on_idx').on(t.zoneId, t.contactedOn)],
);

/**
 * Approval services (审批服务): the zone's 赋权事项 catalogue and the cases handled under 承诺制 or
 * 全代办, each optionally linked to an item of a project's approval checklist (project_approvals),
 * so one filing updates both. Zone-scoped; indexes lead with zone_id.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseLevels, caseModes, caseSteps, inspectionResults, promiseSteps } from '../../../contract/services/enums.ts';
import { createdAt, day, id, updatedAt, version } from '../../db/schema/columns.ts';
import { users, zoneRef, zones } from '../../db/schema/foundation.ts';
import { projectApprovals, projects } from '../../db/schema/projects.ts';
import { enterprises } from '../../db/schema/reference.ts';

/** 赋权事项: a power delegated to the zone, with its statutory and promised working days. */
export const delegatedItems = pgTable(
  'delegated_items',
  {
    id: id(),
    zoneId: zoneRef(),
    code: text('code'),
    name: text('name').notNull(),
    /** 下放部门 */
    department: text('department').notNull(),
    legalBasis: text('legal_basis'),
    statutoryDays: smallint('statutory_days'),
    promisedDays: smallint('promised_days'),
    materials: text('materials'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('delegated_items_zone_name_uq').on(t.zoneId, t.name),
    check('delegated_items_days_ck', sql`${t.promisedDays} is null or ${t.statutoryDays} is null or ${t.promisedDays} <= ${t.statutoryDays}`),
  ],
);

/** A case (办件) under 承诺制 or 全代办. */
export const approvalCases = pgTable(
  'approval_cases',
  {
    id: id(),
    zoneId: zoneRef(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => delegatedItems.id),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    /** The project's checklist item this case fulfils (its filed/granted dates follow the case). */
    projectApprovalId: uuid('project_approval_id').references(() => projectApprovals.id, { onDelete: 'set null' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    applicant: text('applicant').notNull(),
    mode: text('mode', { enum: caseModes }).notNull(),
    step: text('step', { enum: [...caseSteps, ...promiseSteps] }).notNull(),
    agentUserId: uuid('agent_user_id').references(() => users.id),
    acceptedOn: day('accepted_on').notNull(),
    /** accepted_on + the item's promised working days on the official calendar. */
    dueOn: day('due_on'),
    materialsOn: day('materials_on'),
    filedOn: day('filed_on'),
    grantedOn: day('granted_on'),
    promiseSignedOn: day('promise_signed_on'),
    inspectionDueOn: day('inspection_due_on'),
    inspectedOn: day('inspected_on'),
    inspectionResult: text('inspection_result', { enum: inspectionResults }),
    /** 满意度 1–5. */
    satisfaction: smallint('satisfaction'),
    documents: jsonb('documents').$type<{ name: string; note: string | null }[]>().notNull().default([]),
    level: text('level', { enum: caseLevels }).notNull().default('agent'),
    levelSince: day('level_since'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('approval_cases_zone_step_idx').on(t.zoneId, t.step, t.dueOn),
    index('approval_cases_zone_agent_idx').on(t.zoneId, t.agentUserId),
    index('approval_cases_zone_project_idx').on(t.zoneId, t.projectId),
    uniqueIndex('approval_cases_zone_project_approval_uq')
      .on(t.zoneId, t.projectApprovalId)
      .where(sql`${t.projectApprovalId} is not null`),
    check('approval_cases_satisfaction_ck', sql`${t.satisfaction} is null or ${t.satisfaction} between 1 and 5`),
  ],
);

/** A zone's rule for overdue cases: working days at a level before it escalates. */
export const approvalServiceSettings = pgTable('approval_service_settings', {
  zoneId: uuid('zone_id')
    .primaryKey()
    .references(() => zones.id),
  escalationWorkdays: smallint('escalation_workdays').notNull().default(2),
  version: version(),
  updatedAt: updatedAt(),
});

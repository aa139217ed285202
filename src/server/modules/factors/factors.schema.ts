/**
 * 要素保障: requests for land, power, water, gas, heat and talent from projects and enterprises,
 * with the department responsible and the outcome; an unresolved one may be raised as a 堵点
 * (blocker_id then names it). Zone-scoped.
 */
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { factorKinds, factorStatuses } from '../../../contract/services/enums.ts';
import { createdAt, day, id, updatedAt, version } from '../../db/schema/columns.ts';
import { blockers } from '../../db/schema/dispatch.ts';
import { departments, zoneRef } from '../../db/schema/foundation.ts';
import { projects } from '../../db/schema/projects.ts';
import { enterprises } from '../../db/schema/reference.ts';

export const factorRequests = pgTable(
  'factor_requests',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    kind: text('kind', { enum: factorKinds }).notNull(),
    description: text('description').notNull(),
    quantity: text('quantity'),
    requestedOn: day('requested_on').notNull(),
    neededBy: day('needed_by'),
    departmentId: uuid('department_id').references(() => departments.id),
    status: text('status', { enum: factorStatuses }).notNull().default('open'),
    outcome: text('outcome'),
    resolvedOn: day('resolved_on'),
    blockerId: uuid('blocker_id').references(() => blockers.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('factor_requests_zone_status_idx').on(t.zoneId, t.status, t.requestedOn), index('factor_requests_zone_project_idx').on(t.zoneId, t.projectId)],
);

/** SQL for decisions (议定事项) of meetings. */
import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { blockers, decisions, departments, meetings, projects, users } from '../../db/schema.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { DecisionStatus } from '../../../contract/dispatch-enums.ts';
import type { CallerScope } from './refs.repository.ts';

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionWithNames = DecisionRow & {
  ownerName: string;
  departmentName: string | null;
  projectName: string | null;
  blockerTitle: string | null;
  meetingTitle: string;
};

export function createDecisionsRepository() {
  const decisionOwner = alias(users, 'decision_owner');
  /** The decisions' columns read from `from`: the table, or a page of it chosen first (listDecisions). */
  const columnsOf = (from: typeof decisions) =>
    Object.fromEntries(Object.keys(getTableColumns(decisions)).map((k) => [k, from[k as keyof typeof from]])) as ReturnType<typeof getTableColumns<typeof decisions>>;
  const decisionQuery = (db: DbOrTx, from: typeof decisions = decisions) =>
    db
      .select({
        d: columnsOf(from),
        ownerName: decisionOwner.displayName,
        departmentName: departments.name,
        projectName: projects.name,
        blockerTitle: blockers.title,
        meetingTitle: meetings.title,
      })
      .from(from)
      // zone_id equated (always true: a decision's meeting, project and blocker share its zone), so Citus
      // joins shard by shard. The list joins only its page, chosen on decisions alone first
      // (listDecisions): joined before the page, the province-scale plan read all decisions by a
      // sequential scan (test/province-plans.test.ts).
      .innerJoin(meetings, and(eq(meetings.id, from.meetingId), eq(meetings.zoneId, from.zoneId)))
      .innerJoin(decisionOwner, eq(decisionOwner.id, from.ownerUserId))
      .leftJoin(departments, eq(departments.id, from.departmentId))
      .leftJoin(projects, and(eq(projects.id, from.projectId), eq(projects.zoneId, from.zoneId)))
      .leftJoin(blockers, and(eq(blockers.id, from.blockerId), eq(blockers.zoneId, from.zoneId)));
  const flatDecision = ({ d, ...names }: { d: DecisionRow } & Omit<DecisionWithNames, keyof DecisionRow>): DecisionWithNames => ({ ...d, ...names });

  return {
    async decisionsOfMeeting(db: DbOrTx, meetingId: string): Promise<DecisionWithNames[]> {
      return (await decisionQuery(db).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.createdAt), asc(decisions.id))).map(flatDecision);
    },
    async listDecisions(db: DbOrTx, scope: CallerScope, f: { status?: DecisionStatus; ownerUserId?: string }): Promise<DecisionWithNames[]> {
      // The page first, on decisions alone (by its (zone, deadline, id) or (deadline, id) index), then
      // only its rows joined to their names on (zone_id, id).
      const page = db
        .select()
        .from(decisions)
        .where(
          and(
            zoneScope(scope.session, decisions.zoneId, scope.zoneId),
            f.status ? eq(decisions.status, f.status) : undefined,
            f.ownerUserId ? eq(decisions.ownerUserId, f.ownerUserId) : undefined,
          ),
        )
        .orderBy(asc(decisions.deadlineOn), asc(decisions.id))
        .limit(500)
        // (A sub-query's fields are the table's columns read from "page": typed as the table's.)
        .as('page') as unknown as typeof decisions;
      return (await decisionQuery(db, page).orderBy(asc(page.deadlineOn), asc(page.id))).map(flatDecision);
    },
    async findDecision(db: DbOrTx, id: string): Promise<DecisionWithNames | undefined> {
      const [row] = await decisionQuery(db).where(eq(decisions.id, id));
      return row ? flatDecision(row) : undefined;
    },
    /** The decisions named, whatever their zone (the service checks each against the caller's scope). */
    async findDecisions(db: DbOrTx, ids: readonly string[]): Promise<DecisionWithNames[]> {
      if (!ids.length) return [];
      return (await decisionQuery(db).where(inArray(decisions.id, [...ids]))).map(flatDecision);
    },
    async decisionZone(db: DbOrTx, id: string): Promise<string | undefined> {
      const [row] = await db.select({ zoneId: decisions.zoneId }).from(decisions).where(eq(decisions.id, id));
      return row?.zoneId;
    },
    async insertDecision(db: DbOrTx, values: typeof decisions.$inferInsert): Promise<DecisionRow> {
      const [row] = await db.insert(decisions).values(values).returning();
      return row;
    },
    updateDecision: (db: DbOrTx, id: string, version: number, patch: Partial<typeof decisions.$inferInsert>) =>
      updateVersioned(db, decisions, id, version, patch),
    /** Open decisions assigned to the user (我的待办). */
    myDecisions: (db: DbOrTx, session: CallerScope['session'], userId: string) =>
      db
        .select({
          id: decisions.id,
          zoneId: decisions.zoneId,
          task: decisions.task,
          deadlineOn: decisions.deadlineOn,
          meetingId: decisions.meetingId,
          meetingTitle: meetings.title,
        })
        .from(decisions)
        // zone_id equated (always true: a decision's meeting shares its zone): Citus joins shard by shard.
        .innerJoin(meetings, and(eq(meetings.id, decisions.meetingId), eq(meetings.zoneId, decisions.zoneId)))
        .where(and(zoneScope(session, decisions.zoneId), eq(decisions.status, 'open'), eq(decisions.ownerUserId, userId)))
        .orderBy(asc(decisions.deadlineOn))
        .limit(100),
  };
}

export type DecisionsRepository = ReturnType<typeof createDecisionsRepository>;

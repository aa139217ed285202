/** SQL for blockers (堵点), their timeline and the escalation sweep. */
import { and, asc, desc, eq, getTableColumns, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { blockerEvents, blockers, departments, leads, projects, users } from '../../db/schema.ts';
import { containsPattern } from '../../db/sql-helpers.ts';
import { AppError } from '../../platform/errors.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { BlockerCategory, BlockerLevel, BlockerStatus } from '../../../contract/dispatch-enums.ts';
import type { CallerScope } from './refs.repository.ts';

export type BlockerRow = typeof blockers.$inferSelect;
export type BlockerWithNames = BlockerRow & {
  projectName: string | null;
  leadName: string | null;
  departmentName: string | null;
  responsibleName: string | null;
  ownerName: string | null;
};
export type BlockerEventRow = typeof blockerEvents.$inferSelect;

export interface BlockerFilter {
  status?: BlockerStatus | 'unresolved';
  level?: BlockerLevel;
  category?: BlockerCategory;
  projectId?: string;
  overdueOn?: string;
  notOverdueOn?: string;
  userId?: string;
  q?: string;
}

export function createBlockersRepository() {
  const responsible = alias(users, 'responsible');
  const owner = alias(users, 'owner');
  /** The blockers' columns read from `from`: the table, or a page of it chosen first (listBlockers). */
  const columnsOf = (from: typeof blockers) =>
    Object.fromEntries(Object.keys(getTableColumns(blockers)).map((k) => [k, from[k as keyof typeof from]])) as ReturnType<typeof getTableColumns<typeof blockers>>;
  const blockerQuery = (db: DbOrTx, from: typeof blockers = blockers) =>
    db
      .select({
        b: columnsOf(from),
        projectName: projects.name,
        leadName: leads.name,
        departmentName: departments.name,
        responsibleName: responsible.displayName,
        ownerName: owner.displayName,
      })
      .from(from)
      // zone_id equated (always true: a blocker's project and lead share its zone), so Citus joins shard
      // by shard. The list joins only its page, chosen on blockers alone first (listBlockers): joined
      // before the page, the province-scale plan read all projects by a sequential scan
      // (test/province-plans.test.ts).
      .leftJoin(projects, and(eq(projects.id, from.projectId), eq(projects.zoneId, from.zoneId)))
      .leftJoin(leads, and(eq(leads.id, from.leadId), eq(leads.zoneId, from.zoneId)))
      .leftJoin(departments, eq(departments.id, from.departmentId))
      .leftJoin(responsible, eq(responsible.id, from.responsibleUserId))
      .leftJoin(owner, eq(owner.id, from.ownerUserId));
  const flatBlocker = ({ b, ...names }: { b: BlockerRow } & Omit<BlockerWithNames, keyof BlockerRow>): BlockerWithNames => ({ ...b, ...names });

  function blockerWhere(scope: CallerScope, f: BlockerFilter): SQL | undefined {
    const c: (SQL | undefined)[] = [zoneScope(scope.session, blockers.zoneId, scope.zoneId)];
    if (f.status === 'unresolved') c.push(ne(blockers.status, 'resolved'));
    else if (f.status) c.push(eq(blockers.status, f.status));
    if (f.level) c.push(eq(blockers.level, f.level));
    if (f.category) c.push(eq(blockers.category, f.category));
    if (f.projectId) c.push(eq(blockers.projectId, f.projectId));
    if (f.overdueOn) c.push(and(ne(blockers.status, 'resolved'), lt(blockers.deadlineOn, f.overdueOn)));
    if (f.notOverdueOn) c.push(or(eq(blockers.status, 'resolved'), sql`${blockers.deadlineOn} >= ${f.notOverdueOn}`));
    if (f.userId) c.push(or(eq(blockers.ownerUserId, f.userId), eq(blockers.responsibleUserId, f.userId)));
    if (f.q) c.push(sql`${blockers.title} ilike ${containsPattern(f.q)}`);
    return and(...c);
  }

  /** Overdue first, then open, then resolved; by deadline, latest change, id. */
  const listOrder = (t: typeof blockers, today: string) => [
    sql`case when ${t.status} <> 'resolved' and ${t.deadlineOn} < ${today} then 0 when ${t.status} <> 'resolved' then 1 else 2 end`,
    asc(t.deadlineOn),
    desc(t.updatedAt),
    asc(t.id),
  ];

  return {
    async countBlockers(db: DbOrTx, scope: CallerScope, f: BlockerFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(blockers)
        .where(blockerWhere(scope, f));
      return Number(row.n);
    },

    async listBlockers(db: DbOrTx, scope: CallerScope, f: BlockerFilter, today: string, page = { limit: 5000, offset: 0 }): Promise<BlockerWithNames[]> {
      // The page first, on blockers alone (its filter and order, nothing joined), then only its rows
      // joined to their names on (zone_id, id).
      // (A sub-query's fields are the table's columns read from "page": typed as the table's.)
      const pageRows = db
        .select()
        .from(blockers)
        .where(blockerWhere(scope, f))
        .orderBy(...listOrder(blockers, today))
        .limit(page.limit)
        .offset(page.offset)
        .as('page') as unknown as typeof blockers;
      const rows = await blockerQuery(db, pageRows).orderBy(...listOrder(pageRows, today));
      return rows.map(flatBlocker);
    },

    blockerCounts: (db: DbOrTx, scope: CallerScope, today: string) =>
      db
        .select({
          level: blockers.level,
          status: blockers.status,
          n: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) filter (where ${blockers.status} <> 'resolved' and ${blockers.deadlineOn} < ${today})::int`,
        })
        .from(blockers)
        .where(zoneScope(scope.session, blockers.zoneId, scope.zoneId))
        .groupBy(blockers.level, blockers.status),

    async findBlocker(db: DbOrTx, id: string): Promise<BlockerWithNames | undefined> {
      const [row] = await blockerQuery(db).where(eq(blockers.id, id));
      return row ? flatBlocker(row) : undefined;
    },

    /** The blockers named, whatever their zone (the service checks each against the caller's scope). */
    async findBlockers(db: DbOrTx, ids: readonly string[]): Promise<BlockerWithNames[]> {
      if (!ids.length) return [];
      return (await blockerQuery(db).where(inArray(blockers.id, [...ids]))).map(flatBlocker);
    },

    async blockerZone(db: DbOrTx, id: string): Promise<string | undefined> {
      const [row] = await db.select({ zoneId: blockers.zoneId }).from(blockers).where(eq(blockers.id, id));
      return row?.zoneId;
    },

    async insertBlocker(db: DbOrTx, values: typeof blockers.$inferInsert): Promise<BlockerRow> {
      const [row] = await db.insert(blockers).values(values).returning();
      return row;
    },

    updateBlocker: (db: DbOrTx, id: string, version: number, patch: Partial<typeof blockers.$inferInsert>) => updateVersioned(db, blockers, id, version, patch),

    /** Like updateBlocker, but answers undefined instead of throwing when someone else saved first (the sweeper skips it). */
    async updateBlockerIfVersion(db: DbOrTx, id: string, version: number, patch: Partial<typeof blockers.$inferInsert>): Promise<BlockerRow | undefined> {
      try {
        return await updateVersioned(db, blockers, id, version, patch);
      } catch (err) {
        if (err instanceof AppError && err.code === 'VERSION_CONFLICT') return undefined;
        throw err;
      }
    },

    async insertEvents(db: DbOrTx, rows: (typeof blockerEvents.$inferInsert)[]) {
      if (rows.length) await db.insert(blockerEvents).values(rows);
    },

    events: (db: DbOrTx, blockerId: string) =>
      db.select().from(blockerEvents).where(eq(blockerEvents.blockerId, blockerId)).orderBy(asc(blockerEvents.at), asc(blockerEvents.id)),

    /** Unresolved, past their deadline and below the top level: the only blockers that may escalate. */
    escalationCandidates: (db: DbOrTx, scope: CallerScope | 'all', today: string): Promise<BlockerRow[]> =>
      db
        .select()
        .from(blockers)
        .where(
          and(
            scope === 'all' ? undefined : zoneScope(scope.session, blockers.zoneId, scope.zoneId),
            ne(blockers.status, 'resolved'),
            lt(blockers.deadlineOn, today),
            ne(blockers.level, 'main_leader'),
          ),
        ),

    /** Unresolved blockers of a zone that are overdue on `on` or escalated to the meeting level or above (the agenda's). */
    async agendaBlockers(db: DbOrTx, zoneId: string, on: string): Promise<BlockerWithNames[]> {
      const rows = await blockerQuery(db)
        .where(
          and(
            eq(blockers.zoneId, zoneId),
            ne(blockers.status, 'resolved'),
            or(lt(blockers.deadlineOn, on), inArray(blockers.level, ['meeting', 'main_leader'])),
          ),
        )
        .orderBy(desc(sql`array_position(array['task_force','leader','meeting','main_leader']::text[], ${blockers.level})`), asc(blockers.deadlineOn));
      return rows.map(flatBlocker);
    },

    /** Unresolved blockers the user owns or is responsible for (我的待办). */
    myBlockers: (db: DbOrTx, session: CallerScope['session'], userId: string) =>
      db
        .select({
          id: blockers.id,
          zoneId: blockers.zoneId,
          title: blockers.title,
          deadlineOn: blockers.deadlineOn,
          level: blockers.level,
          projectName: projects.name,
        })
        .from(blockers)
        // zone_id equated (always true: a blocker's project shares its zone): Citus joins shard by shard.
        .leftJoin(projects, and(eq(projects.id, blockers.projectId), eq(projects.zoneId, blockers.zoneId)))
        .where(
          and(
            zoneScope(session, blockers.zoneId),
            ne(blockers.status, 'resolved'),
            or(eq(blockers.ownerUserId, userId), eq(blockers.responsibleUserId, userId)),
          ),
        )
        .orderBy(asc(blockers.deadlineOn))
        .limit(100),
  };
}

export type BlockersRepository = ReturnType<typeof createBlockersRepository>;

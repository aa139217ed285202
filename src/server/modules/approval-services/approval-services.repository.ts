/** The only SQL of the approval services (赋权事项, 承诺制/全代办 cases). Lists filter with the caller's scope. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid, containsPattern } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { approvalCases, approvalServiceSettings, delegatedItems } from './approval-services.schema.ts';

type Scope = Pick<SessionContext, 'scope'>;
export type ItemRow = typeof delegatedItems.$inferSelect;
export type CaseRow = typeof approvalCases.$inferSelect;

export interface CaseFilter {
  zoneId?: string;
  open?: boolean;
  mode?: string;
  projectId?: string;
  agentUserId?: string;
  ids?: string[];
}

export function createApprovalServicesRepository() {
  return {
    item: async (db: DbOrTx, id: string) => (await db.select().from(delegatedItems).where(eq(delegatedItems.id, id)))[0],
    case: async (db: DbOrTx, id: string) => (await db.select().from(approvalCases).where(eq(approvalCases.id, id)))[0],

    async listItems(db: DbOrTx, s: Scope, q: { zoneId?: string; q?: string; ids?: string[] }) {
      return rowsOf<ItemRow & { case_count: number }>(
        await db.execute(sql`
          select i.id, i.zone_id as "zoneId", i.code, i.name, i.department, i.legal_basis as "legalBasis", i.statutory_days as "statutoryDays",
                 i.promised_days as "promisedDays", i.materials, i.version,
                 (select count(*)::int from approval_cases c where c.zone_id = i.zone_id and c.item_id = i.id) as case_count
          from delegated_items i
          where ${zoneScope(s, sql`i.zone_id`, q.zoneId)}
            ${q.q ? sql`and (i.name ilike ${containsPattern(q.q)} or i.department ilike ${containsPattern(q.q)} or i.code ilike ${containsPattern(q.q)})` : sql``}
            ${q.ids ? sql`and i.id = ${anyUuid(q.ids)}` : sql``}
          order by i.department, i.code nulls last, i.name`),
      );
    },
    async itemByName(db: DbOrTx, zoneId: string, name: string, exceptId?: string) {
      const [row] = await db
        .select({ id: delegatedItems.id, version: delegatedItems.version })
        .from(delegatedItems)
        .where(and(eq(delegatedItems.zoneId, zoneId), eq(delegatedItems.name, name), exceptId ? sql`${delegatedItems.id} <> ${exceptId}::uuid` : undefined));
      return row;
    },
    async itemsByNames(db: DbOrTx, zoneId: string, names: string[]) {
      if (!names.length) return new Map<string, { id: string; version: number }>();
      const rows = await db
        .select({ id: delegatedItems.id, name: delegatedItems.name, version: delegatedItems.version })
        .from(delegatedItems)
        .where(and(eq(delegatedItems.zoneId, zoneId), inArray(delegatedItems.name, names)));
      return new Map(rows.map((r) => [r.name, { id: r.id, version: r.version }]));
    },
    insertItem: async (db: DbOrTx, v: typeof delegatedItems.$inferInsert) => (await db.insert(delegatedItems).values(v).returning())[0],
    /** Current version and name of items (an import's undo compares the version it left). */
    async itemVersions(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return new Map<string, { version: number; name: string }>();
      const rows = rowsOf<{ id: string; version: number; name: string }>(await db.execute(sql`select id, version, name from delegated_items where id = ${anyUuid(ids)}`));
      return new Map(rows.map((r) => [r.id, { version: Number(r.version), name: r.name }]));
    },
    async deleteItems(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return 0;
      return rowsOf<{ id: string }>(await db.execute(sql`delete from delegated_items where id = ${anyUuid(ids)} returning id`)).length;
    },
    async insertItems(db: DbOrTx, rows: (typeof delegatedItems.$inferInsert)[]) {
      return rows.length ? db.insert(delegatedItems).values(rows).returning() : [];
    },
    updateItem: (db: DbOrTx, id: string, version: number, patch: Partial<typeof delegatedItems.$inferInsert>) =>
      updateVersioned(db, delegatedItems, id, version, patch),

    async listCases(db: DbOrTx, s: Scope, q: CaseFilter) {
      return rowsOf<
        CaseRow & { item_name: string; project_name: string | null; project_approval_name: string | null; agent_name: string | null; owner_name: string | null }
      >(
        await db.execute(sql`
          select c.id, c.zone_id as "zoneId", c.item_id as "itemId", c.project_id as "projectId", c.project_approval_id as "projectApprovalId",
                 c.enterprise_id as "enterpriseId", c.applicant, c.mode, c.step, c.agent_user_id as "agentUserId",
                 c.accepted_on::text as "acceptedOn", c.due_on::text as "dueOn", c.materials_on::text as "materialsOn", c.filed_on::text as "filedOn",
                 c.granted_on::text as "grantedOn", c.promise_signed_on::text as "promiseSignedOn", c.inspection_due_on::text as "inspectionDueOn",
                 c.inspected_on::text as "inspectedOn", c.inspection_result as "inspectionResult", c.satisfaction, c.documents, c.level,
                 c.level_since::text as "levelSince", c.owner_user_id as "ownerUserId", c.note, c.version,
                 i.name as item_name, p.name as project_name, pa.name as project_approval_name, ua.display_name as agent_name, uo.display_name as owner_name
          from approval_cases c
          join delegated_items i on i.id = c.item_id and i.zone_id = c.zone_id
          left join projects p on p.id = c.project_id and p.zone_id = c.zone_id
          left join project_approvals pa on pa.id = c.project_approval_id and pa.zone_id = c.zone_id
          left join users ua on ua.id = c.agent_user_id
          left join users uo on uo.id = c.owner_user_id
          where ${zoneScope(s, sql`c.zone_id`, q.zoneId)}
            ${q.open === true ? sql`and c.step not in ('granted', 'inspected')` : q.open === false ? sql`and c.step in ('granted', 'inspected')` : sql``}
            ${q.mode ? sql`and c.mode = ${q.mode}` : sql``}
            ${q.projectId ? sql`and c.project_id = ${q.projectId}::uuid` : sql``}
            ${q.agentUserId ? sql`and (c.agent_user_id = ${q.agentUserId}::uuid or c.owner_user_id = ${q.agentUserId}::uuid)` : sql``}
            ${q.ids ? sql`and c.id = ${anyUuid(q.ids)}` : sql``}
          order by coalesce(c.due_on, c.inspection_due_on) nulls last, c.accepted_on`),
      );
    },
    insertCase: async (db: DbOrTx, v: typeof approvalCases.$inferInsert) => (await db.insert(approvalCases).values(v).returning())[0],
    updateCase: (db: DbOrTx, id: string, version: number, patch: Partial<typeof approvalCases.$inferInsert>) =>
      updateVersioned(db, approvalCases, id, version, patch),
    /** The escalation sweep's write: undefined when someone saved first. */
    async updateCaseIfVersion(db: DbOrTx, id: string, version: number, patch: Partial<typeof approvalCases.$inferInsert>) {
      const rows = await db
        .update(approvalCases)
        .set({ ...patch, version: sql`${approvalCases.version} + 1`, updatedAt: new Date() })
        .where(and(eq(approvalCases.id, id), eq(approvalCases.version, version)))
        .returning();
      return rows[0];
    },
    async caseOfProjectApproval(db: DbOrTx, zoneId: string, projectApprovalId: string) {
      const [row] = await db
        .select({ id: approvalCases.id })
        .from(approvalCases)
        .where(and(eq(approvalCases.zoneId, zoneId), eq(approvalCases.projectApprovalId, projectApprovalId)));
      return row?.id;
    },
    /** Open cases past their due day (全代办: due_on; 承诺制: inspection due), in the caller's zones. */
    async overdueOpen(db: DbOrTx, s: Scope | null, today: string, zoneId?: string) {
      return rowsOf<{ id: string }>(
        await db.execute(sql`
          select c.id from approval_cases c
          where ${s ? zoneScope(s, sql`c.zone_id`, zoneId) : sql`true`} and c.step not in ('granted', 'inspected')
            and coalesce(c.due_on, c.inspection_due_on) < ${today}::date`),
      ).map((r) => r.id);
    },
    async escalationWorkdays(db: DbOrTx, zoneId: string) {
      const [row] = await db
        .select({ d: approvalServiceSettings.escalationWorkdays })
        .from(approvalServiceSettings)
        .where(eq(approvalServiceSettings.zoneId, zoneId));
      return row?.d;
    },
    async zoneUsers(db: DbOrTx, zoneId: string) {
      return rowsOf<{ id: string; role: string }>(
        await db.execute(
          sql`select u.id, u.role from users u join user_zones uz on uz.user_id = u.id where uz.zone_id = ${zoneId}::uuid and u.active order by u.created_at, u.id`,
        ),
      );
    },
    async projectLeader(db: DbOrTx, projectId: string) {
      return (
        rowsOf<{ leader_user_id: string | null }>(await db.execute(sql`select leader_user_id from projects where id = ${projectId}::uuid`))[0]
          ?.leader_user_id ?? null
      );
    },
    async projectZone(db: DbOrTx, projectId: string) {
      return rowsOf<{ zone_id: string }>(await db.execute(sql`select zone_id from projects where id = ${projectId}::uuid`))[0]?.zone_id;
    },
    async userCoversZone(db: DbOrTx, userId: string, zoneId: string) {
      return (
        rowsOf(
          await db.execute(
            sql`select 1 from users u where u.id = ${userId}::uuid and u.active and (u.role = 'system_admin' or exists (select 1 from user_zones uz where uz.user_id = u.id and uz.zone_id = ${zoneId}::uuid))`,
          ),
        ).length > 0
      );
    },
  };
}

export type ApprovalServicesRepository = ReturnType<typeof createApprovalServicesRepository>;

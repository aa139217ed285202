/** The only SQL of 要素保障. Lists filter with the caller's scope. */
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { factorRequests } from './factors.schema.ts';

export type FactorRow = typeof factorRequests.$inferSelect;

export function createFactorsRepository() {
  return {
    request: async (db: DbOrTx, id: string) => (await db.select().from(factorRequests).where(eq(factorRequests.id, id)))[0],
    async list(db: DbOrTx, s: Pick<SessionContext, 'scope'>, q: { zoneId?: string; status?: string; ids?: string[] }) {
      return rowsOf<FactorRow & { project_name: string | null; enterprise_name: string | null; department_name: string | null }>(
        await db.execute(sql`
          select f.id, f.zone_id as "zoneId", f.project_id as "projectId", f.enterprise_id as "enterpriseId", f.kind, f.description, f.quantity,
                 f.requested_on::text as "requestedOn", f.needed_by::text as "neededBy", f.department_id as "departmentId", f.status, f.outcome,
                 f.resolved_on::text as "resolvedOn", f.blocker_id as "blockerId", f.version,
                 p.name as project_name, e.name as enterprise_name, d.name as department_name
          from factor_requests f
          left join projects p on p.id = f.project_id and p.zone_id = f.zone_id
          left join enterprises e on e.id = f.enterprise_id
          left join departments d on d.id = f.department_id
          where ${zoneScope(s, sql`f.zone_id`, q.zoneId)} ${q.status ? sql`and f.status = ${q.status}` : sql``} ${q.ids ? sql`and f.id = ${anyUuid(q.ids)}` : sql``}
          order by f.status = 'open' desc, f.requested_on desc`),
      );
    },
    insert: async (db: DbOrTx, v: typeof factorRequests.$inferInsert) => (await db.insert(factorRequests).values(v).returning())[0],
    update: (db: DbOrTx, id: string, version: number, patch: Partial<typeof factorRequests.$inferInsert>) =>
      updateVersioned(db, factorRequests, id, version, patch),
    async projectZone(db: DbOrTx, id: string) {
      return rowsOf<{ zone_id: string; name: string }>(await db.execute(sql`select zone_id, name from projects where id = ${id}::uuid`))[0];
    },
    async departmentZone(db: DbOrTx, id: string) {
      return rowsOf<{ zone_id: string }>(await db.execute(sql`select zone_id from departments where id = ${id}::uuid`))[0]?.zone_id;
    },
    async zoneName(db: DbOrTx, zoneId: string) {
      return rowsOf<{ name: string }>(await db.execute(sql`select short_name as name from zones where id = ${zoneId}::uuid`))[0]?.name ?? null;
    },
    async enterpriseExists(db: DbOrTx, id: string) {
      return rowsOf(await db.execute(sql`select 1 from enterprises where id = ${id}::uuid`)).length > 0;
    },
  };
}
export type FactorsRepository = ReturnType<typeof createFactorsRepository>;

import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';

export function createWorkbenchRepository() {
  return {
    /** One row per zone of the caller's, with its headline counts, in one round trip. */
    async zoneSummaries(db: DbOrTx, s: Pick<SessionContext, 'scope'>) {
      const result = await db.execute(sql`
        select z.id, z.name, z.short_name,
          (select count(*)::int from parks p where p.zone_id = z.id) as parks,
          (select count(*)::int from departments d where d.zone_id = z.id) as departments,
          (select count(*)::int from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.active) as users
        from zones z
        where ${zoneScope(s, sql`z.id`)}
        order by z.code`);
      type Row = { id: string; name: string; short_name: string; parks: number; departments: number; users: number };
      return rowsOf<Row>(result).map((r) => ({
        id: r.id,
        name: r.name,
        shortName: r.short_name,
        parks: Number(r.parks),
        departments: Number(r.departments),
        users: Number(r.users),
      }));
    },
  };
}

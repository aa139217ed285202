/** The people, projects, leads and zones dispatch refers to (read only). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { departments, leads, projects, users, userZones, zones } from '../../db/schema.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';

/** Whose zones a list covers: the caller's, or the one zone asked for (nothing when outside the caller's). */
export interface CallerScope {
  session: Pick<SessionContext, 'scope'>;
  zoneId?: string | null;
}

export function createRefsRepository() {
  return {
    async zoneUsers(db: DbOrTx, zoneId: string) {
      return db
        .select({ id: users.id, displayName: users.displayName, role: users.role, username: users.username })
        .from(users)
        .innerJoin(userZones, eq(userZones.userId, users.id))
        .where(and(eq(userZones.zoneId, zoneId), eq(users.active, true)))
        .orderBy(asc(users.username));
    },
    async userInZone(db: DbOrTx, userId: string, zoneId: string): Promise<{ id: string; displayName: string } | undefined> {
      const [row] = await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .innerJoin(userZones, eq(userZones.userId, users.id))
        .where(and(eq(users.id, userId), eq(userZones.zoneId, zoneId)));
      return row;
    },
    async departmentZone(db: DbOrTx, id: string) {
      const [row] = await db.select({ zoneId: departments.zoneId }).from(departments).where(eq(departments.id, id));
      return row?.zoneId;
    },
    async project(db: DbOrTx, id: string) {
      const [row] = await db
        .select({
          id: projects.id,
          zoneId: projects.zoneId,
          name: projects.name,
          leaderUserId: projects.leaderUserId,
          departmentId: projects.departmentId,
          totalInvestmentYuan: projects.totalInvestmentYuan,
        })
        .from(projects)
        .where(eq(projects.id, id));
      return row;
    },
    async lead(db: DbOrTx, id: string) {
      const [row] = await db
        .select({ id: leads.id, zoneId: leads.zoneId, name: leads.name, plannedInvestmentYuan: leads.plannedInvestmentYuan })
        .from(leads)
        .where(eq(leads.id, id));
      return row;
    },
    async projectDates(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: projects.id, signedOn: projects.signedOn, startOn: projects.startOn, productionOn: projects.productionOn })
        .from(projects)
        .where(sql`${projects.id} = ${anyUuid(ids)}`);
    },
    async zoneName(db: DbOrTx, id: string) {
      const [row] = await db.select({ name: zones.name, shortName: zones.shortName }).from(zones).where(eq(zones.id, id));
      return row;
    },
    /** The zones of a scope, by code. */
    zonesIn: (db: DbOrTx, scope: CallerScope) =>
      db
        .select({ id: zones.id, name: zones.name, shortName: zones.shortName })
        .from(zones)
        .where(zoneScope(scope.session, zones.id, scope.zoneId))
        .orderBy(asc(zones.code)),
    async zoneNames(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: zones.id, name: zones.name, shortName: zones.shortName })
        .from(zones)
        .where(sql`${zones.id} = ${anyUuid(ids)}`)
        .orderBy(asc(zones.code));
    },
  };
}

export type RefsRepository = ReturnType<typeof createRefsRepository>;

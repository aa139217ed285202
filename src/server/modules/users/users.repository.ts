import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users, userZones, zones } from '../../db/schema.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { containsPattern } from '../../db/sql-helpers.ts';
import { updateVersioned } from '../../platform/versioned.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithZones = UserRow & { zoneIds: string[] };

export interface UserFilter {
  q?: string;
  role?: string;
  zoneId?: string;
  active?: boolean;
  /** false: person records only (named by an import), true: login accounts only. */
  signsIn?: boolean;
}

async function attachZones(db: DbOrTx, rows: UserRow[]): Promise<UserWithZones[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(userZones)
    .where(
      inArray(
        userZones.userId,
        rows.map((r) => r.id),
      ),
    );
  const byUser = new Map<string, string[]>();
  for (const l of links) byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l.zoneId]);
  return rows.map((r) => ({ ...r, zoneIds: (byUser.get(r.id) ?? []).sort() }));
}

export function createUsersRepository() {
  return {
    async findByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
      return row;
    },

    async findById(db: DbOrTx, id: string): Promise<UserWithZones | undefined> {
      const rows = await db.select().from(users).where(eq(users.id, id));
      return (await attachZones(db, rows))[0];
    },

    /**
     * One page of the accounts the caller may see: with a zone asked for, those assigned to it; a
     * caller who does not cover every zone sees only accounts assigned to one of theirs.
     */
    async list(db: DbOrTx, s: Pick<SessionContext, 'scope'>, filter: UserFilter, page: { page: number; pageSize: number }) {
      const conditions: SQL[] = [];
      if (filter.q) {
        const like = containsPattern(filter.q);
        conditions.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
      }
      if (filter.role) conditions.push(eq(users.role, filter.role));
      if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
      if (filter.signsIn !== undefined) conditions.push(eq(users.signsIn, filter.signsIn));
      if (filter.zoneId || !s.scope.all) {
        const assigned = db
          .select({ one: sql`1` })
          .from(userZones)
          .where(and(eq(userZones.userId, users.id), zoneScope(s, userZones.zoneId, filter.zoneId)));
        conditions.push(exists(assigned));
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(asc(users.username))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ total: count() }).from(users).where(where),
      ]);
      return { items: await attachZones(db, rows), total: Number(total) };
    },

    async insert(db: DbOrTx, values: typeof users.$inferInsert, zoneIds: string[]): Promise<UserWithZones> {
      const [row] = await db.insert(users).values(values).returning();
      if (zoneIds.length) await db.insert(userZones).values(zoneIds.map((zoneId) => ({ userId: row.id, zoneId })));
      return { ...row, zoneIds: [...zoneIds].sort() };
    },

    update: (db: DbOrTx, id: string, version: number, patch: Partial<typeof users.$inferInsert>) => updateVersioned(db, users, id, version, patch),

    async replaceZones(db: DbOrTx, userId: string, zoneIds: string[]): Promise<void> {
      await db.delete(userZones).where(eq(userZones.userId, userId));
      if (zoneIds.length) await db.insert(userZones).values(zoneIds.map((zoneId) => ({ userId, zoneId })));
    },

    /** Counts a failed login; the one that reaches `maxFailures` locks the account until `now` + `lockMinutes` (the caller's clock). */
    async recordLoginFailure(db: DbOrTx, userId: string, maxFailures: number, lockMinutes: number, now: Date): Promise<{ locked: boolean }> {
      const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
      const [row] = await db
        .update(users)
        .set({
          failedLogins: sql`${users.failedLogins} + 1`,
          lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, userId))
        .returning({ lockedUntil: users.lockedUntil });
      return { locked: row?.lockedUntil != null && row.lockedUntil > now };
    },

    async recordLoginSuccess(db: DbOrTx, userId: string, now: Date): Promise<void> {
      await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, userId));
    },

    /** Password changes bump the version, so an admin's open edit form cannot overwrite them unseen. */
    async setPassword(db: DbOrTx, userId: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
      await db
        .update(users)
        .set({ passwordHash, mustChangePassword, failedLogins: 0, lockedUntil: null, version: sql`${users.version} + 1`, updatedAt: new Date() })
        .where(eq(users.id, userId));
    },

    async setLocale(db: DbOrTx, userId: string, locale: 'zh-CN' | 'en-US'): Promise<void> {
      await db.update(users).set({ locale }).where(eq(users.id, userId));
    },

    /** The zones a user covers, following the role's scope rule (see contract/roles.ts). */
    async scopeZoneIds(db: DbOrTx, user: Pick<UserRow, 'id' | 'role' | 'regionCode'>): Promise<string[]> {
      let rows: { id: string }[];
      if (user.role === 'system_admin') {
        rows = await db.select({ id: zones.id }).from(zones);
      } else if ((user.role === 'province_viewer' || user.role === 'city_viewer') && user.regionCode) {
        const prefix = user.regionCode.slice(0, user.role === 'province_viewer' ? 2 : 4);
        rows = await db
          .select({ id: zones.id })
          .from(zones)
          .where(sql`left(${zones.regionCode}, ${prefix.length}) = ${prefix}`);
      } else {
        rows = await db.select({ id: userZones.zoneId }).from(userZones).where(eq(userZones.userId, user.id));
      }
      return rows.map((r) => r.id).sort();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

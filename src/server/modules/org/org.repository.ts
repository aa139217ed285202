import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { departments, parks, regions, zones } from '../../db/schema.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';

type Scope = Pick<SessionContext, 'scope'>;

export type ZoneRow = typeof zones.$inferSelect;
export type ParkRow = typeof parks.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type ZoneWithParks = ZoneRow & { regionName: string; parks: ParkRow[] };

export function createOrgRepository() {
  async function withParks(db: DbOrTx, rows: (ZoneRow & { regionName: string })[]): Promise<ZoneWithParks[]> {
    if (rows.length === 0) return [];
    const parkRows = await db
      .select()
      .from(parks)
      .where(
        inArray(
          parks.zoneId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(parks.name));
    return rows.map((r) => ({ ...r, parks: parkRows.filter((p) => p.zoneId === r.id) }));
  }

  const zoneColumns = { ...getTableColumns(zones), regionName: regions.name };

  return {
    async listRegions(db: DbOrTx) {
      return db.select().from(regions).orderBy(asc(regions.code));
    },

    async regionByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(regions).where(eq(regions.code, code));
      return row;
    },

    async insertRegions(db: DbOrTx, rows: (typeof regions.$inferInsert)[]) {
      if (rows.length) await db.insert(regions).values(rows).onConflictDoNothing();
    },

    /** The caller's zones, with their parks. */
    async listZones(db: DbOrTx, s: Scope): Promise<ZoneWithParks[]> {
      const rows = await db
        .select(zoneColumns)
        .from(zones)
        .innerJoin(regions, eq(regions.code, zones.regionCode))
        .where(zoneScope(s, zones.id))
        .orderBy(asc(zones.code));
      return withParks(db, rows);
    },

    async findZone(db: DbOrTx, id: string): Promise<ZoneWithParks | undefined> {
      const rows = await db.select(zoneColumns).from(zones).innerJoin(regions, eq(regions.code, zones.regionCode)).where(eq(zones.id, id));
      return (await withParks(db, rows))[0];
    },

    /** The caller's zones by name, for the zone switcher. */
    async zoneRefs(db: DbOrTx, s: Scope) {
      return db.select({ id: zones.id, name: zones.name, shortName: zones.shortName }).from(zones).where(zoneScope(s, zones.id)).orderBy(asc(zones.code));
    },

    /** Does a zone, park or department of this id lie within the caller's zones? */
    async inScope(db: DbOrTx, s: Scope, kind: 'zone' | 'park' | 'department', id: string): Promise<boolean> {
      const table = kind === 'zone' ? zones : kind === 'park' ? parks : departments;
      const zoneColumn = kind === 'zone' ? zones.id : kind === 'park' ? parks.zoneId : departments.zoneId;
      const rows = await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.id, id), zoneScope(s, zoneColumn)));
      return rows.length > 0;
    },

    async existingZoneIds(db: DbOrTx, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      return (await db.select({ id: zones.id }).from(zones).where(inArray(zones.id, ids))).map((r) => r.id);
    },

    async insertZone(db: DbOrTx, values: typeof zones.$inferInsert): Promise<ZoneRow> {
      const [row] = await db.insert(zones).values(values).returning();
      return row;
    },

    updateZone: (db: DbOrTx, id: string, version: number, patch: Partial<typeof zones.$inferInsert>) => updateVersioned(db, zones, id, version, patch),

    async findPark(db: DbOrTx, id: string): Promise<ParkRow | undefined> {
      const [row] = await db.select().from(parks).where(eq(parks.id, id));
      return row;
    },

    async insertPark(db: DbOrTx, values: typeof parks.$inferInsert): Promise<ParkRow> {
      const [row] = await db.insert(parks).values(values).returning();
      return row;
    },

    updatePark: (db: DbOrTx, id: string, version: number, patch: Partial<typeof parks.$inferInsert>) => updateVersioned(db, parks, id, version, patch),

    /** The departments of the caller's zones, or of one of them. */
    async listDepartments(db: DbOrTx, s: Scope, onlyZoneId?: string): Promise<DepartmentRow[]> {
      return db
        .select()
        .from(departments)
        .where(zoneScope(s, departments.zoneId, onlyZoneId))
        .orderBy(asc(departments.zoneId), asc(departments.name));
    },

    async findDepartment(db: DbOrTx, id: string): Promise<DepartmentRow | undefined> {
      const [row] = await db.select().from(departments).where(eq(departments.id, id));
      return row;
    },

    async departmentInZones(db: DbOrTx, id: string, zoneIds: string[]): Promise<boolean> {
      if (zoneIds.length === 0) return false;
      const rows = await db
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.id, id), inArray(departments.zoneId, zoneIds)));
      return rows.length > 0;
    },

    async insertDepartment(db: DbOrTx, values: typeof departments.$inferInsert): Promise<DepartmentRow> {
      const [row] = await db.insert(departments).values(values).returning();
      return row;
    },

    updateDepartment: (db: DbOrTx, id: string, version: number, patch: Partial<typeof departments.$inferInsert>) =>
      updateVersioned(db, departments, id, version, patch),
  };
}

export type OrgRepository = ReturnType<typeof createOrgRepository>;

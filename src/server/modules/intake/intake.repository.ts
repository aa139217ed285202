import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { intakeSources, leads, projects, type IntakeSavedRecord } from '../../db/schema.ts';

export type IntakeSourceRow = typeof intakeSources.$inferSelect;

/**
 * The SQL of intake: its own table, and the zone-scoped look-ups matching needs. The projects and
 * leads modules offer no "by name in a zone" query, so those two reads are here (read-only; every
 * write goes through the owning module).
 */
export function createIntakeRepository() {
  return {
    async insertSource(db: DbOrTx, values: typeof intakeSources.$inferInsert): Promise<IntakeSourceRow> {
      const [row] = await db.insert(intakeSources).values(values).returning();
      return row;
    },

    async setSourceRecords(db: DbOrTx, id: string, records: IntakeSavedRecord[]): Promise<void> {
      await db.update(intakeSources).set({ records }).where(eq(intakeSources.id, id));
    },

    /** Every project name of one zone, for matching by normalised name. */
    projectNamesInZone: (db: DbOrTx, zoneId: string) => db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.zoneId, zoneId)),

    /** The zone's open leads (not lost or terminated), newest first, for matching by enterprise or name. */
    openLeadsInZone: (db: DbOrTx, zoneId: string) =>
      db
        .select({ id: leads.id, name: leads.name, enterpriseId: leads.enterpriseId })
        .from(leads)
        .where(and(eq(leads.zoneId, zoneId), notInArray(leads.status, ['lost', 'terminated'])))
        .orderBy(desc(leads.updatedAt), desc(leads.id)),
  };
}

export type IntakeRepository = ReturnType<typeof createIntakeRepository>;

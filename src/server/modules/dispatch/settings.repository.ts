/** SQL for a zone's dispatch settings (one row per zone that set its own). */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dispatchSettings } from '../../db/schema.ts';
import { anyUuid } from '../../db/sql-helpers.ts';

export type DispatchSettingsRow = typeof dispatchSettings.$inferSelect;

export function createSettingsRepository() {
  return {
    async settings(db: DbOrTx, zoneIds: string[]): Promise<DispatchSettingsRow[]> {
      if (zoneIds.length === 0) return [];
      return db
        .select()
        .from(dispatchSettings)
        .where(sql`${dispatchSettings.zoneId} = ${anyUuid(zoneIds)}`);
    },
    /** The zone's row, locked for this transaction (the version check then the write). */
    async settingsForUpdate(db: DbOrTx, zoneId: string): Promise<DispatchSettingsRow | undefined> {
      const [row] = await db.select().from(dispatchSettings).where(eq(dispatchSettings.zoneId, zoneId)).for('update');
      return row;
    },
    async insertSettings(db: DbOrTx, values: typeof dispatchSettings.$inferInsert) {
      const [row] = await db.insert(dispatchSettings).values(values).returning();
      return row;
    },
    async updateSettings(db: DbOrTx, zoneId: string, escalationWorkdays: number) {
      const [row] = await db
        .update(dispatchSettings)
        .set({ escalationWorkdays, version: sql`${dispatchSettings.version} + 1`, updatedAt: new Date() })
        .where(eq(dispatchSettings.zoneId, zoneId))
        .returning();
      return row;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

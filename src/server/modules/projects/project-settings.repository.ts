/** SQL of the projects settings: milestone and approval templates, flag rules (per zone or global). */
import { eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { projectFlagRules, projectTemplates } from '../../db/schema.ts';
import { updateVersioned } from '../../platform/versioned.ts';

export function createProjectSettingsRepository() {
  return {
    async template(db: DbOrTx, zoneId: string | null) {
      const [row] = await db
        .select()
        .from(projectTemplates)
        .where(zoneId ? eq(projectTemplates.zoneId, zoneId) : isNull(projectTemplates.zoneId));
      return row;
    },
    async insertTemplate(db: DbOrTx, values: typeof projectTemplates.$inferInsert) {
      const [row] = await db.insert(projectTemplates).values(values).returning();
      return row;
    },
    updateTemplate: (db: DbOrTx, id: string, version: number, patch: Partial<typeof projectTemplates.$inferInsert>) =>
      updateVersioned(db, projectTemplates, id, version, patch),

    async flagRule(db: DbOrTx, zoneId: string | null) {
      const [row] = await db
        .select()
        .from(projectFlagRules)
        .where(zoneId ? eq(projectFlagRules.zoneId, zoneId) : isNull(projectFlagRules.zoneId));
      return row;
    },
    allFlagRules: (db: DbOrTx) => db.select().from(projectFlagRules),
    async insertFlagRule(db: DbOrTx, values: typeof projectFlagRules.$inferInsert) {
      const [row] = await db.insert(projectFlagRules).values(values).returning();
      return row;
    },
    updateFlagRule: (db: DbOrTx, id: string, version: number, patch: Partial<typeof projectFlagRules.$inferInsert>) =>
      updateVersioned(db, projectFlagRules, id, version, patch),
  };
}

/** SQL for 三个一批 campaigns and their entries. */
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { campaignEntries, campaigns } from '../../db/schema.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { CallerScope } from './refs.repository.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignEntryRow = typeof campaignEntries.$inferSelect;

export function createCampaignsRepository() {
  return {
    listCampaigns: (db: DbOrTx, scope: CallerScope, year?: number) =>
      db
        .select()
        .from(campaigns)
        .where(and(zoneScope(scope.session, campaigns.zoneId, scope.zoneId), year ? eq(campaigns.year, year) : undefined))
        .orderBy(desc(campaigns.year), desc(campaigns.quarter), asc(campaigns.zoneId)),
    async findCampaign(db: DbOrTx, id: string): Promise<CampaignRow | undefined> {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row;
    },
    async campaignOfQuarter(db: DbOrTx, zoneId: string, year: number, quarter: number) {
      const [row] = await db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.zoneId, zoneId), eq(campaigns.year, year), eq(campaigns.quarter, quarter)));
      return row;
    },
    async insertCampaign(db: DbOrTx, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
      const [row] = await db.insert(campaigns).values(values).returning();
      return row;
    },
    updateCampaign: (db: DbOrTx, id: string, version: number, patch: Partial<typeof campaigns.$inferInsert>) =>
      updateVersioned(db, campaigns, id, version, patch),
    async entries(db: DbOrTx, campaignIds: string[]): Promise<CampaignEntryRow[]> {
      if (campaignIds.length === 0) return [];
      return db
        .select()
        .from(campaignEntries)
        .where(sql`${campaignEntries.campaignId} = ${anyUuid(campaignIds)}`)
        .orderBy(asc(campaignEntries.batch), asc(campaignEntries.sortOrder), asc(campaignEntries.createdAt));
    },
    async findEntry(db: DbOrTx, id: string): Promise<CampaignEntryRow | undefined> {
      const [row] = await db.select().from(campaignEntries).where(eq(campaignEntries.id, id));
      return row;
    },
    /** Another entry of the same batch kind, in any campaign, that already counted this project or lead. */
    async countedElsewhere(db: DbOrTx, batch: CampaignEntryRow['batch'], target: { projectId?: string | null; leadId?: string | null }, exceptId?: string) {
      if (!target.projectId && !target.leadId) return undefined;
      const [row] = await db
        .select({ id: campaignEntries.id, campaignId: campaignEntries.campaignId, name: campaigns.name })
        .from(campaignEntries)
        .innerJoin(campaigns, eq(campaigns.id, campaignEntries.campaignId))
        .where(
          and(
            eq(campaignEntries.batch, batch),
            eq(campaignEntries.confirmed, true),
            target.projectId ? eq(campaignEntries.projectId, target.projectId) : eq(campaignEntries.leadId, target.leadId!),
            exceptId ? ne(campaignEntries.id, exceptId) : undefined,
          ),
        )
        .limit(1);
      return row;
    },
    async insertEntry(db: DbOrTx, values: typeof campaignEntries.$inferInsert): Promise<CampaignEntryRow> {
      const [row] = await db.insert(campaignEntries).values(values).returning();
      return row;
    },
    updateEntry: (db: DbOrTx, id: string, version: number, patch: Partial<typeof campaignEntries.$inferInsert>) =>
      updateVersioned(db, campaignEntries, id, version, patch),
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;

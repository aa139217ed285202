/** SQL for 三个一批 campaigns and their entries. */
import { and, asc, desc, eq, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agreements, campaignEntries, campaigns, leads, projects, signingEvents } from '../../db/schema.ts';
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
    async signingEvent(db: DbOrTx, id: string) {
      const [row] = await db
        .select({ id: signingEvents.id, zoneId: signingEvents.zoneId, name: signingEvents.name, heldOn: signingEvents.heldOn })
        .from(signingEvents)
        .where(eq(signingEvents.id, id));
      return row;
    },
    async signingEvents(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: signingEvents.id, name: signingEvents.name, heldOn: signingEvents.heldOn })
        .from(signingEvents)
        .where(sql`${signingEvents.id} = ${anyUuid(ids)}`);
    },
    /** The campaign that already names this signing event, other than `exceptId`. */
    async campaignOfSigningEvent(db: DbOrTx, signingEventId: string, exceptId?: string) {
      const [row] = await db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.signingEventId, signingEventId), exceptId ? ne(campaigns.id, exceptId) : undefined));
      return row;
    },
    /** The project records a campaign's nominations are derived from. */
    async projectFacts(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({
          id: projects.id,
          zoneId: projects.zoneId,
          name: projects.name,
          leadId: projects.leadId,
          stage: projects.stage,
          totalInvestmentYuan: projects.totalInvestmentYuan,
          signedOn: projects.signedOn,
          startOn: projects.startOn,
          productionOn: projects.productionOn,
          fullProductionOn: projects.fullProductionOn,
        })
        .from(projects)
        .where(sql`${projects.id} = ${anyUuid(ids)}`);
    },
    /** Every agreement of these leads, and every agreement signed at the event. */
    async agreementFacts(db: DbOrTx, leadIds: string[], signingEventIds: string[]) {
      if (leadIds.length === 0 && signingEventIds.length === 0) return [];
      return db
        .select({
          id: agreements.id,
          leadId: agreements.leadId,
          kind: agreements.kind,
          signedOn: agreements.signedOn,
          amountYuan: agreements.amountYuan,
          signingEventId: agreements.signingEventId,
          createdAt: agreements.createdAt,
        })
        .from(agreements)
        .where(
          or(
            leadIds.length ? sql`${agreements.leadId} = ${anyUuid(leadIds)}` : undefined,
            signingEventIds.length
              ? sql`${agreements.leadId} in (select a.lead_id from agreements a where a.signing_event_id = ${anyUuid(signingEventIds)})`
              : undefined,
          ),
        );
    },
    async leadFacts(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: leads.id, zoneId: leads.zoneId, name: leads.name, plannedInvestmentYuan: leads.plannedInvestmentYuan })
        .from(leads)
        .where(sql`${leads.id} = ${anyUuid(ids)}`);
    },
    async deleteEntry(db: DbOrTx, id: string) {
      await db.delete(campaignEntries).where(eq(campaignEntries.id, id));
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

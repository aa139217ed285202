import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid, containsPattern } from '../../db/sql-helpers.ts';
import {
  activities,
  agreements,
  enterprises,
  leadEvents,
  leadFiles,
  leadPartners,
  leads,
  savedViews,
  signingEvents,
  trips,
  users,
  userZones,
  zones,
} from '../../db/schema.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { countableByStage, stageCounts } from './lead-stage-counts.repository.ts';
import type { LeadMethod, LeadStage, LeadStatus } from '../../../contract/pipeline-enums.ts';
import { leadStages } from '../../../contract/pipeline-enums.ts';
import type { z } from 'zod';
import type { tripResultsSchema } from '../../../contract/leads.ts';

export type LeadRow = typeof leads.$inferSelect;
export type LeadWithNames = LeadRow & { enterpriseName: string | null; enterpriseCreditCode: string | null; ownerName: string | null };
export type AgreementRow = typeof agreements.$inferSelect & { signingEventName: string | null; fileName: string | null };
export type ActivityRow = typeof activities.$inferSelect & { leadName: string | null; enterpriseName: string | null };
export type TripRow = typeof trips.$inferSelect;
export type TripResults = z.infer<typeof tripResultsSchema>;

export interface LeadFilter {
  stage?: LeadStage[];
  status?: LeadStatus[];
  method?: LeadMethod[];
  sector?: string;
  ownerId?: string;
  enterpriseId?: string;
  overdue?: boolean;
  q?: string;
  sort?: 'updatedAt' | 'code' | 'nextStepOn' | 'plannedInvestment' | 'stage' | 'lastFollowUpOn';
  order?: 'asc' | 'desc';
}

/**
 * Which zones a query reads, as a predicate on its zone column: the caller's scope
 * (`zoneScope(session, column, zoneId?)`, evaluated by the database) or one given zone.
 */
export type ZoneFilter = (zoneColumn: AnyColumn | SQL) => SQL;
/** Exactly one zone (checks against a record's own zone, not the caller's scope). */
export const inZone =
  (zoneId: string): ZoneFilter =>
  (zoneColumn) =>
    sql`${zoneColumn} = ${zoneId}::uuid`;

/**
 * The counting rule in SQL (see counting.ts): each agreement of the leads in `inZones` with what it
 * adds to signed totals. The first investment agreement of a lead is picked in signing order.
 */
export function countedAgreementsSql(inZones: ZoneFilter): SQL {
  return sql`(
    select a.*,
      case
        when a.id = f.id then 'first_signing'
        when a.kind = 'capital_increase' and f.id is not null
          and (a.signed_on, date_trunc('milliseconds', a.created_at), a.id::text collate "C") > (f.signed_on, f.created_ms, f.id::text collate "C") then 'increment'
        when a.kind = 'investment' then 're_signing'
        else 'not_counted'
      end as counted_as
    from agreements a
    left join lateral (
      select fi.id, fi.signed_on, date_trunc('milliseconds', fi.created_at) as created_ms from agreements fi
      where fi.lead_id = a.lead_id and fi.zone_id = a.zone_id and fi.kind = 'investment'
      order by fi.signed_on, date_trunc('milliseconds', fi.created_at), fi.id::text collate "C" limit 1
    ) f on true
    where ${inZones(sql`a.zone_id`)}
  )`;
}

/** A lead file without its bytes: what lists and uploads answer. */
const fileColumns = {
  id: leadFiles.id,
  zoneId: leadFiles.zoneId,
  leadId: leadFiles.leadId,
  name: leadFiles.name,
  mimeType: leadFiles.mimeType,
  sizeBytes: leadFiles.sizeBytes,
  createdAt: leadFiles.createdAt,
};

export function createLeadsRepository() {
  const owner = alias(users, 'owner');
  const leadColumns = {
    lead: leads,
    enterpriseName: enterprises.name,
    enterpriseCreditCode: enterprises.creditCode,
    ownerName: owner.displayName,
  };
  const flatten = (r: { lead: LeadRow; enterpriseName: string | null; enterpriseCreditCode: string | null; ownerName: string | null }): LeadWithNames => ({
    ...r.lead,
    enterpriseName: r.enterpriseName,
    enterpriseCreditCode: r.enterpriseCreditCode,
    ownerName: r.ownerName,
  });

  function whereOf(inZones: ZoneFilter, f: LeadFilter, today: string): SQL | undefined {
    const c: (SQL | undefined)[] = [inZones(leads.zoneId)];
    if (f.stage?.length) c.push(inArray(leads.stage, f.stage));
    if (f.status?.length) c.push(inArray(leads.status, f.status));
    if (f.method?.length) c.push(inArray(leads.method, f.method));
    if (f.sector) c.push(eq(leads.sector, f.sector));
    if (f.ownerId) c.push(eq(leads.ownerId, f.ownerId));
    if (f.enterpriseId) c.push(eq(leads.enterpriseId, f.enterpriseId));
    if (f.overdue === true) c.push(and(lt(leads.nextStepOn, today), inArray(leads.status, ['active', 'delayed'])));
    if (f.q) {
      const pattern = containsPattern(f.q);
      c.push(or(ilike(leads.code, pattern), ilike(leads.name, pattern), ilike(enterprises.name, pattern)));
    }
    return and(...c);
  }

  function orderOf(f: LeadFilter): SQL[] {
    const dir = f.order === 'asc' ? asc : desc;
    const stageRank = sql`array_position(array[${sql.join(
      leadStages.map((s) => sql`${s}`),
      sql`, `,
    )}]::text[], ${leads.stage})`;
    const col = {
      updatedAt: leads.updatedAt,
      code: leads.code,
      nextStepOn: leads.nextStepOn,
      plannedInvestment: leads.plannedInvestmentYuan,
      stage: stageRank,
      lastFollowUpOn: leads.lastFollowUpOn,
    }[f.sort ?? 'updatedAt'];
    return [f.order === 'asc' ? sql`${col} asc nulls last` : sql`${col} desc nulls last`, dir(leads.id)];
  }

  const repo = {
    async zoneCode(db: DbOrTx, zoneId: string): Promise<string | undefined> {
      const [row] = await db.select({ code: zones.code }).from(zones).where(eq(zones.id, zoneId));
      return row?.code;
    },

    async findById(db: DbOrTx, id: string): Promise<LeadWithNames | undefined> {
      const [row] = await db
        .select(leadColumns)
        .from(leads)
        .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
        .leftJoin(owner, eq(owner.id, leads.ownerId))
        .where(eq(leads.id, id));
      return row && flatten(row);
    },

    async zoneNames(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return [];
      return db.select({ id: zones.id, shortName: zones.shortName }).from(zones).where(inArray(zones.id, [...ids]));
    },

    /** The leads named, whatever their zone (the service checks each against the caller's scope). */
    async findByIds(db: DbOrTx, ids: readonly string[]): Promise<LeadWithNames[]> {
      if (!ids.length) return [];
      const rows = await db
        .select(leadColumns)
        .from(leads)
        .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
        .leftJoin(owner, eq(owner.id, leads.ownerId))
        .where(inArray(leads.id, [...ids]))
        .orderBy(asc(leads.code));
      return rows.map(flatten);
    },

    async findByCode(db: DbOrTx, zoneId: string, code: string) {
      const [row] = await db
        .select({ id: leads.id })
        .from(leads)
        .where(and(eq(leads.zoneId, zoneId), eq(leads.code, code)));
      return row;
    },

    /**
     * A page of leads and their total. `page.after` (a decoded cursor: the last row's exact
     * updated_at and id) starts the page after that row in the updatedAt order, walking the
     * (updated_at, id) index from there: page 5,000 costs what page 1 does. `nextCursor` is the
     * page's last row, for the next one.
     */
    async list(
      db: DbOrTx,
      inZones: ZoneFilter,
      f: LeadFilter,
      page: { page: number; pageSize: number; after?: { at: string; id: string } } | null,
      today: string,
    ) {
      const where = whereOf(inZones, f, today);
      if (!page) {
        const all = await db
          .select(leadColumns)
          .from(leads)
          .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
          .leftJoin(owner, eq(owner.id, leads.ownerId))
          .where(where)
          .orderBy(...orderOf(f));
        return { items: all.map(flatten), total: -1, nextCursor: null };
      }
      const byUpdatedAt = (f.sort ?? 'updatedAt') === 'updatedAt';
      const pageWhere = page.after
        ? and(where, sql`(${leads.updatedAt}, ${leads.id}) ${f.order === 'asc' ? sql`>` : sql`<`} (${page.after.at}::timestamptz, ${page.after.id}::uuid)`)
        : where;
      const offset = page.after ? 0 : (page.page - 1) * page.pageSize;
      // The exact timestamp (microseconds; a Date holds milliseconds) for the cursor.
      const pageColumns = { ...leadColumns, at: sql<string>`${leads.updatedAt}::text` };
      const needsEnterprise = Boolean(f.q);
      // Filtered by zones, stages and statuses alone, the total is the funnel's read model summed
      // (decision 028): a province's 15k matches are not counted one index entry at a time.
      const countQuery = countableByStage(f)
        ? stageCounts.total(db, inZones, f)
        : needsEnterprise
        ? db
            .select({ total: sql<number>`count(*)::int` })
            .from(leads)
            .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
            .where(where)
        : db
            .select({ total: sql<number>`count(*)::int` })
            .from(leads)
            .where(where);
      // The page is chosen on leads alone (the (updated_at, id) index walked in order, the filter on
      // each entry), then only its rows are joined to their names: a province's deep page no longer
      // joins 50k leads to sort them. A search on the enterprise's name needs the join to filter.
      const joined = db
        .select(pageColumns)
        .from(leads)
        .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
        .leftJoin(owner, eq(owner.id, leads.ownerId));
      const pageQuery = needsEnterprise
        ? joined
            .where(pageWhere)
            .orderBy(...orderOf(f))
            .limit(page.pageSize)
            .offset(offset)
        : joined
            .where(
              inArray(
                leads.id,
                db
                  .select({ id: leads.id })
                  .from(leads)
                  .where(pageWhere)
                  .orderBy(...orderOf(f))
                  .limit(page.pageSize)
                  .offset(offset),
              ),
            )
            .orderBy(...orderOf(f));
      const [items, [{ total }]] = await Promise.all([pageQuery, countQuery]);
      const last = items.length === page.pageSize && byUpdatedAt ? items[items.length - 1] : undefined;
      return { items: items.map(flatten), total: Number(total), nextCursor: last ? { at: last.at, id: last.lead.id } : null };
    },

    async insert(db: DbOrTx, values: typeof leads.$inferInsert): Promise<LeadRow> {
      const [row] = await db.insert(leads).values(values).returning();
      return row;
    },

    update: (db: DbOrTx, id: string, version: number, patch: Partial<typeof leads.$inferInsert>) => updateVersioned(db, leads, id, version, patch),

    /** The next free ledger number of a zone for a year: PREFIX-YYYY-NNN. */
    async nextCode(db: DbOrTx, zoneId: string, prefix: string, year: number): Promise<string> {
      const stem = `${prefix}-${year}-`;
      const rows = rowsOf<{ n: number | null }>(
        await db.execute(sql`select max(substring(code from ${stem.length + 1}::int)::int) as n from leads
          where zone_id = ${zoneId}::uuid and code like ${`${stem}%`} and substring(code from ${stem.length + 1}::int) ~ '^[0-9]+$'`),
      );
      return `${stem}${String(Number(rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
    },

    listPartners: (db: DbOrTx, leadId: string) => db.select().from(leadPartners).where(eq(leadPartners.leadId, leadId)).orderBy(asc(leadPartners.createdAt)),
    async replacePartners(
      db: DbOrTx,
      zoneId: string,
      leadId: string,
      partners: { kind: (typeof leadPartners.$inferInsert)['kind']; name: string; enterpriseId?: string | null }[],
    ) {
      await db.delete(leadPartners).where(eq(leadPartners.leadId, leadId));
      if (partners.length)
        await db.insert(leadPartners).values(partners.map((p) => ({ zoneId, leadId, kind: p.kind, name: p.name, enterpriseId: p.enterpriseId ?? null })));
    },

    async insertEvent(db: DbOrTx, values: typeof leadEvents.$inferInsert) {
      await db.insert(leadEvents).values(values);
    },
    listEvents: (db: DbOrTx, leadId: string) =>
      db.select().from(leadEvents).where(eq(leadEvents.leadId, leadId)).orderBy(asc(leadEvents.at), asc(leadEvents.id)),

    async listAgreements(db: DbOrTx, leadId: string): Promise<AgreementRow[]> {
      const rows = await db
        .select({ a: agreements, signingEventName: signingEvents.name, fileName: leadFiles.name })
        .from(agreements)
        .leftJoin(signingEvents, and(eq(signingEvents.id, agreements.signingEventId), eq(signingEvents.zoneId, agreements.zoneId)))
        .leftJoin(leadFiles, and(eq(leadFiles.id, agreements.fileId), eq(leadFiles.zoneId, agreements.zoneId)))
        .where(eq(agreements.leadId, leadId))
        .orderBy(asc(agreements.signedOn), asc(agreements.createdAt));
      return rows.map((r) => ({ ...r.a, signingEventName: r.signingEventName, fileName: r.fileName }));
    },
    async insertAgreement(db: DbOrTx, values: typeof agreements.$inferInsert) {
      const [row] = await db.insert(agreements).values(values).returning();
      return row;
    },

    async insertFile(db: DbOrTx, values: typeof leadFiles.$inferInsert) {
      const [row] = await db.insert(leadFiles).values(values).returning(fileColumns);
      return row;
    },
    listFiles: (db: DbOrTx, leadId: string) => db.select(fileColumns).from(leadFiles).where(eq(leadFiles.leadId, leadId)).orderBy(asc(leadFiles.createdAt)),
    async findFile(db: DbOrTx, id: string) {
      const [row] = await db.select().from(leadFiles).where(eq(leadFiles.id, id));
      return row;
    },

    async insertActivity(db: DbOrTx, values: typeof activities.$inferInsert) {
      const [row] = await db.insert(activities).values(values).returning();
      return row;
    },
    async listActivities(db: DbOrTx, where: { leadId?: string; tripId?: string }): Promise<ActivityRow[]> {
      const rows = await db
        .select({ a: activities, leadName: leads.name, enterpriseName: enterprises.name })
        .from(activities)
        .leftJoin(leads, and(eq(leads.id, activities.leadId), eq(leads.zoneId, activities.zoneId)))
        .leftJoin(enterprises, eq(enterprises.id, activities.enterpriseId))
        .where(where.leadId ? eq(activities.leadId, where.leadId) : eq(activities.tripId, where.tripId!))
        .orderBy(asc(activities.occurredOn), asc(activities.createdAt));
      return rows.map((r) => ({ ...r.a, leadName: r.leadName, enterpriseName: r.enterpriseName }));
    },

    async insertTrip(db: DbOrTx, values: typeof trips.$inferInsert): Promise<TripRow> {
      const [row] = await db.insert(trips).values(values).returning();
      return row;
    },
    async findTrip(db: DbOrTx, id: string): Promise<TripRow | undefined> {
      const [row] = await db.select().from(trips).where(eq(trips.id, id));
      return row;
    },
    async listTrips(db: DbOrTx, inZones: ZoneFilter, page: { page: number; pageSize: number }) {
      const where = inZones(trips.zoneId);
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(trips)
          .where(where)
          .orderBy(desc(trips.startOn), desc(trips.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(trips)
          .where(where),
      ]);
      return { items, total: Number(total) };
    },
    /**
     * A trip's results counted by enterprise (家), as zones report a trip: enterprises met (对接), and
     * the enterprises met whose lead signed a framework (框架协议) or an investment agreement (投资协议,
     * 增资 included) within the trip's dates, or whose meeting reached intent (意向). One enterprise
     * counts once under each kind, however many agreements or meetings it had. A meeting without an
     * enterprise counts by its lead.
     */
    async tripResults(db: DbOrTx, tripIds: string[]) {
      if (!tripIds.length) return new Map<string, TripResults>();
      const rows = rowsOf<{
        trip_id: string;
        enterprises_met: number;
        framework: number;
        investment: number;
        intent: number;
        leads_touched: number;
      }>(
        await db.execute(sql`
          with met as (
            select a.trip_id, a.zone_id, a.lead_id, a.intent_reached, coalesce(a.enterprise_id, l.enterprise_id, a.lead_id) as party,
              t.start_on, t.end_on
            from activities a join trips t on t.id = a.trip_id and t.zone_id = a.zone_id left join leads l on l.id = a.lead_id and l.zone_id = a.zone_id
            where a.trip_id = ${anyUuid(tripIds)}
          ),
          signed as (
            select distinct m.trip_id, m.zone_id, m.party, case when g.kind = 'framework' then 'framework' else 'investment' end as kind
            from met m join agreements g on g.lead_id = m.lead_id and g.zone_id = m.zone_id
            where g.kind in ('framework', 'investment', 'capital_increase') and g.signed_on between m.start_on and m.end_on
          )
          select t.id as trip_id,
            (select count(distinct m.party)::int from met m where m.trip_id = t.id and m.zone_id = t.zone_id) as enterprises_met,
            (select count(distinct s.party)::int from signed s where s.trip_id = t.id and s.zone_id = t.zone_id and s.kind = 'framework') as framework,
            (select count(distinct s.party)::int from signed s where s.trip_id = t.id and s.zone_id = t.zone_id and s.kind = 'investment') as investment,
            (select count(distinct m.party)::int from met m where m.trip_id = t.id and m.zone_id = t.zone_id and m.intent_reached) as intent,
            (select count(distinct m.lead_id)::int from met m where m.trip_id = t.id and m.zone_id = t.zone_id) as leads_touched
          from trips t where t.id = ${anyUuid(tripIds)}`),
      );
      return new Map<string, TripResults>(
        rows.map((r) => [
          r.trip_id,
          {
            enterprisesMet: Number(r.enterprises_met),
            frameworkEnterprises: Number(r.framework),
            investmentEnterprises: Number(r.investment),
            intentEnterprises: Number(r.intent),
            leadsTouched: Number(r.leads_touched),
          },
        ]),
      );
    },

    async findSigningEvent(db: DbOrTx, id: string) {
      const [row] = await db.select().from(signingEvents).where(eq(signingEvents.id, id));
      return row;
    },
    async findSigningEventByName(db: DbOrTx, zoneId: string, name: string) {
      const [row] = await db
        .select()
        .from(signingEvents)
        .where(and(eq(signingEvents.zoneId, zoneId), eq(signingEvents.name, name)));
      return row;
    },
    async insertSigningEvent(db: DbOrTx, values: typeof signingEvents.$inferInsert) {
      const [row] = await db.insert(signingEvents).values(values).returning();
      return row;
    },
    listSigningEvents: (db: DbOrTx, inZones: ZoneFilter) =>
      db.select().from(signingEvents).where(inZones(signingEvents.zoneId)).orderBy(desc(signingEvents.heldOn)),

    // The funnel's read model (decision 028): funnel, zonesWithStageDeltas, compactStageCounts.
    funnel: stageCounts.funnel,
    zonesWithStageDeltas: stageCounts.zonesWithDeltas,
    compactStageCounts: stageCounts.compact,

    /** Every agreement of the zones with its counted amount, for the signed report. */
    async countedAgreements(db: DbOrTx, inZones: ZoneFilter, leadId?: string) {
      const rows = rowsOf<{
        id: string;
        lead_id: string;
        kind: string;
        signed_on: string;
        amount_yuan: string | number;
        counted_as: string;
        code: string;
        name: string;
      }>(
        await db.execute(sql`select c.id, c.lead_id, c.kind, c.signed_on::text as signed_on, c.amount_yuan, c.counted_as, l.code, l.name
          from ${countedAgreementsSql(inZones)} c join leads l on l.id = c.lead_id and l.zone_id = c.zone_id
          ${leadId ? sql`where c.lead_id = ${leadId}::uuid` : sql``}
          order by c.signed_on, c.created_at`),
      );
      return rows.map((r) => ({ ...r, amount_yuan: Number(r.amount_yuan) }));
    },

    /**
     * Leads of a zone that may be the same project as a lead being written (the duplicate check):
     * the same investor, an investor under the same comparable name (字号, enterprises.normalized_name),
     * or a name holding the compared core of the project name. The service decides by the name.
     */
    async duplicateCandidates(db: DbOrTx, zoneId: string, q: { enterpriseId: string | null; nameCore: string; excludeId?: string }) {
      const sameFirm = q.enterpriseId
        ? sql`(l.enterprise_id = ${q.enterpriseId}::uuid or e.normalized_name = (select x.normalized_name from enterprises x where x.id = ${q.enterpriseId}::uuid))`
        : sql`false`;
      // The capped list must hold every lead the service can match: the same firm's first, then
      // those without an investor (a name-only match needs one side without), only then the rest.
      // Oldest first alone let 200 older leads of a similar name hide the same firm's lead.
      const rows = rowsOf<{
        id: string;
        code: string;
        name: string;
        enterprise_id: string | null;
        enterprise_name: string | null;
        stage: LeadStage;
        status: LeadStatus;
        project_id: string | null;
        version: number;
        same_firm: boolean;
      }>(
        await db.execute(sql`select l.id, l.code, l.name, l.enterprise_id, e.name as enterprise_name, l.stage, l.status, l.project_id, l.version,
            ${sameFirm} as same_firm
          from leads l left join enterprises e on e.id = l.enterprise_id
          where l.zone_id = ${zoneId}::uuid ${q.excludeId ? sql`and l.id <> ${q.excludeId}::uuid` : sql``}
            and (${sameFirm} or replace(l.name, ' ', '') ilike ${containsPattern(q.nameCore)})
          order by ${q.enterpriseId ? sql`${sameFirm} desc,` : sql``} (l.enterprise_id is null) desc, l.created_at limit 200`),
      );
      return rows.map((r) => ({ ...r, version: Number(r.version), same_firm: Boolean(r.same_firm) }));
    },

    /** Every column in the database that references leads.id, so a merge moves every link (dispatch's too). */
    async referencingColumns(db: DbOrTx): Promise<{ table: string; column: string }[]> {
      const rows = rowsOf<{ table_name: string; column_name: string }>(
        await db.execute(sql`select c.conrelid::regclass::text as table_name, a.attname as column_name
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.confrelid = 'public.leads'::regclass order by 1, 2`),
      );
      return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
    },
    async moveLinks(db: DbOrTx, table: string, column: string, fromId: string, toId: string): Promise<number> {
      const result = await db.execute(
        sql`update ${sql.identifier(table.replace(/^public\./, '').replace(/"/g, ''))} set ${sql.identifier(column)} = ${toId}::uuid where ${sql.identifier(column)} = ${fromId}::uuid`,
      );
      return Number((result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
    },
    /** The duplicate's partners the kept lead already has (same kind and name): dropped, not moved. */
    async deleteSharedPartners(db: DbOrTx, fromLeadId: string, toLeadId: string) {
      await db.execute(sql`delete from lead_partners p where p.lead_id = ${fromLeadId}::uuid
        and exists (select 1 from lead_partners k where k.lead_id = ${toLeadId}::uuid and k.kind = p.kind and k.name = p.name)`);
    },
    async deleteLead(db: DbOrTx, id: string) {
      await db.delete(leads).where(eq(leads.id, id));
    },

    /** Active users of the zones in roles that own leads (the zone's 招商 people and leaders). */
    async owners(db: DbOrTx, inZones: ZoneFilter) {
      const rows = await db
        .select({ id: users.id, displayName: users.displayName, zoneId: userZones.zoneId })
        .from(users)
        .innerJoin(userZones, eq(userZones.userId, users.id))
        .where(and(inZones(userZones.zoneId), eq(users.active, true), inArray(users.role, ['zone_leader', 'deputy_leader', 'investment_officer'])))
        .orderBy(asc(users.displayName));
      const byId = new Map<string, { id: string; displayName: string; zoneIds: string[] }>();
      for (const r of rows) {
        const e = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, zoneIds: [] };
        e.zoneIds.push(r.zoneId);
        byId.set(r.id, e);
      }
      return [...byId.values()];
    },

    listViews: (db: DbOrTx, userId: string) =>
      db
        .select()
        .from(savedViews)
        .where(and(eq(savedViews.userId, userId), eq(savedViews.resource, 'leads')))
        .orderBy(asc(savedViews.name)),
    async insertView(db: DbOrTx, values: typeof savedViews.$inferInsert) {
      const [row] = await db.insert(savedViews).values(values).returning();
      return row;
    },
    async findView(db: DbOrTx, id: string) {
      const [row] = await db.select().from(savedViews).where(eq(savedViews.id, id));
      return row;
    },
    async deleteView(db: DbOrTx, id: string) {
      await db.delete(savedViews).where(eq(savedViews.id, id));
    },

    /** For the workbench: the caller's own open leads and the follow-ups due within `days`. */
    async myLeads(db: DbOrTx, userId: string, inZones: ZoneFilter, limit: number) {
      const rows = await db
        .select(leadColumns)
        .from(leads)
        .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
        .leftJoin(owner, eq(owner.id, leads.ownerId))
        .where(and(eq(leads.ownerId, userId), inZones(leads.zoneId), inArray(leads.status, ['active', 'delayed'])))
        .orderBy(sql`${leads.nextStepOn} asc nulls last`, desc(leads.updatedAt))
        .limit(limit);
      return rows.map(flatten);
    },
    async followUpsDue(db: DbOrTx, userId: string | null, inZones: ZoneFilter, until: string, limit: number) {
      const rows = await db
        .select(leadColumns)
        .from(leads)
        .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
        .leftJoin(owner, eq(owner.id, leads.ownerId))
        .where(
          and(
            inZones(leads.zoneId),
            userId ? eq(leads.ownerId, userId) : undefined,
            sql`${leads.nextStepOn} <= ${until}`,
            inArray(leads.status, ['active', 'delayed']),
          ),
        )
        .orderBy(asc(leads.nextStepOn))
        .limit(limit);
      return rows.map(flatten);
    },
  };
  return repo;
}

export type LeadsRepository = ReturnType<typeof createLeadsRepository>;

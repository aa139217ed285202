/** The only SQL of 银企对接 (finance matchmaking). Lists and figures filter with the caller's scope. */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { financeEvents, financeInstitutions, financeNeeds, financeProducts, financeReferrals } from './finance.schema.ts';

type Scope = Pick<SessionContext, 'scope'>;
export type InstitutionRow = typeof financeInstitutions.$inferSelect;
export type ProductRow = typeof financeProducts.$inferSelect;
export type NeedRow = typeof financeNeeds.$inferSelect;
export type EventRow = typeof financeEvents.$inferSelect;
export type ReferralRow = typeof financeReferrals.$inferSelect;

const yearOf = (column: ReturnType<typeof sql>, year?: number) =>
  year ? sql`and ${column} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date` : sql``;
const ids = (column: ReturnType<typeof sql>, list?: string[]) => (list ? sql`and ${column} = ${anyUuid(list)}` : sql``);
const n = (v: unknown) => Number(v ?? 0);

export function createFinanceRepository() {
  return {
    institution: async (db: DbOrTx, id: string) => (await db.select().from(financeInstitutions).where(eq(financeInstitutions.id, id)))[0],
    product: async (db: DbOrTx, id: string) => (await db.select().from(financeProducts).where(eq(financeProducts.id, id)))[0],
    need: async (db: DbOrTx, id: string) => (await db.select().from(financeNeeds).where(eq(financeNeeds.id, id)))[0],
    event: async (db: DbOrTx, id: string) => (await db.select().from(financeEvents).where(eq(financeEvents.id, id)))[0],
    referral: async (db: DbOrTx, id: string) => (await db.select().from(financeReferrals).where(eq(financeReferrals.id, id)))[0],

    async institutionByName(db: DbOrTx, zoneId: string, name: string, exceptId?: string) {
      const [row] = await db
        .select({ id: financeInstitutions.id })
        .from(financeInstitutions)
        .where(
          and(eq(financeInstitutions.zoneId, zoneId), eq(financeInstitutions.name, name), exceptId ? sql`${financeInstitutions.id} <> ${exceptId}::uuid` : undefined),
        );
      return row?.id;
    },
    async referralExists(db: DbOrTx, zoneId: string, needId: string, institutionId: string) {
      const [row] = await db
        .select({ id: financeReferrals.id })
        .from(financeReferrals)
        .where(and(eq(financeReferrals.zoneId, zoneId), eq(financeReferrals.needId, needId), eq(financeReferrals.institutionId, institutionId)));
      return Boolean(row);
    },

    async listInstitutions(db: DbOrTx, s: Scope, q: { zoneId?: string; ids?: string[] }) {
      return rowsOf<InstitutionRow & { product_count: number; referral_count: number; granted_count: number; granted_yuan: string }>(
        await db.execute(sql`
          select i.id, i.zone_id as "zoneId", i.name, i.kind, i.contact, i.version,
                 (select count(*)::int from finance_products p where p.zone_id = i.zone_id and p.institution_id = i.id) as product_count,
                 coalesce(r.referrals, 0) as referral_count, coalesce(r.granted, 0) as granted_count, coalesce(r.granted_yuan, 0) as granted_yuan
          from finance_institutions i
          left join lateral (
            select count(*)::int as referrals, count(*) filter (where f.outcome = 'granted')::int as granted, sum(f.granted_yuan)::bigint as granted_yuan
            from finance_referrals f where f.zone_id = i.zone_id and f.institution_id = i.id) r on true
          where ${zoneScope(s, sql`i.zone_id`, q.zoneId)} ${ids(sql`i.id`, q.ids)}
          order by i.kind, i.name`),
      );
    },
    insertInstitution: async (db: DbOrTx, v: typeof financeInstitutions.$inferInsert) => (await db.insert(financeInstitutions).values(v).returning())[0],
    updateInstitution: (db: DbOrTx, id: string, version: number, patch: Partial<typeof financeInstitutions.$inferInsert>) =>
      updateVersioned(db, financeInstitutions, id, version, patch),

    async listProducts(db: DbOrTx, s: Scope, q: { zoneId?: string; institutionId?: string; ids?: string[] }) {
      return rowsOf<ProductRow & { institution_name: string }>(
        await db.execute(sql`
          select p.id, p.zone_id as "zoneId", p.institution_id as "institutionId", p.name, p.max_amount_yuan as "maxAmountYuan",
                 p.term_months as "termMonths", p.rate, p.collateral, p.version, i.name as institution_name
          from finance_products p join finance_institutions i on i.id = p.institution_id and i.zone_id = p.zone_id
          where ${zoneScope(s, sql`p.zone_id`, q.zoneId)} ${q.institutionId ? sql`and p.institution_id = ${q.institutionId}::uuid` : sql``} ${ids(sql`p.id`, q.ids)}
          order by i.name, p.name`),
      );
    },
    insertProduct: async (db: DbOrTx, v: typeof financeProducts.$inferInsert) => (await db.insert(financeProducts).values(v).returning())[0],
    updateProduct: (db: DbOrTx, id: string, version: number, patch: Partial<typeof financeProducts.$inferInsert>) =>
      updateVersioned(db, financeProducts, id, version, patch),

    async listNeeds(db: DbOrTx, s: Scope, q: { zoneId?: string; status?: string; year?: number; ids?: string[] }) {
      return rowsOf<NeedRow & { enterprise_name: string; referral_count: number; granted_yuan: string }>(
        await db.execute(sql`
          select d.id, d.zone_id as "zoneId", d.enterprise_id as "enterpriseId", d.amount_yuan as "amountYuan", d.purpose, d.term_months as "termMonths",
                 d.collateral, d.raised_on::text as "raisedOn", d.status, d.note, d.version, e.name as enterprise_name,
                 coalesce(r.referrals, 0) as referral_count, coalesce(r.granted_yuan, 0) as granted_yuan
          from finance_needs d
          join enterprises e on e.id = d.enterprise_id
          left join lateral (
            select count(*)::int as referrals, sum(f.granted_yuan)::bigint as granted_yuan
            from finance_referrals f where f.zone_id = d.zone_id and f.need_id = d.id) r on true
          where ${zoneScope(s, sql`d.zone_id`, q.zoneId)} ${q.status ? sql`and d.status = ${q.status}` : sql``} ${yearOf(sql`d.raised_on`, q.year)}
            ${ids(sql`d.id`, q.ids)}
          order by d.status = 'open' desc, d.raised_on desc, e.name`),
      );
    },
    insertNeed: async (db: DbOrTx, v: typeof financeNeeds.$inferInsert) => (await db.insert(financeNeeds).values(v).returning())[0],
    updateNeed: (db: DbOrTx, id: string, version: number, patch: Partial<typeof financeNeeds.$inferInsert>) =>
      updateVersioned(db, financeNeeds, id, version, patch),
    /** A status that follows from the referrals (bumps the version: the row changed). */
    async setNeedStatus(db: DbOrTx, needId: string, status: NeedRow['status']) {
      return (
        await db
          .update(financeNeeds)
          .set({ status, version: sql`${financeNeeds.version} + 1`, updatedAt: new Date() })
          .where(eq(financeNeeds.id, needId))
          .returning()
      )[0];
    },
    /** 已放款 once a referral is granted, 已推荐 once referred, else 待对接. */
    async statusFromReferrals(db: DbOrTx, needId: string) {
      return rowsOf<{ status: 'open' | 'referred' | 'granted' }>(
        await db.execute(sql`
          select case when bool_or(outcome = 'granted') then 'granted' when count(*) > 0 then 'referred' else 'open' end as status
          from finance_referrals where need_id = ${needId}::uuid`),
      )[0].status;
    },

    async listEvents(db: DbOrTx, s: Scope, q: { zoneId?: string; year?: number; ids?: string[] }) {
      return rowsOf<EventRow & { referral_count: number; enterprise_count: number; institution_count: number; granted_yuan: string }>(
        await db.execute(sql`
          select v.id, v.zone_id as "zoneId", v.name, v.held_on::text as "heldOn", v.place, v.note, v.version,
                 coalesce(r.referrals, 0) as referral_count, coalesce(r.enterprises, 0) as enterprise_count,
                 coalesce(r.institutions, 0) as institution_count, coalesce(r.granted_yuan, 0) as granted_yuan
          from finance_events v
          left join lateral (
            select count(*)::int as referrals, count(distinct d.enterprise_id)::int as enterprises, count(distinct f.institution_id)::int as institutions,
                   sum(f.granted_yuan)::bigint as granted_yuan
            from finance_referrals f join finance_needs d on d.id = f.need_id and d.zone_id = f.zone_id
            where f.zone_id = v.zone_id and f.event_id = v.id) r on true
          where ${zoneScope(s, sql`v.zone_id`, q.zoneId)} ${yearOf(sql`v.held_on`, q.year)} ${ids(sql`v.id`, q.ids)}
          order by v.held_on desc, v.name`),
      );
    },
    insertEvent: async (db: DbOrTx, v: typeof financeEvents.$inferInsert) => (await db.insert(financeEvents).values(v).returning())[0],
    updateEvent: (db: DbOrTx, id: string, version: number, patch: Partial<typeof financeEvents.$inferInsert>) =>
      updateVersioned(db, financeEvents, id, version, patch),

    async listReferrals(
      db: DbOrTx,
      s: Scope,
      q: { zoneId?: string; needId?: string; eventId?: string; outcome?: string; year?: number; ids?: string[] },
    ) {
      return rowsOf<
        ReferralRow & {
          enterprise_id: string;
          enterprise_name: string;
          need_amount_yuan: string;
          purpose: string;
          institution_name: string;
          product_name: string | null;
          event_name: string | null;
        }
      >(
        await db.execute(sql`
          select f.id, f.zone_id as "zoneId", f.need_id as "needId", f.institution_id as "institutionId", f.product_id as "productId",
                 f.event_id as "eventId", f.referred_on::text as "referredOn", f.outcome, f.granted_yuan as "grantedYuan",
                 f.granted_on::text as "grantedOn", f.note, f.version,
                 d.enterprise_id, e.name as enterprise_name, d.amount_yuan as need_amount_yuan, d.purpose,
                 i.name as institution_name, p.name as product_name, v.name as event_name
          from finance_referrals f
          join finance_needs d on d.id = f.need_id and d.zone_id = f.zone_id
          join enterprises e on e.id = d.enterprise_id
          join finance_institutions i on i.id = f.institution_id and i.zone_id = f.zone_id
          left join finance_products p on p.id = f.product_id and p.zone_id = f.zone_id
          left join finance_events v on v.id = f.event_id and v.zone_id = f.zone_id
          where ${zoneScope(s, sql`f.zone_id`, q.zoneId)}
            ${q.needId ? sql`and f.need_id = ${q.needId}::uuid` : sql``}
            ${q.eventId ? sql`and f.event_id = ${q.eventId}::uuid` : sql``}
            ${q.outcome ? sql`and f.outcome = ${q.outcome}` : sql``}
            ${yearOf(sql`f.referred_on`, q.year)} ${ids(sql`f.id`, q.ids)}
          order by f.referred_on desc, e.name`),
      );
    },
    insertReferral: async (db: DbOrTx, v: typeof financeReferrals.$inferInsert) => (await db.insert(financeReferrals).values(v).returning())[0],
    updateReferral: (db: DbOrTx, id: string, version: number, patch: Partial<typeof financeReferrals.$inferInsert>) =>
      updateVersioned(db, financeReferrals, id, version, patch),

    /**
     * The quarterly figures between two days, by quarter (YYYYQn): 对接会 by the day held, needs by the day
     * raised, referrals (and those declined) by the day referred, loans by the day granted. One statement.
     */
    async quarterFigures(db: DbOrTx, s: Scope, f: { zoneId?: string; from: string; to: string }) {
      const q = (col: string) => sql.raw(`extract(year from ${col})::int || 'Q' || extract(quarter from ${col})::int`);
      const range = (col: string) => sql`${sql.raw(col)} between ${f.from}::date and ${f.to}::date`;
      const rows = rowsOf<{ quarter: string; what: string; n: number; yuan: string | null }>(
        await db.execute(sql`
          select ${q('held_on')} as quarter, 'events' as what, count(*)::int as n, null::bigint as yuan
            from finance_events where ${zoneScope(s, sql`zone_id`, f.zoneId)} and ${range('held_on')} group by 1
          union all
          select ${q('raised_on')}, 'needs', count(*)::int, sum(amount_yuan)::bigint
            from finance_needs where ${zoneScope(s, sql`zone_id`, f.zoneId)} and ${range('raised_on')} group by 1
          union all
          select ${q('referred_on')}, 'referrals', count(*)::int, null
            from finance_referrals where ${zoneScope(s, sql`zone_id`, f.zoneId)} and ${range('referred_on')} group by 1
          union all
          select ${q('referred_on')}, 'declined', count(*)::int, null
            from finance_referrals where ${zoneScope(s, sql`zone_id`, f.zoneId)} and outcome = 'declined' and ${range('referred_on')} group by 1
          union all
          select ${q('granted_on')}, 'granted', count(*)::int, sum(granted_yuan)::bigint
            from finance_referrals where ${zoneScope(s, sql`zone_id`, f.zoneId)} and outcome = 'granted' and ${range('granted_on')} group by 1`),
      );
      return rows.map((r) => ({ quarter: r.quarter, what: r.what, n: n(r.n), yuan: n(r.yuan) }));
    },
    /** Open counts at any date, and the referrals and loans of each institution between two days. */
    async standing(db: DbOrTx, s: Scope, f: { zoneId?: string; from: string; to: string }) {
      const [counts] = rowsOf<{ pending: number; open_needs: number }>(
        await db.execute(sql`
          select (select count(*)::int from finance_referrals where ${zoneScope(s, sql`zone_id`, f.zoneId)} and outcome = 'pending') as pending,
                 (select count(*)::int from finance_needs where ${zoneScope(s, sql`zone_id`, f.zoneId)} and status = 'open') as open_needs`),
      );
      const byInstitution = rowsOf<{ id: string; name: string; kind: string; referrals: number; granted: number; granted_yuan: string | null }>(
        await db.execute(sql`
          select i.id, i.name, i.kind,
                 count(*) filter (where f.referred_on between ${f.from}::date and ${f.to}::date)::int as referrals,
                 count(*) filter (where f.outcome = 'granted' and f.granted_on between ${f.from}::date and ${f.to}::date)::int as granted,
                 sum(f.granted_yuan) filter (where f.outcome = 'granted' and f.granted_on between ${f.from}::date and ${f.to}::date)::bigint as granted_yuan
          from finance_institutions i
          join finance_referrals f on f.zone_id = i.zone_id and f.institution_id = i.id
          where ${zoneScope(s, sql`i.zone_id`, f.zoneId)}
          group by i.id, i.name, i.kind`),
      );
      return {
        pending: n(counts.pending),
        openNeeds: n(counts.open_needs),
        byInstitution: byInstitution
          .map((r) => ({ institutionId: r.id, name: r.name, kind: r.kind, referrals: n(r.referrals), granted: n(r.granted), grantedYuan: n(r.granted_yuan) }))
          .filter((r) => r.referrals > 0 || r.granted > 0),
      };
    },

    async enterpriseExists(db: DbOrTx, id: string) {
      return rowsOf(await db.execute(sql`select 1 from enterprises where id = ${id}::uuid`)).length > 0;
    },
    async zoneName(db: DbOrTx, zoneId: string) {
      return rowsOf<{ name: string }>(await db.execute(sql`select short_name as name from zones where id = ${zoneId}::uuid`))[0]?.name ?? null;
    },
  };
}

export type FinanceRepository = ReturnType<typeof createFinanceRepository>;

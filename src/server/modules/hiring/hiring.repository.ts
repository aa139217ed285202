/** The only SQL of the hiring module (揽才). Lists and totals filter with the caller's scope. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { enterprises } from '../../db/schema/reference.ts';
import { hiringFairPosts, hiringFairs, hiringPartnershipEnterprises, hiringPartnerships, hiringPosts } from './hiring.schema.ts';

type Scope = Pick<SessionContext, 'scope'>;
export type PostRow = typeof hiringPosts.$inferSelect;
export type FairRow = typeof hiringFairs.$inferSelect;
export type PartnershipRow = typeof hiringPartnerships.$inferSelect;
const n = (v: unknown) => Number(v ?? 0);

export function createHiringRepository() {
  return {
    post: async (db: DbOrTx, id: string) => (await db.select().from(hiringPosts).where(eq(hiringPosts.id, id)))[0],
    fair: async (db: DbOrTx, id: string) => (await db.select().from(hiringFairs).where(eq(hiringFairs.id, id)))[0],
    partnership: async (db: DbOrTx, id: string) => (await db.select().from(hiringPartnerships).where(eq(hiringPartnerships.id, id)))[0],

    async listPosts(db: DbOrTx, s: Scope, q: { zoneId?: string; sector?: string; category?: string; fairId?: string; ids?: string[] }) {
      return rowsOf<PostRow & { enterprise_name: string; fair_count: number }>(
        await db.execute(sql`
          select p.id, p.zone_id as "zoneId", p.enterprise_id as "enterpriseId", p.sector, p.position, p.category, p.headcount, p.filled,
                 p.pay_min_yuan as "payMinYuan", p.pay_max_yuan as "payMaxYuan", p.requirements, p.posted_on::text as "postedOn",
                 p.deadline_on::text as "deadlineOn", p.version, e.name as enterprise_name,
                 (select count(*)::int from hiring_fair_posts fp where fp.zone_id = p.zone_id and fp.post_id = p.id) as fair_count
          from hiring_posts p join enterprises e on e.id = p.enterprise_id
          where ${zoneScope(s, sql`p.zone_id`, q.zoneId)}
            ${q.sector ? sql`and p.sector = ${q.sector}` : sql``}
            ${q.category ? sql`and p.category = ${q.category}` : sql``}
            ${q.fairId ? sql`and exists (select 1 from hiring_fair_posts fp where fp.zone_id = p.zone_id and fp.post_id = p.id and fp.fair_id = ${q.fairId}::uuid)` : sql``}
            ${q.ids ? sql`and p.id = ${anyUuid(q.ids)}` : sql``}
          order by p.sector, e.name, p.position`),
      );
    },
    insertPost: async (db: DbOrTx, v: typeof hiringPosts.$inferInsert) => (await db.insert(hiringPosts).values(v).returning())[0],
    updatePost: (db: DbOrTx, id: string, version: number, patch: Partial<typeof hiringPosts.$inferInsert>) =>
      updateVersioned(db, hiringPosts, id, version, patch),
    async postsOfZone(db: DbOrTx, zoneId: string, ids: string[]) {
      if (!ids.length) return [];
      return db
        .select({ id: hiringPosts.id })
        .from(hiringPosts)
        .where(and(eq(hiringPosts.zoneId, zoneId), inArray(hiringPosts.id, ids)));
    },

    async listFairs(db: DbOrTx, s: Scope, q: { zoneId?: string; ids?: string[] }) {
      return rowsOf<FairRow & { post_ids: string[] | null; enterprises: number; positions: number }>(
        await db.execute(sql`
          select f.id, f.zone_id as "zoneId", f.name, f.held_on::text as "heldOn", f.place, f.kind, f.applicants, f.hires, f.note, f.version,
                 (select array_agg(fp.post_id::text) from hiring_fair_posts fp where fp.zone_id = f.zone_id and fp.fair_id = f.id) as post_ids,
                 (select count(distinct p.enterprise_id)::int from hiring_fair_posts fp join hiring_posts p on p.id = fp.post_id and p.zone_id = fp.zone_id where fp.zone_id = f.zone_id and fp.fair_id = f.id) as enterprises,
                 (select coalesce(sum(p.headcount), 0)::int from hiring_fair_posts fp join hiring_posts p on p.id = fp.post_id and p.zone_id = fp.zone_id where fp.zone_id = f.zone_id and fp.fair_id = f.id) as positions
          from hiring_fairs f
          where ${zoneScope(s, sql`f.zone_id`, q.zoneId)} ${q.ids ? sql`and f.id = ${anyUuid(q.ids)}` : sql``}
          order by f.held_on desc`),
      );
    },
    insertFair: async (db: DbOrTx, v: typeof hiringFairs.$inferInsert) => (await db.insert(hiringFairs).values(v).returning())[0],
    updateFair: (db: DbOrTx, id: string, version: number, patch: Partial<typeof hiringFairs.$inferInsert>) =>
      updateVersioned(db, hiringFairs, id, version, patch),
    async fairPostIds(db: DbOrTx, fairId: string) {
      return (await db.select({ id: hiringFairPosts.postId }).from(hiringFairPosts).where(eq(hiringFairPosts.fairId, fairId))).map((r) => r.id);
    },
    async setFairPosts(db: DbOrTx, zoneId: string, fairId: string, postIds: string[]) {
      await db.delete(hiringFairPosts).where(eq(hiringFairPosts.fairId, fairId));
      if (postIds.length) await db.insert(hiringFairPosts).values(postIds.map((postId) => ({ zoneId, fairId, postId })));
    },

    async listPartnerships(db: DbOrTx, s: Scope, q: { zoneId?: string; ids?: string[] }) {
      return rowsOf<PartnershipRow & { enterprises: { id: string; name: string }[] | null }>(
        await db.execute(sql`
          select h.id, h.zone_id as "zoneId", h.school, h.programme, h.class_size as "classSize", h.starts_on::text as "startsOn", h.note, h.version,
                 (select json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name)
                    from hiring_partnership_enterprises pe join enterprises e on e.id = pe.enterprise_id
                    where pe.zone_id = h.zone_id and pe.partnership_id = h.id) as enterprises
          from hiring_partnerships h
          where ${zoneScope(s, sql`h.zone_id`, q.zoneId)} ${q.ids ? sql`and h.id = ${anyUuid(q.ids)}` : sql``}
          order by h.school, h.programme`),
      );
    },
    async partnershipByName(db: DbOrTx, zoneId: string, school: string, programme: string, exceptId?: string) {
      const [row] = await db
        .select({ id: hiringPartnerships.id })
        .from(hiringPartnerships)
        .where(
          and(
            eq(hiringPartnerships.zoneId, zoneId),
            eq(hiringPartnerships.school, school),
            eq(hiringPartnerships.programme, programme),
            exceptId ? sql`${hiringPartnerships.id} <> ${exceptId}::uuid` : undefined,
          ),
        );
      return row?.id;
    },
    insertPartnership: async (db: DbOrTx, v: typeof hiringPartnerships.$inferInsert) => (await db.insert(hiringPartnerships).values(v).returning())[0],
    updatePartnership: (db: DbOrTx, id: string, version: number, patch: Partial<typeof hiringPartnerships.$inferInsert>) =>
      updateVersioned(db, hiringPartnerships, id, version, patch),
    async partnershipEnterpriseIds(db: DbOrTx, id: string) {
      return (
        await db
          .select({ id: hiringPartnershipEnterprises.enterpriseId })
          .from(hiringPartnershipEnterprises)
          .where(eq(hiringPartnershipEnterprises.partnershipId, id))
      ).map((r) => r.id);
    },
    async setPartnershipEnterprises(db: DbOrTx, zoneId: string, partnershipId: string, enterpriseIds: string[]) {
      await db.delete(hiringPartnershipEnterprises).where(eq(hiringPartnershipEnterprises.partnershipId, partnershipId));
      if (enterpriseIds.length)
        await db.insert(hiringPartnershipEnterprises).values(enterpriseIds.map((enterpriseId) => ({ zoneId, partnershipId, enterpriseId })));
    },

    /** Totals and groupings over the zone-led indexes: posts by sector, enterprise and category; fairs; partnerships. */
    async summary(db: DbOrTx, s: Scope, zoneId?: string) {
      const scopeP = zoneScope(s, sql`p.zone_id`, zoneId);
      const [groups, fairs, partnerships] = await Promise.all([
        db.execute(sql`
          select p.sector, p.enterprise_id, e.name as enterprise_name, p.category, count(*)::int as posts, sum(p.headcount)::int as positions, sum(p.filled)::int as filled
          from hiring_posts p join enterprises e on e.id = p.enterprise_id
          where ${scopeP}
          group by grouping sets ((p.sector), (p.enterprise_id, e.name), (p.category), ())`),
        db.execute(
          sql`select count(*)::int as fairs, coalesce(sum(applicants), 0)::int as applicants, coalesce(sum(hires), 0)::int as hires from hiring_fairs f where ${zoneScope(s, sql`f.zone_id`, zoneId)}`,
        ),
        db.execute(
          sql`select count(*)::int as n, coalesce(sum(class_size), 0)::int as seats from hiring_partnerships h where ${zoneScope(s, sql`h.zone_id`, zoneId)}`,
        ),
      ]);
      type G = {
        sector: string | null;
        enterprise_id: string | null;
        enterprise_name: string | null;
        category: string | null;
        posts: number;
        positions: number;
        filled: number;
      };
      const g = rowsOf<G>(groups);
      const item = (key: string, label: string, r: G) => ({ key, label, posts: n(r.posts), positions: n(r.positions), filled: n(r.filled) });
      const total = g.find((r) => !r.sector && !r.enterprise_id && !r.category);
      const f = rowsOf<{ fairs: number; applicants: number; hires: number }>(fairs)[0];
      const p = rowsOf<{ n: number; seats: number }>(partnerships)[0];
      return {
        posts: n(total?.posts),
        positions: n(total?.positions),
        filled: n(total?.filled),
        enterprises: g.filter((r) => r.enterprise_id).length,
        fairs: n(f?.fairs),
        applicants: n(f?.applicants),
        hires: n(f?.hires),
        partnerships: n(p?.n),
        classSeats: n(p?.seats),
        bySector: g.filter((r) => r.sector).map((r) => item(r.sector!, r.sector!, r)),
        byEnterprise: g.filter((r) => r.enterprise_id).map((r) => item(r.enterprise_id!, r.enterprise_name!, r)),
        byCategory: g.filter((r) => r.category).map((r) => item(r.category!, r.category!, r)),
      };
    },

    /** Enterprises of the shared library by exact name (the importer's look-up). */
    async enterprisesByNames(db: DbOrTx, names: string[]) {
      const map = new Map<string, string>();
      if (!names.length) return map;
      const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.name, names));
      for (const r of rows) if (!map.has(r.name)) map.set(r.name, r.id);
      return map;
    },
    /** The zone's post of an enterprise for a position (the importer updates it). */
    /** Current version and position of posts (an import's undo compares the version it left). */
    async postVersions(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return new Map<string, { version: number; position: string }>();
      const rows = rowsOf<{ id: string; version: number; position: string }>(await db.execute(sql`select id, version, position from hiring_posts where id = ${anyUuid(ids)}`));
      return new Map(rows.map((r) => [r.id, { version: Number(r.version), position: r.position }]));
    },
    async deletePosts(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return 0;
      return rowsOf<{ id: string }>(await db.execute(sql`delete from hiring_posts where id = ${anyUuid(ids)} returning id`)).length;
    },
    async postByPosition(db: DbOrTx, zoneId: string, enterpriseId: string, position: string) {
      const [row] = await db
        .select()
        .from(hiringPosts)
        .where(and(eq(hiringPosts.zoneId, zoneId), eq(hiringPosts.enterpriseId, enterpriseId), eq(hiringPosts.position, position)))
        .limit(1);
      return row;
    },
    async enterprisesExist(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      return new Set(rowsOf<{ id: string }>(await db.execute(sql`select id from enterprises where id = ${anyUuid(ids)}`)).map((r) => r.id));
    },
    async zoneName(db: DbOrTx, zoneId: string) {
      return rowsOf<{ name: string }>(await db.execute(sql`select short_name as name from zones where id = ${zoneId}::uuid`))[0]?.name ?? null;
    },
  };
}

export type HiringRepository = ReturnType<typeof createHiringRepository>;

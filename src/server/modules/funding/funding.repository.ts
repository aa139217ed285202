/** The only SQL of the funding module (向上争取资金). Lists and figures filter with the caller's scope. */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { fundingApplications, fundingContacts, fundingProgrammes, fundingReserve, fundingReserveProgrammes } from './funding.schema.ts';

type Scope = Pick<SessionContext, 'scope'>;
export type ProgrammeRow = typeof fundingProgrammes.$inferSelect;
export type ReserveRow = typeof fundingReserve.$inferSelect;
export type ApplicationRow = typeof fundingApplications.$inferSelect;
export type ContactRow = typeof fundingContacts.$inferSelect;

/** The filters of the summary and the export (a zone, a year, a programme, a status). */
export interface SummaryFilter {
  zoneId?: string;
  year?: number;
  programmeId?: string;
  status?: string;
}

const n = (v: unknown) => Number(v ?? 0);

export function createFundingRepository() {
  const zoneOf = async (
    db: DbOrTx,
    table: typeof fundingProgrammes | typeof fundingReserve | typeof fundingApplications | typeof fundingContacts,
    id: string,
  ) => {
    const [row] = await db.select({ zoneId: table.zoneId }).from(table).where(eq(table.id, id));
    return row?.zoneId;
  };

  return {
    zoneOf,
    programme: async (db: DbOrTx, id: string) => (await db.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, id)))[0],
    reserve: async (db: DbOrTx, id: string) => (await db.select().from(fundingReserve).where(eq(fundingReserve.id, id)))[0],
    application: async (db: DbOrTx, id: string) => (await db.select().from(fundingApplications).where(eq(fundingApplications.id, id)))[0],
    contact: async (db: DbOrTx, id: string) => (await db.select().from(fundingContacts).where(eq(fundingContacts.id, id)))[0],

    async programmeByName(db: DbOrTx, zoneId: string, year: number, name: string, exceptId?: string) {
      const [row] = await db
        .select({ id: fundingProgrammes.id })
        .from(fundingProgrammes)
        .where(
          and(
            eq(fundingProgrammes.zoneId, zoneId),
            eq(fundingProgrammes.year, year),
            eq(fundingProgrammes.name, name),
            exceptId ? sql`${fundingProgrammes.id} <> ${exceptId}::uuid` : undefined,
          ),
        );
      return row?.id;
    },
    /** Programmes of a zone by name (any year, newest first): for imports naming a programme. */
    async programmesByNames(db: DbOrTx, zoneId: string, names: string[]) {
      if (!names.length) return new Map<string, string>();
      const rows = await db
        .select({ id: fundingProgrammes.id, name: fundingProgrammes.name, year: fundingProgrammes.year })
        .from(fundingProgrammes)
        .where(and(eq(fundingProgrammes.zoneId, zoneId), inArray(fundingProgrammes.name, names)))
        .orderBy(sql`${fundingProgrammes.year} desc`);
      const map = new Map<string, string>();
      for (const r of rows) if (!map.has(r.name)) map.set(r.name, r.id);
      return map;
    },
    async programmesOfZone(db: DbOrTx, zoneId: string, ids: string[]) {
      if (!ids.length) return [];
      return db
        .select({ id: fundingProgrammes.id })
        .from(fundingProgrammes)
        .where(and(eq(fundingProgrammes.zoneId, zoneId), inArray(fundingProgrammes.id, ids)));
    },

    async listProgrammes(db: DbOrTx, s: Scope, q: { zoneId?: string; year?: number }) {
      return rowsOf<ProgrammeRow & { reserve_count: number; application_count: number }>(
        await db.execute(sql`
          select p.id, p.zone_id as "zoneId", p.year, p.level, p.kind, p.department, p.name, p.policy_document as "policyDocument",
                 p.opens_on::text as "opensOn", p.deadline_on::text as "deadlineOn", p.conditions, p.typical_amount_yuan as "typicalAmountYuan",
                 p.remind_days as "remindDays", p.version,
                 (select count(*)::int from funding_reserve_programmes rp where rp.zone_id = p.zone_id and rp.programme_id = p.id) as reserve_count,
                 (select count(*)::int from funding_applications a where a.zone_id = p.zone_id and a.programme_id = p.id) as application_count
          from funding_programmes p
          where ${zoneScope(s, sql`p.zone_id`, q.zoneId)} ${q.year ? sql`and p.year = ${q.year}` : sql``}
          order by p.year desc, p.deadline_on nulls last, p.name`),
      );
    },
    /** Current version and name of programmes or reserve entries (an import's undo compares the version it left). */
    async versionsOf(db: DbOrTx, table: 'funding_programmes' | 'funding_reserve', ids: readonly string[]) {
      if (!ids.length) return new Map<string, { version: number; name: string }>();
      const rows = rowsOf<{ id: string; version: number; name: string }>(
        await db.execute(sql`select id, version, name from ${sql.identifier(table)} where id = ${anyUuid(ids)}`),
      );
      return new Map(rows.map((r) => [r.id, { version: Number(r.version), name: r.name }]));
    },
    /** Deletes programmes or reserve entries (their fitting rows cascade); answers how many. */
    async deleteRecords(db: DbOrTx, table: 'funding_programmes' | 'funding_reserve', ids: readonly string[]) {
      if (!ids.length) return 0;
      return rowsOf<{ id: string }>(await db.execute(sql`delete from ${sql.identifier(table)} where id = ${anyUuid(ids)} returning id`)).length;
    },
    insertProgramme: async (db: DbOrTx, values: typeof fundingProgrammes.$inferInsert) => (await db.insert(fundingProgrammes).values(values).returning())[0],
    updateProgramme: (db: DbOrTx, id: string, version: number, patch: Partial<typeof fundingProgrammes.$inferInsert>) =>
      updateVersioned(db, fundingProgrammes, id, version, patch),

    async listReserve(db: DbOrTx, s: Scope, q: { zoneId?: string; ids?: string[] }) {
      const ids = q.ids ? sql`and r.id = ${anyUuid(q.ids)}` : sql``;
      return rowsOf<
        ReserveRow & {
          enterprise_name: string | null;
          owner_name: string | null;
          programmes: { id: string; name: string; year: number }[] | null;
          application_count: number;
        }
      >(
        await db.execute(sql`
          select r.id, r.zone_id as "zoneId", r.project_id as "projectId", r.enterprise_id as "enterpriseId", r.name,
                 r.total_investment_yuan as "totalInvestmentYuan", r.preliminary_done as "preliminaryDone", r.feasibility_done as "feasibilityDone",
                 r.report_done as "reportDone", r.owner_user_id as "ownerUserId", r.note, r.added_on::text as "addedOn", r.version,
                 e.name as enterprise_name, u.display_name as owner_name,
                 (select json_agg(json_build_object('id', p.id, 'name', p.name, 'year', p.year) order by p.year desc, p.name)
                    from funding_reserve_programmes rp join funding_programmes p on p.id = rp.programme_id and p.zone_id = rp.zone_id
                    where rp.zone_id = r.zone_id and rp.reserve_id = r.id) as programmes,
                 (select count(*)::int from funding_applications a where a.zone_id = r.zone_id and a.reserve_id = r.id) as application_count
          from funding_reserve r
          left join enterprises e on e.id = r.enterprise_id
          left join users u on u.id = r.owner_user_id
          where ${zoneScope(s, sql`r.zone_id`, q.zoneId)} ${ids}
          order by r.added_on desc, r.name`),
      );
    },
    async reserveByProject(db: DbOrTx, zoneId: string, projectId: string) {
      const [row] = await db
        .select({ id: fundingReserve.id })
        .from(fundingReserve)
        .where(and(eq(fundingReserve.zoneId, zoneId), eq(fundingReserve.projectId, projectId)));
      return row?.id;
    },
    async reserveByName(db: DbOrTx, zoneId: string, name: string, exceptId?: string) {
      const [row] = await db
        .select({ id: fundingReserve.id })
        .from(fundingReserve)
        .where(and(eq(fundingReserve.zoneId, zoneId), eq(fundingReserve.name, name), exceptId ? sql`${fundingReserve.id} <> ${exceptId}::uuid` : undefined));
      return row?.id;
    },
    insertReserve: async (db: DbOrTx, values: typeof fundingReserve.$inferInsert) => (await db.insert(fundingReserve).values(values).returning())[0],
    updateReserve: (db: DbOrTx, id: string, version: number, patch: Partial<typeof fundingReserve.$inferInsert>) =>
      updateVersioned(db, fundingReserve, id, version, patch),
    async reserveProgrammeIds(db: DbOrTx, reserveId: string) {
      return (
        await db.select({ id: fundingReserveProgrammes.programmeId }).from(fundingReserveProgrammes).where(eq(fundingReserveProgrammes.reserveId, reserveId))
      ).map((r) => r.id);
    },
    async setReserveProgrammes(db: DbOrTx, zoneId: string, reserveId: string, programmeIds: string[]) {
      await db.delete(fundingReserveProgrammes).where(eq(fundingReserveProgrammes.reserveId, reserveId));
      if (programmeIds.length) await db.insert(fundingReserveProgrammes).values(programmeIds.map((programmeId) => ({ zoneId, reserveId, programmeId })));
    },

    async listApplications(db: DbOrTx, s: Scope, q: SummaryFilter & { ids?: string[] }) {
      return rowsOf<
        ApplicationRow & {
          reserve_name: string;
          project_id: string | null;
          programme_name: string;
          year: number;
          deadline_on: string | null;
          owner_name: string | null;
        }
      >(
        await db.execute(sql`
          select a.id, a.zone_id as "zoneId", a.reserve_id as "reserveId", a.programme_id as "programmeId", a.status,
                 a.asked_yuan as "askedYuan", a.granted_yuan as "grantedYuan", a.submitted_on::text as "submittedOn", a.approved_on::text as "approvedOn",
                 a.disbursed_on::text as "disbursedOn", a.documents, a.owner_user_id as "ownerUserId", a.note, a.version,
                 r.name as reserve_name, r.project_id, p.name as programme_name, p.year, p.deadline_on::text as deadline_on, u.display_name as owner_name
          from funding_applications a
          join funding_reserve r on r.id = a.reserve_id and r.zone_id = a.zone_id
          join funding_programmes p on p.id = a.programme_id and p.zone_id = a.zone_id
          left join users u on u.id = a.owner_user_id
          where ${zoneScope(s, sql`a.zone_id`, q.zoneId)}
            ${q.year ? sql`and p.year = ${q.year}` : sql``}
            ${q.status ? sql`and a.status = ${q.status}` : sql``}
            ${q.programmeId ? sql`and a.programme_id = ${q.programmeId}::uuid` : sql``}
            ${q.ids ? sql`and a.id = ${anyUuid(q.ids)}` : sql``}
          order by p.year desc, p.deadline_on nulls last, r.name`),
      );
    },
    async applicationExists(db: DbOrTx, zoneId: string, reserveId: string, programmeId: string) {
      const [row] = await db
        .select({ id: fundingApplications.id })
        .from(fundingApplications)
        .where(and(eq(fundingApplications.zoneId, zoneId), eq(fundingApplications.reserveId, reserveId), eq(fundingApplications.programmeId, programmeId)));
      return Boolean(row);
    },
    insertApplication: async (db: DbOrTx, values: typeof fundingApplications.$inferInsert) =>
      (await db.insert(fundingApplications).values(values).returning())[0],
    updateApplication: (db: DbOrTx, id: string, version: number, patch: Partial<typeof fundingApplications.$inferInsert>) =>
      updateVersioned(db, fundingApplications, id, version, patch),

    async listContacts(db: DbOrTx, s: Scope, q: { zoneId?: string; year?: number; ids?: string[] }) {
      return rowsOf<ContactRow & { programme_name: string | null; reserve_name: string | null; recorded_by_name: string | null }>(
        await db.execute(sql`
          select c.id, c.zone_id as "zoneId", c.contacted_on::text as "contactedOn", c.department, c.person, c.subject, c.next_step as "nextStep",
                 c.programme_id as "programmeId", c.reserve_id as "reserveId", c.version,
                 p.name as programme_name, r.name as reserve_name, u.display_name as recorded_by_name
          from funding_contacts c
          left join funding_programmes p on p.id = c.programme_id and p.zone_id = c.zone_id
          left join funding_reserve r on r.id = c.reserve_id and r.zone_id = c.zone_id
          left join users u on u.id = c.recorded_by_id
          where ${zoneScope(s, sql`c.zone_id`, q.zoneId)}
            ${q.year ? sql`and c.contacted_on >= ${`${q.year}-01-01`}::date and c.contacted_on <= ${`${q.year}-12-31`}::date` : sql``}
            ${q.ids ? sql`and c.id = ${anyUuid(q.ids)}` : sql``}
          order by c.contacted_on desc, c.created_at desc`),
      );
    },
    insertContact: async (db: DbOrTx, values: typeof fundingContacts.$inferInsert) => (await db.insert(fundingContacts).values(values).returning())[0],
    updateContact: (db: DbOrTx, id: string, version: number, patch: Partial<typeof fundingContacts.$inferInsert>) =>
      updateVersioned(db, fundingContacts, id, version, patch),

    /**
     * The summary's figures, in four aggregate statements over the zone-led indexes: 储备 (entries added
     * in the year, or fitting the programme), 申报 (applications past 谋划), 对接 (contacts) and 争取资金
     * (granted on applications 下达 or 拨付), by programme, by year and by status.
     */
    async summary(db: DbOrTx, s: Scope, f: SummaryFilter) {
      const scopeA = zoneScope(s, sql`a.zone_id`, f.zoneId);
      const appWhere: SQL = sql`${scopeA} ${f.year ? sql`and p.year = ${f.year}` : sql``} ${f.programmeId ? sql`and a.programme_id = ${f.programmeId}::uuid` : sql``} ${f.status ? sql`and a.status = ${f.status}` : sql``}`;
      const reserveWhere: SQL = sql`${zoneScope(s, sql`r.zone_id`, f.zoneId)}
        ${f.year ? sql`and extract(year from r.added_on) = ${f.year}` : sql``}
        ${f.programmeId ? sql`and exists (select 1 from funding_reserve_programmes rp where rp.zone_id = r.zone_id and rp.reserve_id = r.id and rp.programme_id = ${f.programmeId}::uuid)` : sql``}`;
      const contactWhere: SQL = sql`${zoneScope(s, sql`c.zone_id`, f.zoneId)}
        ${f.year ? sql`and c.contacted_on between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date` : sql``}
        ${f.programmeId ? sql`and c.programme_id = ${f.programmeId}::uuid` : sql``}`;
      const [byProgramme, byYearApps, byYearReserve, byYearContacts] = await Promise.all([
        db.execute(sql`
          select p.id, p.name, p.year, count(*) filter (where a.status <> 'planning')::int as applied,
                 coalesce(sum(a.asked_yuan), 0)::bigint as asked, coalesce(sum(a.granted_yuan) filter (where a.status in ('approved','disbursed')), 0)::bigint as granted,
                 a.status, count(*)::int as n
          from funding_applications a join funding_programmes p on p.id = a.programme_id and p.zone_id = a.zone_id
          where ${appWhere}
          group by grouping sets ((p.id, p.name, p.year), (a.status))`),
        db.execute(sql`
          select p.year, count(*) filter (where a.status <> 'planning')::int as applied, coalesce(sum(a.asked_yuan), 0)::bigint as asked,
                 coalesce(sum(a.granted_yuan) filter (where a.status in ('approved','disbursed')), 0)::bigint as granted
          from funding_applications a join funding_programmes p on p.id = a.programme_id and p.zone_id = a.zone_id
          where ${appWhere} group by p.year`),
        db.execute(sql`select extract(year from r.added_on)::int as year, count(*)::int as n from funding_reserve r where ${reserveWhere} group by 1`),
        db.execute(sql`select extract(year from c.contacted_on)::int as year, count(*)::int as n from funding_contacts c where ${contactWhere} group by 1`),
      ]);
      type G = {
        id: string | null;
        name: string | null;
        year: number | null;
        applied: number;
        asked: string;
        granted: string;
        status: string | null;
        n: number;
      };
      const grouped = rowsOf<G>(byProgramme);
      // Reserve and contacts per programme (fitting entries; contacts naming it).
      const programmeIds = grouped.filter((g) => g.id).map((g) => g.id!);
      const perProgramme = programmeIds.length
        ? rowsOf<{ id: string; reserve: number; contacts: number }>(
            await db.execute(sql`
              select p.id,
                (select count(*)::int from funding_reserve_programmes rp where rp.zone_id = p.zone_id and rp.programme_id = p.id) as reserve,
                (select count(*)::int from funding_contacts c where c.zone_id = p.zone_id and c.programme_id = p.id) as contacts
              from funding_programmes p where p.id = ${anyUuid(programmeIds)}`),
          )
        : [];
      return {
        byProgramme: grouped
          .filter((g) => g.id)
          .map((g) => {
            const extra = perProgramme.find((p) => p.id === g.id);
            return {
              programmeId: g.id!,
              name: g.name!,
              year: n(g.year),
              applied: n(g.applied),
              askedYuan: n(g.asked),
              grantedYuan: n(g.granted),
              reserve: n(extra?.reserve),
              contacts: n(extra?.contacts),
            };
          }),
        byStatus: grouped.filter((g) => g.status).map((g) => ({ status: g.status!, count: n(g.n), askedYuan: n(g.asked), grantedYuan: n(g.granted) })),
        appsByYear: rowsOf<{ year: number; applied: number; asked: string; granted: string }>(byYearApps).map((r) => ({
          year: n(r.year),
          applied: n(r.applied),
          askedYuan: n(r.asked),
          grantedYuan: n(r.granted),
        })),
        reserveByYear: rowsOf<{ year: number; n: number }>(byYearReserve).map((r) => ({ year: n(r.year), n: n(r.n) })),
        contactsByYear: rowsOf<{ year: number; n: number }>(byYearContacts).map((r) => ({ year: n(r.year), n: n(r.n) })),
      };
    },

    /** Applications still at 谋划 whose programme's deadline falls within its reminder days of `today`, not yet reminded. */
    async dueReminders(db: DbOrTx, s: Scope | null, today: string) {
      return rowsOf<{ id: string; zone_id: string; owner_user_id: string | null; reserve_name: string; programme_name: string; deadline_on: string }>(
        await db.execute(sql`
          select a.id, a.zone_id, a.owner_user_id, r.name as reserve_name, p.name as programme_name, p.deadline_on::text as deadline_on
          from funding_applications a
          join funding_programmes p on p.id = a.programme_id and p.zone_id = a.zone_id
          join funding_reserve r on r.id = a.reserve_id and r.zone_id = a.zone_id
          where ${s ? zoneScope(s, sql`a.zone_id`) : sql`true`} and a.status = 'planning' and a.reminded_on is null
            and p.deadline_on is not null and p.deadline_on >= ${today}::date and p.deadline_on - p.remind_days <= ${today}::date`),
      );
    },
    async markReminded(db: DbOrTx, ids: string[], today: string) {
      if (ids.length)
        await db
          .update(fundingApplications)
          .set({ remindedOn: today })
          .where(and(inArray(fundingApplications.id, ids), sql`${fundingApplications.remindedOn} is null`));
    },

    /** Projects and users referred to, with their zone (look-ups for the rules; never written here). */
    async projectOf(db: DbOrTx, id: string) {
      const rows = rowsOf<{ id: string; zone_id: string; name: string; enterprise_id: string | null; total_investment_yuan: string | null }>(
        await db.execute(sql`select id, zone_id, name, investor_enterprise_id as enterprise_id, total_investment_yuan from projects where id = ${id}::uuid`),
      );
      return rows[0];
    },
    async projectByName(db: DbOrTx, zoneId: string, name: string) {
      return rowsOf<{ id: string }>(await db.execute(sql`select id from projects where zone_id = ${zoneId}::uuid and name = ${name} limit 1`))[0]?.id ?? null;
    },
    async userCoversZone(db: DbOrTx, userId: string, zoneId: string) {
      const rows = rowsOf<{ ok: number }>(
        await db.execute(
          sql`select 1 as ok from users u where u.id = ${userId}::uuid and u.active and (u.role = 'system_admin' or exists (select 1 from user_zones uz where uz.user_id = u.id and uz.zone_id = ${zoneId}::uuid))`,
        ),
      );
      return rows.length > 0;
    },
    async zoneName(db: DbOrTx, zoneId: string) {
      return rowsOf<{ name: string }>(await db.execute(sql`select short_name as name from zones where id = ${zoneId}::uuid`))[0]?.name ?? null;
    },
    async enterpriseExists(db: DbOrTx, id: string) {
      return rowsOf(await db.execute(sql`select 1 from enterprises where id = ${id}::uuid`)).length > 0;
    },
  };
}

export type FundingRepository = ReturnType<typeof createFundingRepository>;

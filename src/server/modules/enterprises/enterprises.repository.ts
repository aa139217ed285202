import { and, asc, count, desc, eq, ilike, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { enterpriseSorts } from '../../../contract/enterprises.ts';
import { industrySections } from '../../../contract/industries.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid, containsPattern } from '../../db/sql-helpers.ts';
import { enterpriseContacts, enterprises, leads, regions, zones } from '../../db/schema.ts';
import { updateVersioned } from '../../platform/versioned.ts';

/** The caller's zones as a predicate on a zone column (platform/scope.ts zoneScope). */
export type ZoneFilter = (zoneColumn: SQL | typeof leads.zoneId) => SQL;

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseSort = (typeof enterpriseSorts)[number];

const divisionsOfSection = (section: string) => industrySections.find((s) => s.code === section)?.divisions.map(([code]) => code) ?? [];

export function createEnterprisesRepository() {
  return {
    async findById(db: DbOrTx, id: string): Promise<EnterpriseRow | undefined> {
      const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
      return row;
    },
    async findByCreditCode(db: DbOrTx, creditCode: string): Promise<EnterpriseRow | undefined> {
      const [row] = await db.select().from(enterprises).where(eq(enterprises.creditCode, creditCode));
      return row;
    },
    /** Every enterprise's name and stored comparable form (re-normalising after the rule changed). */
    namesAndForms: (db: DbOrTx) => db.select({ id: enterprises.id, name: enterprises.name, normalizedName: enterprises.normalizedName }).from(enterprises),
    /** Only the comparable form: not an edit (no version, no audit), a derived column brought up to date. */
    async setNormalizedName(db: DbOrTx, id: string, normalizedName: string) {
      await db.update(enterprises).set({ normalizedName }).where(eq(enterprises.id, id));
    },
    findByNormalizedName: (db: DbOrTx, normalizedName: string) => db.select().from(enterprises).where(eq(enterprises.normalizedName, normalizedName)),

    /** A page of the directory (or, with `page` null, every match: the export), sorted as asked. */
    async list(
      db: DbOrTx,
      filter: { q?: string; normalizedQ?: string; industry?: string },
      page: { page: number; pageSize: number } | null,
      sort: { sort: EnterpriseSort; order: 'asc' | 'desc' } = { sort: 'name', order: 'asc' },
    ) {
      const conditions: SQL[] = [];
      if (filter.q) {
        conditions.push(
          or(
            ilike(enterprises.name, containsPattern(filter.q)),
            ilike(enterprises.normalizedName, containsPattern(filter.normalizedQ ?? filter.q)),
            eq(enterprises.creditCode, filter.q.toUpperCase()),
          )!,
        );
      }
      if (filter.industry) {
        // A section letter stands for its divisions (C → 13…43); a code for itself and its classes.
        const prefixes = /^[A-T]$/.test(filter.industry) ? divisionsOfSection(filter.industry) : [filter.industry];
        conditions.push(or(...prefixes.map((p) => like(enterprises.industryCode, `${p}%`)), eq(enterprises.industryCode, filter.industry))!);
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const direction = sort.order === 'desc' ? desc : asc;
      const column = { name: enterprises.normalizedName, registeredCapital: enterprises.registeredCapitalYuan, updatedAt: enterprises.updatedAt }[sort.sort];
      const query = db
        .select()
        .from(enterprises)
        .where(where)
        // Nulls last whichever way (only the capital can be empty: the name and the date keep a plain
        // order an index serves), then the id: a stable order across pages.
        .orderBy(...(sort.sort === 'registeredCapital' ? [sql`${column} is null`] : []), direction(column), direction(enterprises.id));
      const [items, [{ total }]] = await Promise.all([
        page ? query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : query,
        db.select({ total: count() }).from(enterprises).where(where),
      ]);
      return { items, total: Number(total) };
    },

    async insert(db: DbOrTx, values: typeof enterprises.$inferInsert): Promise<EnterpriseRow> {
      const [row] = await db.insert(enterprises).values(values).returning();
      return row;
    },

    update: (db: DbOrTx, id: string, version: number, patch: Partial<typeof enterprises.$inferInsert>) => updateVersioned(db, enterprises, id, version, patch),

    async regionName(db: DbOrTx, code: string | null): Promise<string | null> {
      if (!code) return null;
      const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
      return row?.name ?? null;
    },
    async regionExists(db: DbOrTx, code: string): Promise<boolean> {
      return (await this.regionName(db, code)) !== null;
    },

    listContacts: (db: DbOrTx, enterpriseId: string) =>
      db
        .select()
        .from(enterpriseContacts)
        .where(eq(enterpriseContacts.enterpriseId, enterpriseId))
        .orderBy(asc(enterpriseContacts.createdAt), asc(enterpriseContacts.id)),
    async findContact(db: DbOrTx, id: string) {
      const [row] = await db.select().from(enterpriseContacts).where(eq(enterpriseContacts.id, id));
      return row;
    },
    async insertContact(db: DbOrTx, values: typeof enterpriseContacts.$inferInsert) {
      const [row] = await db.insert(enterpriseContacts).values(values).returning();
      return row;
    },
    /** Only when the contact still has the version the client read (undefined otherwise). */
    async updateContact(db: DbOrTx, id: string, version: number, patch: Partial<typeof enterpriseContacts.$inferInsert>) {
      const [row] = await db
        .update(enterpriseContacts)
        .set({ ...patch, version: sql`${enterpriseContacts.version} + 1` })
        .where(and(eq(enterpriseContacts.id, id), eq(enterpriseContacts.version, version)))
        .returning();
      return row;
    },
    async deleteContact(db: DbOrTx, id: string) {
      await db.delete(enterpriseContacts).where(eq(enterpriseContacts.id, id));
    },
    async deleteEnterprise(db: DbOrTx, id: string) {
      await db.delete(enterprises).where(eq(enterprises.id, id));
    },

    /** Same normalised name, other record: the candidates for a merge. */
    similar: (db: DbOrTx, id: string, normalizedName: string) =>
      db
        .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(and(eq(enterprises.normalizedName, normalizedName), ne(enterprises.id, id)))
        .limit(20),

    /** Of `enterpriseIds`, those with a lead or project in the caller's zones (they may edit it). */
    async linkedToZones(db: DbOrTx, enterpriseIds: string[], inZones: ZoneFilter, withProjects: boolean): Promise<Set<string>> {
      if (!enterpriseIds.length) return new Set();
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`select distinct enterprise_id as id from leads where enterprise_id = ${anyUuid(enterpriseIds)} and ${inZones(sql`zone_id`)}
          ${withProjects ? sql`union select distinct investor_enterprise_id from projects where investor_enterprise_id = ${anyUuid(enterpriseIds)} and ${inZones(sql`zone_id`)}` : sql``}`),
      );
      return new Set(rows.map((r) => r.id));
    },

    leadsOf: (db: DbOrTx, enterpriseId: string, inZones: ZoneFilter) =>
      db
        .select({
          id: leads.id,
          zoneId: leads.zoneId,
          zoneName: zones.shortName,
          code: leads.code,
          name: leads.name,
          stage: leads.stage,
          status: leads.status,
          amountYuan: leads.plannedInvestmentYuan,
        })
        .from(leads)
        .innerJoin(zones, eq(zones.id, leads.zoneId))
        .where(and(eq(leads.enterpriseId, enterpriseId), inZones(leads.zoneId)))
        .orderBy(asc(leads.code)),
    async projectsOf(db: DbOrTx, enterpriseId: string, inZones: ZoneFilter) {
      const rows = rowsOf<{ id: string; zone_id: string; zone_name: string; name: string; stage: string; amount_yuan: string | number | null }>(
        await db.execute(sql`select p.id, p.zone_id, z.short_name as zone_name, p.name, p.stage, p.total_investment_yuan as amount_yuan
          from projects p join zones z on z.id = p.zone_id where p.investor_enterprise_id = ${enterpriseId}::uuid and ${inZones(sql`p.zone_id`)} order by p.name`),
      );
      return rows.map((r) => ({
        id: r.id,
        zoneId: r.zone_id,
        zoneName: r.zone_name,
        code: null,
        name: r.name,
        stage: r.stage,
        status: null,
        amountYuan: r.amount_yuan == null ? null : Number(r.amount_yuan),
      }));
    },

    /** Whether a table exists (the projects table arrives with its own module). */
    async tableExists(db: DbOrTx, name: string): Promise<boolean> {
      const rows = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass(${`public.${name}`})::text as t`));
      return Boolean(rows[0]?.t);
    },

    /** Every column in the database that references enterprises.id, so a merge moves every link. */
    async referencingColumns(db: DbOrTx): Promise<{ table: string; column: string }[]> {
      const rows = rowsOf<{ table_name: string; column_name: string }>(
        await db.execute(sql`select c.conrelid::regclass::text as table_name, a.attname as column_name
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.confrelid = 'public.enterprises'::regclass order by 1, 2`),
      );
      return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
    },
    async moveLinks(db: DbOrTx, table: string, column: string, fromId: string, toId: string): Promise<number> {
      const result = await db.execute(
        sql`update ${sql.identifier(table.replace(/^public\./, '').replace(/"/g, ''))} set ${sql.identifier(column)} = ${toId}::uuid where ${sql.identifier(column)} = ${fromId}::uuid`,
      );
      return Number((result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
    },
  };
}

export type EnterprisesRepository = ReturnType<typeof createEnterprisesRepository>;

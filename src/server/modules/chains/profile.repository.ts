/** The SQL of the enterprise profile: honours, yearly figures, production lines, cooperation agreements. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { users, zones } from '../../db/schema.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { enterpriseCooperations, enterpriseHonours, enterpriseProductionLines, enterpriseYearlyFigures } from './chains.schema.ts';

/** The profile's tables, by kind: each row is a fact of an enterprise with who entered it. */
export const profileTables = {
  honour: enterpriseHonours,
  figures: enterpriseYearlyFigures,
  line: enterpriseProductionLines,
  cooperation: enterpriseCooperations,
} as const;
export type ProfileKind = keyof typeof profileTables;

export function createProfileRepository() {
  /** Rows of one table for an enterprise, with the names of who entered them and from where. */
  async function rowsOfEnterprise<K extends ProfileKind>(db: DbOrTx, kind: K, enterpriseId: string) {
    const t = profileTables[kind];
    const order =
      kind === 'honour'
        ? [desc(enterpriseHonours.year), asc(enterpriseHonours.kind)]
        : kind === 'figures'
          ? [desc(enterpriseYearlyFigures.year)]
          : kind === 'line'
            ? [asc(enterpriseProductionLines.createdAt)]
            : [desc(enterpriseCooperations.signedOn)];
    const rows = await db
      .select({ row: t, enteredByName: users.displayName, enteredInZoneName: zones.shortName })
      .from(t as never)
      .leftJoin(users, eq(users.id, t.enteredById))
      .leftJoin(zones, eq(zones.id, t.enteredInZoneId))
      .where(eq(t.enterpriseId, enterpriseId))
      .orderBy(...order);
    return rows as unknown as { row: (typeof profileTables)[K]['$inferSelect']; enteredByName: string | null; enteredInZoneName: string | null }[];
  }

  return {
    rowsOfEnterprise,
    async find<K extends ProfileKind>(db: DbOrTx, kind: K, id: string): Promise<(typeof profileTables)[K]['$inferSelect'] | undefined> {
      const t = profileTables[kind];
      const [row] = await db
        .select()
        .from(t as never)
        .where(eq(t.id, id));
      return row as never;
    },
    async insert<K extends ProfileKind>(db: DbOrTx, kind: K, values: (typeof profileTables)[K]['$inferInsert']) {
      const [row] = await db
        .insert(profileTables[kind])
        .values(values as never)
        .returning();
      return row as (typeof profileTables)[K]['$inferSelect'];
    },
    update: <K extends ProfileKind>(db: DbOrTx, kind: K, id: string, version: number, patch: Partial<(typeof profileTables)[K]['$inferInsert']>) =>
      updateVersioned(db, profileTables[kind] as never, id, version, patch as never) as Promise<(typeof profileTables)[K]['$inferSelect']>,
    async remove(db: DbOrTx, kind: ProfileKind, id: string) {
      const t = profileTables[kind];
      await db.delete(t).where(eq(t.id, id));
    },
    async honourOf(db: DbOrTx, enterpriseId: string, kind: string, year: number) {
      const [row] = await db
        .select({ id: enterpriseHonours.id })
        .from(enterpriseHonours)
        .where(and(eq(enterpriseHonours.enterpriseId, enterpriseId), eq(enterpriseHonours.kind, kind as never), eq(enterpriseHonours.year, year)));
      return row;
    },
    async figuresOf(db: DbOrTx, enterpriseId: string, year: number) {
      const [row] = await db
        .select()
        .from(enterpriseYearlyFigures)
        .where(and(eq(enterpriseYearlyFigures.enterpriseId, enterpriseId), eq(enterpriseYearlyFigures.year, year)));
      return row;
    },
    /** Existing figures' (enterprise, year) of a batch, for the importer: key `${enterpriseId}:${year}`. */
    async figureKeys(db: DbOrTx, enterpriseIds: string[]): Promise<Set<string>> {
      if (!enterpriseIds.length) return new Set();
      const rows = rowsOf<{ enterprise_id: string; year: number }>(
        await db.execute(sql`select enterprise_id, year from enterprise_yearly_figures where enterprise_id = any(${sql.param(enterpriseIds)}::uuid[])`),
      );
      return new Set(rows.map((r) => `${r.enterprise_id}:${r.year}`));
    },
    /**
     * Writes an import's yearly figures set-based: new years inserted, existing ones updated (only the
     * cells the sheet filled), each bumping its version. Answers inserted and updated counts.
     */
    /**
     * Writes the staged figures set-based; answers the counts and, for undo, each row written: its id,
     * the version it left and (an existing year) its columns before, read in the same statement.
     */
    async commitFigures(db: DbOrTx, source: ReturnType<typeof sql>, input: { importId: string; userId: string; zoneId: string }) {
      const rows = rowsOf<{ id: string; version: number; inserted: boolean; before: Record<string, unknown> | null }>(
        await db.execute(sql`
          with src as (
            select (data->>'enterpriseId')::uuid as enterprise_id, (data->>'year')::smallint as year,
              (data->>'outputYuan')::bigint as output_yuan, (data->>'revenueYuan')::bigint as revenue_yuan, (data->>'taxYuan')::bigint as tax_yuan,
              (data->>'landMu')::numeric as land_mu, (data->>'energyTce')::numeric as energy_tce, (data->>'emissionsTonnes')::numeric as emissions_tonnes,
              (data->>'employees')::int as employees, (data->>'rndYuan')::bigint as rnd_yuan,
              (data->>'valueAddedYuan')::bigint as value_added_yuan
            from (${source}) s
          ),
          old as (
            select o.id, jsonb_build_object('output_yuan', o.output_yuan, 'revenue_yuan', o.revenue_yuan, 'tax_yuan', o.tax_yuan, 'land_mu', o.land_mu,
              'energy_tce', o.energy_tce, 'emissions_tonnes', o.emissions_tonnes, 'employees', o.employees, 'rnd_yuan', o.rnd_yuan,
              'value_added_yuan', o.value_added_yuan, 'source', o.source, 'import_id', o.import_id, 'entered_by_id', o.entered_by_id,
              'entered_in_zone_id', o.entered_in_zone_id) as before
            from enterprise_yearly_figures o join src on src.enterprise_id = o.enterprise_id and src.year = o.year
          ),
          up as (
          insert into enterprise_yearly_figures as f (enterprise_id, year, output_yuan, revenue_yuan, tax_yuan, land_mu, energy_tce, emissions_tonnes, employees, rnd_yuan, value_added_yuan,
            source, import_id, entered_by_id, entered_in_zone_id)
          select enterprise_id, year, output_yuan, revenue_yuan, tax_yuan, land_mu, energy_tce, emissions_tonnes, employees, rnd_yuan, value_added_yuan,
            'import', ${input.importId}::uuid, ${input.userId}::uuid, ${input.zoneId}::uuid from src
          on conflict (enterprise_id, year) do update set
            output_yuan = coalesce(excluded.output_yuan, f.output_yuan), revenue_yuan = coalesce(excluded.revenue_yuan, f.revenue_yuan),
            tax_yuan = coalesce(excluded.tax_yuan, f.tax_yuan), land_mu = coalesce(excluded.land_mu, f.land_mu),
            energy_tce = coalesce(excluded.energy_tce, f.energy_tce), emissions_tonnes = coalesce(excluded.emissions_tonnes, f.emissions_tonnes),
            employees = coalesce(excluded.employees, f.employees), rnd_yuan = coalesce(excluded.rnd_yuan, f.rnd_yuan),
            value_added_yuan = coalesce(excluded.value_added_yuan, f.value_added_yuan),
            source = 'import', import_id = excluded.import_id, entered_by_id = excluded.entered_by_id, entered_in_zone_id = excluded.entered_in_zone_id,
            version = f.version + 1, updated_at = now()
          returning f.id, f.version, (xmax = 0) as inserted)
          select up.id, up.version, up.inserted, old.before from up left join old on old.id = up.id`),
      );
      return {
        counts: { figuresCreated: rows.filter((r) => r.inserted).length, figuresUpdated: rows.filter((r) => !r.inserted).length },
        written: rows.map((r) => ({ id: r.id, version: Number(r.version), inserted: r.inserted, before: r.before })),
      };
    },
    /** Current version and label (enterprise name and year) of yearly figures by id. */
    async figureVersions(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return new Map<string, { version: number; label: string }>();
      const rows = rowsOf<{ id: string; version: number; label: string }>(
        await db.execute(sql`select f.id, f.version, e.name || ' ' || f.year || '年' as label
          from enterprise_yearly_figures f join enterprises e on e.id = f.enterprise_id where f.id = any(${sql.param([...ids])}::uuid[])`),
      );
      return new Map(rows.map((r) => [r.id, { version: Number(r.version), label: r.label }]));
    },
    /** An import's undo: the years it created deleted, the ones it updated given their columns back (a version each). */
    async undoFigures(db: DbOrTx, createdIds: readonly string[], restores: readonly { id: string; before: unknown }[]) {
      if (createdIds.length) await db.execute(sql`delete from enterprise_yearly_figures where id = any(${sql.param([...createdIds])}::uuid[])`);
      if (restores.length)
        await db.execute(sql`
          with b as (select (e->>'id')::uuid as fid, r.* from jsonb_array_elements(${JSON.stringify(restores)}::jsonb) e,
                       jsonb_populate_record(null::enterprise_yearly_figures, e->'before') r)
          update enterprise_yearly_figures f set output_yuan = b.output_yuan, revenue_yuan = b.revenue_yuan, tax_yuan = b.tax_yuan, land_mu = b.land_mu,
            energy_tce = b.energy_tce, emissions_tonnes = b.emissions_tonnes, employees = b.employees, rnd_yuan = b.rnd_yuan,
            value_added_yuan = b.value_added_yuan, source = b.source, import_id = b.import_id, entered_by_id = b.entered_by_id,
            entered_in_zone_id = b.entered_in_zone_id, version = f.version + 1, updated_at = now()
          from b where f.id = b.fid`);
    },
  };
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>;

/**
 * The SQL of 亩均效益评价. The figures are read from `enterprise_yearly_figures` (the chains module's
 * table, by its documented columns, docs/chains.md); a zone's enterprises are those it registered,
 * invests with (projects' investor) or has on its chains (`chain_link_enterprises`).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { users, zones } from '../../db/schema.ts';
import { anyUuid, containsPattern } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { FigureField, listResultsQuery } from '../../../contract/land-efficiency.ts';
import type { z } from 'zod';
import { landEfficiencyConfigs, landEfficiencyResults, landEfficiencyRuns } from './land-efficiency.schema.ts';
import type { Evaluated } from './land-efficiency.rules.ts';

const num = (v: unknown) => (v == null ? null : Number(v));

/** A result as stored: the run's evaluation with the figures shown beside it. */
export type ResultRow = Evaluated & { landMu: number | null; taxYuan: number | null; valueAddedYuan: number | null };

/** Everything a result row stores, hashed: equal digests, nothing to write. */
export const digestOf = (r: ResultRow) =>
  createHash('sha1')
    .update(JSON.stringify([r.landMu, r.taxYuan, r.valueAddedYuan, r.values, r.scores, r.score, r.rank, r.grade, r.missing]))
    .digest('base64');

export interface CandidateRow {
  enterprise_id: string;
  name: string;
  credit_code: string | null;
  land_mu: string | null;
  tax_yuan: string | null;
  value_added_yuan: string | null;
  energy_tce: string | null;
  emissions_tonnes: string | null;
  employees: number | null;
  rnd_yuan: string | null;
  revenue_yuan: string | null;
  output_yuan: string | null;
}

/** The zone's enterprises (registered, invested with, on its chains): `id in (…)`, a hashed semi-join. */
export const zoneMembers = (zoneId: string) => sql`
  select e2.id from enterprises e2 where e2.created_in_zone_id = ${zoneId}::uuid
  union select p.investor_enterprise_id from projects p where p.zone_id = ${zoneId}::uuid and p.investor_enterprise_id is not null
  union select cle.enterprise_id from chain_link_enterprises cle where cle.zone_id = ${zoneId}::uuid`;

/**
 * The enterprises to evaluate for a zone-year: those of the zone with land that year (> 0 and at
 * least `minLandMu`), or with land unknown that year (no row, or no 用地) and land the year before —
 * the latter with whatever figures they have, so they show as 数据不全 instead of vanishing. The
 * figures are found through their (enterprise_id, year) key.
 */
export const candidatesSql = (zoneId: string, year: number, minLandMu: number) => sql`
  select e.id as enterprise_id, e.name, e.credit_code, c.land_mu, c.tax_yuan, c.value_added_yuan, c.energy_tce, c.emissions_tonnes, c.employees,
    c.rnd_yuan, c.revenue_yuan, c.output_yuan
  from enterprises e
  left join enterprise_yearly_figures c on c.enterprise_id = e.id and c.year = ${year}
  left join enterprise_yearly_figures p on p.enterprise_id = e.id and p.year = ${year - 1}
  where e.id in (${zoneMembers(zoneId)})
    and ((c.land_mu > 0 and c.land_mu >= ${minLandMu}) or (c.land_mu is null and p.land_mu >= greatest(${minLandMu}, 0.01)))`;

export const figuresOf = (r: CandidateRow): Partial<Record<FigureField, number | null>> => ({
  landMu: num(r.land_mu),
  taxYuan: num(r.tax_yuan),
  valueAddedYuan: num(r.value_added_yuan),
  energyTce: num(r.energy_tce),
  emissionsTonnes: num(r.emissions_tonnes),
  employees: num(r.employees),
  rndYuan: num(r.rnd_yuan),
  revenueYuan: num(r.revenue_yuan),
  outputYuan: num(r.output_yuan),
});

const sortSql: Record<z.infer<typeof listResultsQuery>['sort'], SQL> = {
  rank: sql`r.rank`,
  score: sql`r.score`,
  name: sql`e.name`,
  landMu: sql`r.land_mu`,
  taxPerMu: sql`(r.tax_yuan / nullif(r.land_mu, 0))`,
};

export function createLandEfficiencyRepository() {
  return {
    async zoneName(db: DbOrTx, zoneId: string) {
      const [z] = await db.select({ name: zones.name, shortName: zones.shortName }).from(zones).where(eq(zones.id, zoneId));
      return z;
    },

    /** The policy saved for the year, else the latest earlier one of the zone. */
    async configFor(db: DbOrTx, zoneId: string, year: number) {
      const [row] = await db
        .select({ config: landEfficiencyConfigs, updatedByName: users.displayName })
        .from(landEfficiencyConfigs)
        .leftJoin(users, eq(users.id, landEfficiencyConfigs.updatedById))
        .where(and(eq(landEfficiencyConfigs.zoneId, zoneId), sql`${landEfficiencyConfigs.year} <= ${year}`))
        .orderBy(desc(landEfficiencyConfigs.year))
        .limit(1);
      return row;
    },
    async insertConfig(db: DbOrTx, values: typeof landEfficiencyConfigs.$inferInsert) {
      const [row] = await db.insert(landEfficiencyConfigs).values(values).returning();
      return row;
    },
    updateConfig: (db: DbOrTx, id: string, version: number, patch: Partial<typeof landEfficiencyConfigs.$inferInsert>) =>
      updateVersioned(db, landEfficiencyConfigs, id, version, patch),

    async candidates(db: DbOrTx, zoneId: string, year: number, minLandMu: number) {
      return rowsOf<CandidateRow>(await db.execute(candidatesSql(zoneId, year, minLandMu)));
    },

    async latestRun(db: DbOrTx, zoneId: string, year: number) {
      const [row] = await db
        .select({ run: landEfficiencyRuns, runByName: users.displayName })
        .from(landEfficiencyRuns)
        .leftJoin(users, eq(users.id, landEfficiencyRuns.runById))
        .where(and(eq(landEfficiencyRuns.zoneId, zoneId), eq(landEfficiencyRuns.year, year)))
        .orderBy(desc(landEfficiencyRuns.createdAt))
        .limit(1);
      return row;
    },
    async runs(db: DbOrTx, zoneId: string, year: number) {
      return db
        .select({ run: landEfficiencyRuns, runByName: users.displayName })
        .from(landEfficiencyRuns)
        .leftJoin(users, eq(users.id, landEfficiencyRuns.runById))
        .where(and(eq(landEfficiencyRuns.zoneId, zoneId), eq(landEfficiencyRuns.year, year)))
        .orderBy(desc(landEfficiencyRuns.createdAt));
    },
    async insertRun(db: DbOrTx, values: typeof landEfficiencyRuns.$inferInsert) {
      const [row] = await db.insert(landEfficiencyRuns).values(values).returning();
      return row;
    },
    /** The zone-year's stored results before a re-run: enterprise id → grade (null: 数据不全, for the audit) and digest. */
    async storedOf(db: DbOrTx, zoneId: string, year: number) {
      const rows = await db
        .select({ enterpriseId: landEfficiencyResults.enterpriseId, grade: landEfficiencyResults.grade, digest: landEfficiencyResults.digest })
        .from(landEfficiencyResults)
        .where(and(eq(landEfficiencyResults.zoneId, zoneId), eq(landEfficiencyResults.year, year)));
      return new Map(rows.map((r) => [r.enterpriseId, { grade: r.grade, digest: r.digest }]));
    },

    /**
     * Makes the zone-year's results the run's, writing only what differs from `stored` (storedOf):
     * rows no longer evaluated deleted, rows whose digest changed (or new) upserted on the
     * (zone, year, enterprise) key, one statement each. Returns how many rows were written.
     */
    async writeResults(db: DbOrTx, input: { zoneId: string; year: number }, rows: ResultRow[], stored: ReadonlyMap<string, { digest: string }>) {
      const evaluated = new Set(rows.map((r) => r.enterpriseId));
      const removed = [...stored.keys()].filter((id) => !evaluated.has(id));
      if (removed.length)
        await db
          .delete(landEfficiencyResults)
          .where(and(eq(landEfficiencyResults.zoneId, input.zoneId), eq(landEfficiencyResults.year, input.year), sql`${landEfficiencyResults.enterpriseId} = ${anyUuid(removed)}`));
      const changed = rows.map((r) => ({ r, d: digestOf(r) })).filter(({ r, d }) => stored.get(r.enterpriseId)?.digest !== d);
      if (!changed.length) return 0;
      const payload = JSON.stringify(
        changed.map(({ r, d }) => ({
          e: r.enterpriseId,
          l: r.landMu,
          t: r.taxYuan,
          v: r.valueAddedYuan,
          iv: r.values,
          is: r.scores,
          s: r.score,
          k: r.rank,
          g: r.grade,
          // A text[] literal (the keys are plain identifiers): cast in SQL without a subquery per row.
          m: `{${r.missing.join(',')}}`,
          d,
        })),
      );
      await db.execute(sql`
        insert into land_efficiency_results (zone_id, year, enterprise_id, land_mu, tax_yuan, value_added_yuan, indicator_values, indicator_scores, score, rank, grade, missing, digest)
        select ${input.zoneId}::uuid, ${input.year}, x.e, x.l, x.t, x.v, x.iv, x.is, x.s, x.k, x.g, x.m::text[], x.d
        from jsonb_to_recordset(${payload}::jsonb) as x(e uuid, l numeric, t numeric, v numeric, iv jsonb, "is" jsonb, s numeric, k int, g text, m text, d text)
        on conflict (zone_id, year, enterprise_id) do update set land_mu = excluded.land_mu, tax_yuan = excluded.tax_yuan, value_added_yuan = excluded.value_added_yuan,
          indicator_values = excluded.indicator_values, indicator_scores = excluded.indicator_scores, score = excluded.score, rank = excluded.rank,
          grade = excluded.grade, missing = excluded.missing, digest = excluded.digest`);
      return changed.length;
    },

    async listResults(db: DbOrTx, s: SessionContext, q: z.infer<typeof listResultsQuery>, paged = true) {
      const where = [sql`r.year = ${q.year}`, zoneScope(s, sql`r.zone_id`, q.zoneId)];
      if (q.grade === 'incomplete') where.push(sql`r.grade is null`);
      else if (q.grade) where.push(sql`r.grade = ${q.grade}`);
      if (q.q) where.push(sql`(e.name ilike ${containsPattern(q.q)} or e.credit_code ilike ${containsPattern(q.q)})`);
      const cond = sql.join(where, sql` and `);
      const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
      const page = paged ? sql`limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}` : sql``;
      const rows = rowsOf<{
        enterprise_id: string;
        name: string;
        credit_code: string | null;
        land_mu: string | null;
        tax_yuan: string | null;
        value_added_yuan: string | null;
        indicator_values: Record<string, number | null>;
        indicator_scores: Record<string, number>;
        score: string | null;
        rank: number | null;
        grade: 'A' | 'B' | 'C' | 'D' | null;
        missing: string[];
        total: string;
      }>(
        await db.execute(sql`
          select r.enterprise_id, e.name, e.credit_code, r.land_mu, r.tax_yuan, r.value_added_yuan, r.indicator_values, r.indicator_scores,
            r.score, r.rank, r.grade, r.missing, count(*) over () as total
          from land_efficiency_results r join enterprises e on e.id = r.enterprise_id
          where ${cond}
          order by ${sortSql[q.sort]} ${dir} nulls last, e.name asc
          ${page}`),
      );
      return {
        total: rows.length ? Number(rows[0].total) : 0,
        items: rows.map((r) => ({
          enterpriseId: r.enterprise_id,
          enterpriseName: r.name,
          creditCode: r.credit_code,
          landMu: num(r.land_mu),
          taxYuan: num(r.tax_yuan),
          valueAddedYuan: num(r.value_added_yuan),
          values: r.indicator_values,
          scores: r.indicator_scores,
          score: num(r.score),
          rank: r.rank,
          grade: r.grade,
          missing: (r.missing ?? []) as FigureField[],
        })),
      };
    },

    /** An enterprise's results in the caller's zones, newest year first, with how many were ranked. */
    async history(db: DbOrTx, s: SessionContext, enterpriseId: string) {
      return rowsOf<{
        zone_id: string;
        zone_name: string;
        year: number;
        score: string | null;
        rank: number | null;
        of: string;
        grade: 'A' | 'B' | 'C' | 'D' | null;
        missing: string[];
        run_at: Date | string;
      }>(
        await db.execute(sql`
          select r.zone_id, z.short_name as zone_name, r.year, r.score, r.rank, r.grade, r.missing, run.created_at as run_at,
            (select count(*) from land_efficiency_results o where o.zone_id = r.zone_id and o.year = r.year and o.grade is not null) as of
          from land_efficiency_results r join zones z on z.id = r.zone_id
            cross join lateral (select max(x.created_at) as created_at from land_efficiency_runs x where x.zone_id = r.zone_id and x.year = r.year) run
          where r.enterprise_id = ${enterpriseId}::uuid and ${zoneScope(s, sql`r.zone_id`)}
          order by r.year desc, z.short_name`),
      );
    },

    /** Per zone of `zoneIds` (or the caller's), for a year: 亩均税收 of the evaluated and the grade counts. */
    async zoneSummaries(db: DbOrTx, s: Pick<SessionContext, 'scope'>, year: number, zoneIds?: readonly string[]) {
      const zoneFilter = zoneIds ? sql`r.zone_id = ${anyUuid(zoneIds)} and ${zoneScope(s, sql`r.zone_id`)}` : zoneScope(s, sql`r.zone_id`);
      return rowsOf<{ zone_id: string; land_mu: string | null; tax_yuan: string | null; a: string; b: string; c: string; d: string; incomplete: string }>(
        await db.execute(sql`
          select r.zone_id, sum(r.land_mu) filter (where r.tax_yuan is not null) as land_mu, sum(r.tax_yuan) filter (where r.land_mu > 0) as tax_yuan,
            count(*) filter (where r.grade = 'A') as a, count(*) filter (where r.grade = 'B') as b,
            count(*) filter (where r.grade = 'C') as c, count(*) filter (where r.grade = 'D') as d,
            count(*) filter (where r.grade is null) as incomplete
          from land_efficiency_results r where r.year = ${year} and ${zoneFilter}
          group by r.zone_id`),
      );
    },
  };
}

export type LandEfficiencyRepository = ReturnType<typeof createLandEfficiencyRepository>;

/** The only SQL of the statistics module: values, their revisions, assessment schemes and results. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { assessmentResults, assessmentSchemes, statisticRevisions, statisticValues } from './statistics.schema.ts';

type Scope = Pick<SessionContext, 'scope'>;
export type ValueRow = typeof statisticValues.$inferSelect;
export type NewValue = typeof statisticValues.$inferInsert;
export type NewRevision = typeof statisticRevisions.$inferInsert;
export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type ResultRow = typeof assessmentResults.$inferSelect;

const anyText = (values: readonly string[]) => sql`any(${sql.param([...values])}::text[])`;

/** A stored figure as read by other modules and the assessment: money in yuan, the rest as a number. */
export interface StoredValue {
  zoneId: string;
  indicator: string;
  period: string;
  amountYuan: number | null;
  quantity: number | null;
}

const toStored = (r: { zoneId: string; indicator: string; period: string; amountYuan: unknown; quantity: unknown }): StoredValue => ({
  zoneId: r.zoneId,
  indicator: r.indicator,
  period: r.period,
  amountYuan: r.amountYuan == null ? null : Number(r.amountYuan),
  quantity: r.quantity == null ? null : Number(r.quantity),
});

export function createStatisticsRepository() {
  return {
    async zoneName(db: DbOrTx, zoneId: string) {
      const [row] = rowsOf<{ name: string }>(await db.execute(sql`select name from zones where id = ${zoneId}::uuid`));
      return row?.name ?? null;
    },
    /** The zones of the caller (or one of them), by name. */
    async zones(db: DbOrTx, s: Scope, zoneId?: string) {
      return rowsOf<{ id: string; name: string; regionCode: string }>(
        await db.execute(sql`select id, name, region_code as "regionCode" from zones z where ${zoneScope(s, sql`z.id`, zoneId)} order by region_code, name`),
      );
    },

    /** The current values of a zone for some periods, with how many revisions each has had. */
    async cells(db: DbOrTx, zoneId: string, periods: readonly string[], indicators?: readonly string[]) {
      if (!periods.length) return [];
      return rowsOf<ValueRow & { revisions: number }>(
        await db.execute(sql`
          select v.id, v.zone_id as "zoneId", v.indicator, v.period, v.period_kind as "periodKind", v.amount_yuan as "amountYuan", v.quantity,
                 v.source, v.entered_by as "enteredBy", v.entered_by_name as "enteredByName", v.entered_at as "enteredAt", v.version,
                 (select count(*)::int from statistic_revisions r where r.zone_id = v.zone_id and r.indicator = v.indicator and r.period = v.period) as revisions
          from statistic_values v
          where v.zone_id = ${zoneId}::uuid and v.period = ${anyText(periods)} ${indicators ? sql`and v.indicator = ${anyText(indicators)}` : sql``}`),
      );
    },

    /** Current values by id (an import's undo compares their versions with the ones it left). */
    async valuesById(db: DbOrTx, ids: readonly string[]) {
      if (!ids.length) return new Map<string, { id: string; indicator: string; period: string; version: number }>();
      const rows = rowsOf<{ id: string; indicator: string; period: string; version: number }>(
        await db.execute(sql`select id, indicator, period, version from statistic_values where id = ${anyUuid(ids)}`),
      );
      return new Map(rows.map((r) => [r.id, { ...r, version: Number(r.version) }]));
    },

    async history(db: DbOrTx, zoneId: string, indicator: string, period: string) {
      return db
        .select()
        .from(statisticRevisions)
        .where(and(eq(statisticRevisions.zoneId, zoneId), eq(statisticRevisions.indicator, indicator), eq(statisticRevisions.period, period)))
        .orderBy(statisticRevisions.enteredAt, statisticRevisions.version);
    },
    /** The last version each cleared cell reached (a value entered again continues its numbering). */
    async lastVersions(db: DbOrTx, zoneId: string, keys: readonly { indicator: string; period: string }[]) {
      if (!keys.length) return new Map<string, number>();
      const rows = rowsOf<{ indicator: string; period: string; version: number }>(
        await db.execute(sql`
          select indicator, period, max(version)::int as version from statistic_revisions
          where zone_id = ${zoneId}::uuid and indicator = ${anyText(keys.map((k) => k.indicator))} and period = ${anyText(keys.map((k) => k.period))}
          group by indicator, period`),
      );
      return new Map(rows.map((r) => [`${r.indicator}|${r.period}`, Number(r.version)]));
    },

    insertValues: async (db: DbOrTx, rows: NewValue[]) => (rows.length ? db.insert(statisticValues).values(rows).returning() : []),
    updateValue: (db: DbOrTx, id: string, version: number, patch: Partial<NewValue>) => updateVersioned(db, statisticValues, id, version, patch),
    async deleteValue(db: DbOrTx, id: string, version: number) {
      const rows = await db
        .delete(statisticValues)
        .where(and(eq(statisticValues.id, id), eq(statisticValues.version, version)))
        .returning({ id: statisticValues.id });
      return rows.length === 1;
    },
    async insertRevisions(db: DbOrTx, rows: NewRevision[]) {
      if (rows.length) await db.insert(statisticRevisions).values(rows);
    },

    /** Values for zones × indicators × periods within the caller's scope (other modules read through index.ts). */
    async values(db: DbOrTx, s: Scope, q: { zoneIds?: readonly string[]; indicators: readonly string[]; periods: readonly string[] }): Promise<StoredValue[]> {
      if (!q.indicators.length || !q.periods.length || (q.zoneIds && !q.zoneIds.length)) return [];
      const rows = rowsOf<StoredValue>(
        await db.execute(sql`
          select v.zone_id as "zoneId", v.indicator, v.period, v.amount_yuan as "amountYuan", v.quantity
          from statistic_values v
          where ${zoneScope(s, sql`v.zone_id`)} ${q.zoneIds ? sql`and v.zone_id = ${anyUuid(q.zoneIds)}` : sql``}
            and v.indicator = ${anyText(q.indicators)} and v.period = ${anyText(q.periods)}`),
      );
      return rows.map(toStored);
    },

    /** Per zone: the latest period of `kind` with a value of the indicator, and the one before it (if stored). */
    async latestPerZone(db: DbOrTx, s: Scope, q: { indicator: string; kind: 'month' | 'quarter' | 'year'; zoneIds?: readonly string[]; upTo?: string }) {
      const rows = rowsOf<StoredValue & { rn: number }>(
        await db.execute(sql`
          select * from (
            select v.zone_id as "zoneId", v.indicator, v.period, v.amount_yuan as "amountYuan", v.quantity,
                   row_number() over (partition by v.zone_id order by v.period desc)::int as rn
            from statistic_values v
            where ${zoneScope(s, sql`v.zone_id`)} ${q.zoneIds ? sql`and v.zone_id = ${anyUuid(q.zoneIds)}` : sql``}
              and v.indicator = ${q.indicator} and v.period_kind = ${q.kind} ${q.upTo ? sql`and v.period <= ${q.upTo}` : sql``}
          ) t where rn <= 2`),
      );
      const out = new Map<string, { latest: StoredValue; previous: StoredValue | null }>();
      for (const r of rows.sort((a, b) => a.rn - b.rn)) {
        const v = toStored(r);
        const entry = out.get(r.zoneId);
        if (!entry) out.set(r.zoneId, { latest: v, previous: null });
        else entry.previous = v;
      }
      return out;
    },

    // ---- assessment
    listSchemes: (db: DbOrTx, regionCode: string) =>
      db
        .select()
        .from(assessmentSchemes)
        .where(eq(assessmentSchemes.regionCode, regionCode))
        .orderBy(sql`${assessmentSchemes.year} desc`),
    async scheme(db: DbOrTx, regionCode: string, year: number) {
      const [row] = await db
        .select()
        .from(assessmentSchemes)
        .where(and(eq(assessmentSchemes.regionCode, regionCode), eq(assessmentSchemes.year, year)));
      return row;
    },
    insertScheme: async (db: DbOrTx, row: typeof assessmentSchemes.$inferInsert) => (await db.insert(assessmentSchemes).values(row).returning())[0],
    updateScheme: (db: DbOrTx, id: string, version: number, patch: Partial<typeof assessmentSchemes.$inferInsert>) =>
      updateVersioned(db, assessmentSchemes, id, version, patch),

    /** Marks the current results of these zones for the year as superseded, then adds the new ones. */
    async replaceResults(db: DbOrTx, year: number, rows: (typeof assessmentResults.$inferInsert)[]) {
      if (!rows.length) return [];
      await db.execute(sql`update assessment_results set current = false where year = ${year} and current and zone_id = ${anyUuid(rows.map((r) => r.zoneId))}`);
      return db.insert(assessmentResults).values(rows).returning();
    },
    async results(db: DbOrTx, s: Scope, q: { year?: number; zoneId?: string; history?: boolean }) {
      const filters: SQL[] = [zoneScope(s, sql`r.zone_id`, q.zoneId)];
      if (q.year) filters.push(sql`r.year = ${q.year}`);
      if (!q.history) filters.push(sql`r.current`);
      return rowsOf<ResultRow & { zoneName: string }>(
        await db.execute(sql`
          select r.id, r.zone_id as "zoneId", z.name as "zoneName", r.year, r.scheme_id as "schemeId", r.scheme_version as "schemeVersion",
                 r.score_centi as "scoreCenti", r.grade, r.details, r.current, r.computed_by_name as "computedByName", r.computed_at as "computedAt"
          from assessment_results r join zones z on z.id = r.zone_id
          where ${sql.join(filters, sql` and `)}
          order by r.year desc, r.score_centi desc, z.name, r.computed_at desc`),
      );
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;

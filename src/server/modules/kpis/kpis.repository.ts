/**
 * The only SQL of the KPIs (docs/kpis.md): the figures of a set of zones computed from the records
 * (`fromScratch`, one statement per source table, each grouped by zone and month), and the read
 * model they are stored in (kpi_summaries). The signed amount is the leads module's counting rule
 * itself (countedAgreementsSql, decision 009), never a second one.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import { countedAgreementsSql } from '../leads/index.ts';

/** One stored figure. Values are integers: yuan, counts, day sums. */
export interface KpiRow {
  zoneId: string;
  /** 'YYYY-MM-01' */
  month: string;
  indicator: string;
  dimension: string;
  value: number;
}

/** Figures counted per month from dated records (the month they happened in). */
export const flowIndicators = [
  'signed_yuan', // by 招商方式
  'signed_count', // by 招商方式
  'arrived_yuan',
  'invested_yuan',
  'plan_yuan', // in January of the plan's year
  'projects_signed',
  'projects_started',
  'projects_produced',
  'blockers_opened',
  'blockers_closed',
  'blocker_close_days',
] as const;
/** Figures of the state on the refresh day, kept in that month (history of past months stays). */
export const snapshotIndicators = ['projects_to_date', 'projects_stage', 'projects_flag', 'leads_stage', 'blockers_overdue', 'chain_links', 'chain_links_filled'] as const;
/** 三个一批 per batch, in the first month of the campaign's quarter (from the dispatch module's derivation). */
export const campaignIndicators = ['campaign_planned', 'campaign_done'] as const;

export type ZoneSet = (zoneColumn: SQL) => SQL;
export const zonesIn = (ids: readonly string[]): ZoneSet => (col) => sql`${col} = ${anyUuid(ids)}`;

const monthOf = (col: SQL) => sql`to_char(date_trunc('month', ${col}), 'YYYY-MM-01')`;

type Raw = { zone_id: string; month: string; indicator: string; dimension: string | null; value: string | number };
const toRows = (raw: Raw[]): KpiRow[] =>
  raw.filter((r) => Number(r.value) !== 0).map((r) => ({ zoneId: r.zone_id, month: r.month, indicator: r.indicator, dimension: r.dimension ?? '', value: Number(r.value) }));

export function createKpisRepository() {
  return {
    /**
     * The dated and snapshot figures of the zones from the records: flows of months from
     * `fromMonth`, snapshots in `currentMonth` as of `today`.
     */
    async fromScratch(db: DbOrTx, zones: ZoneSet, q: { fromMonth: string; currentMonth: string; today: string }): Promise<KpiRow[]> {
      const from = q.fromMonth;
      const result = await db.execute(sql`
        with counted as (
          select c.zone_id, c.signed_on, c.amount_yuan, c.counted_as, l.method
          from ${countedAgreementsSql((col) => zones(sql`${col}`))} c join leads l on l.id = c.lead_id and l.zone_id = c.zone_id
          where c.counted_as in ('first_signing', 'increment') and c.signed_on >= ${from}::date
        )
        select zone_id, ${monthOf(sql`signed_on`)} as month, 'signed_yuan' as indicator, method as dimension, sum(amount_yuan)::bigint as value
          from counted group by 1, 2, 4
        union all
        select zone_id, ${monthOf(sql`signed_on`)}, 'signed_count', method, count(*) filter (where counted_as = 'first_signing')
          from counted group by 1, 2, 4
        union all
        select p.zone_id, ${monthOf(sql`d.on`)}, d.indicator, '', count(*)
          from projects p cross join lateral (values ('projects_signed', p.signed_on), ('projects_started', p.start_on), ('projects_produced', p.production_on)) d(indicator, "on")
          where ${zones(sql`p.zone_id`)} and d.on is not null and d.on >= ${from}::date
          group by 1, 2, 3
        union all
        select r.zone_id, ${monthOf(sql`r.period_start`)}, 'invested_yuan', '', sum(r.invested_yuan)
          from progress_reports r where ${zones(sql`r.zone_id`)} and r.period_start >= ${from}::date group by 1, 2
        union all
        select a.zone_id, to_char(make_date(a.year, 1, 1), 'YYYY-MM-01'), 'plan_yuan', '', sum(a.plan_yuan)
          from project_annual_plans a where ${zones(sql`a.zone_id`)} and make_date(a.year, 1, 1) >= ${from}::date group by 1, 2
        union all
        select b.zone_id, ${monthOf(sql`b.raised_on`)}, 'blockers_opened', '', count(*)
          from blockers b where ${zones(sql`b.zone_id`)} and b.raised_on >= ${from}::date group by 1, 2
        union all
        select b.zone_id, ${monthOf(sql`b.resolved_on`)}, x.indicator, '', case when x.indicator = 'blockers_closed' then count(*) else sum(b.resolved_on - b.raised_on) end
          from blockers b cross join (values ('blockers_closed'), ('blocker_close_days')) x(indicator)
          where ${zones(sql`b.zone_id`)} and b.status = 'resolved' and b.resolved_on >= ${from}::date group by 1, 2, 3
        union all
        select e.zone_id, to_char(make_date(c.year, (c.quarter - 1) * 3 + 1, 1), 'YYYY-MM-01'), 'arrived_yuan', '', sum(e.arrived_yuan)
          from campaign_entries e join campaigns c on c.id = e.campaign_id and c.zone_id = e.zone_id
          where ${zones(sql`e.zone_id`)} and e.arrived_yuan is not null and make_date(c.year, (c.quarter - 1) * 3 + 1, 1) >= ${from}::date group by 1, 2
        union all
        select p.zone_id, ${q.currentMonth}, 'projects_to_date', d.dimension, count(*)
          from projects p cross join lateral (values ('signed', p.signed_on), ('started', p.start_on), ('produced', p.production_on)) d(dimension, "on")
          where ${zones(sql`p.zone_id`)} and d.on is not null and d.on <= ${q.today}::date group by 1, 4
        union all
        select p.zone_id, ${q.currentMonth}, 'projects_stage', p.stage, count(*) from projects p where ${zones(sql`p.zone_id`)} group by 1, 4
        union all
        select p.zone_id, ${q.currentMonth}, 'projects_flag', p.flag, count(*) from projects p where ${zones(sql`p.zone_id`)} group by 1, 4
        union all
        select l.zone_id, ${q.currentMonth}, 'leads_stage', l.stage || '|' || l.method, count(*) from leads l where ${zones(sql`l.zone_id`)} group by 1, 4
        union all
        select b.zone_id, ${q.currentMonth}, 'blockers_overdue', '', count(*)
          from blockers b where ${zones(sql`b.zone_id`)} and b.status <> 'resolved' and b.deadline_on < ${q.today}::date group by 1
      `);
      return toRows(rowsOf<Raw>(result));
    },

    /** Replaces the zones' summaries of months from `fromMonth` (snapshots: of `currentMonth` only) and marks them refreshed. */
    async replace(tx: DbOrTx, zoneIds: readonly string[], rows: KpiRow[], q: { fromMonth: string; currentMonth: string; today: string; at: Date; auditId: number }) {
      if (zoneIds.length === 0) return;
      const snapshots = [...snapshotIndicators];
      await tx.execute(sql`delete from kpi_summaries where zone_id = ${anyUuid(zoneIds)}
        and (month >= ${q.fromMonth}::date and not (indicator = any(${sql.param(snapshots)}::text[])) or month = ${q.currentMonth}::date)`);
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000);
        await tx.execute(sql`insert into kpi_summaries (zone_id, month, indicator, dimension, value)
          select * from unnest(${sql.param(chunk.map((r) => r.zoneId))}::uuid[], ${sql.param(chunk.map((r) => r.month))}::date[],
            ${sql.param(chunk.map((r) => r.indicator))}::text[], ${sql.param(chunk.map((r) => r.dimension))}::text[], ${sql.param(chunk.map((r) => r.value))}::bigint[])`);
      }
      await tx.execute(sql`insert into kpi_refreshes (zone_id, refreshed_at, as_of, audit_id)
        select z, ${q.at.toISOString()}::timestamptz, ${q.today}::date, ${q.auditId} from unnest(${sql.param([...zoneIds])}::uuid[]) z
        on conflict (zone_id) do update set refreshed_at = excluded.refreshed_at, as_of = excluded.as_of, audit_id = excluded.audit_id`);
    },

    /** The stored figures of the zones from `fromMonth` through `toMonth`. */
    async summaries(db: DbOrTx, zones: ZoneSet, fromMonth: string, toMonth: string): Promise<KpiRow[]> {
      const result = await db.execute(sql`select zone_id, to_char(month, 'YYYY-MM-DD') as month, indicator, dimension, value from kpi_summaries
        where ${zones(sql`zone_id`)} and month between ${fromMonth}::date and ${toMonth}::date`);
      return toRows(rowsOf<Raw>(result));
    },

    /** The stored figures of the zones summed over them, from `fromMonth` through `toMonth` (one row per month × indicator × dimension). */
    async aggregated(db: DbOrTx, zones: ZoneSet, fromMonth: string, toMonth: string) {
      const result = await db.execute(sql`select to_char(month, 'YYYY-MM-DD') as month, indicator, dimension, sum(value)::bigint as value from kpi_summaries
        where ${zones(sql`zone_id`)} and month between ${fromMonth}::date and ${toMonth}::date group by month, indicator, dimension`);
      return rowsOf<{ month: string; indicator: string; dimension: string; value: string | number }>(result).map((r) => ({ ...r, value: Number(r.value) }));
    },

    /**
     * Per zone and indicator, each window's figure: flows summed over the window's months, snapshots
     * at its last month (the ranking: a few rows per zone, not its months). Only the `indicators`
     * asked for are read, summed over their dimensions except those `byDimension`.
     */
    async windowSums(db: DbOrTx, zones: ZoneSet, windows: readonly { from: string; to: string }[], wanted: { indicators: readonly string[]; byDimension: readonly string[] }) {
      const snapshots = sql.param([...snapshotIndicators]);
      const cols = windows.map(
        (w, i) =>
          sql`coalesce(sum(value) filter (where case when indicator = any(${snapshots}::text[]) then month = ${w.to}::date else month between ${w.from}::date and ${w.to}::date end), 0)::bigint as ${sql.raw(`w${i}`)}`,
      );
      const from = windows.reduce((m, w) => (w.from < m ? w.from : m), windows[0]!.from);
      const to = windows.reduce((m, w) => (w.to > m ? w.to : m), windows[0]!.to);
      const result = await db.execute(sql`select zone_id, indicator, case when indicator = any(${sql.param([...wanted.byDimension])}::text[]) then dimension else '' end as dimension,
          ${sql.join(cols, sql`, `)}
        from kpi_summaries
        where ${zones(sql`zone_id`)} and month between ${from}::date and ${to}::date and indicator = any(${sql.param([...wanted.indicators])}::text[])
        group by 1, 2, 3`);
      return rowsOf<Record<string, string | number> & { zone_id: string; indicator: string; dimension: string }>(result).map((r) => ({
        zoneId: r.zone_id,
        indicator: r.indicator,
        dimension: r.dimension,
        values: windows.map((_, i) => Number(r[`w${i}`])),
      }));
    },

    /** The zones' last refresh. */
    async refreshes(db: DbOrTx, zones: ZoneSet) {
      const result = await db.execute(sql`select zone_id, refreshed_at, to_char(as_of, 'YYYY-MM-DD') as as_of, audit_id from kpi_refreshes where ${zones(sql`zone_id`)}`);
      return rowsOf<{ zone_id: string; refreshed_at: Date | string; as_of: string; audit_id: string | number }>(result).map((r) => ({
        zoneId: r.zone_id,
        refreshedAt: new Date(r.refreshed_at),
        asOf: r.as_of,
        auditId: Number(r.audit_id),
      }));
    },

    /**
     * What the 驾驶舱's cache is keyed on, in one statement: the newest audit entry's id and the
     * zones' last refresh (as `refreshes`).
     */
    async freshness(db: DbOrTx, zones: ZoneSet) {
      const [row] = rowsOf<{ audit_id: string | number | null; refreshes: { zone_id: string; refreshed_at: string; as_of: string; audit_id: string | number }[] }>(
        await db.execute(sql`select (select max(id) from audit_log) as audit_id,
            coalesce((select json_agg(json_build_object('zone_id', k.zone_id, 'refreshed_at', k.refreshed_at, 'as_of', to_char(k.as_of, 'YYYY-MM-DD'), 'audit_id', k.audit_id))
              from kpi_refreshes k where ${zones(sql`k.zone_id`)}), '[]'::json) as refreshes`),
      );
      return {
        auditId: Number(row?.audit_id ?? 0),
        refreshes: (row?.refreshes ?? []).map((r) => ({ zoneId: r.zone_id, refreshedAt: new Date(r.refreshed_at), asOf: r.as_of, auditId: Number(r.audit_id) })),
      };
    },

    /** The newest audit entry's id (a refresh sees the writes up to it). */
    async lastAuditId(db: DbOrTx): Promise<number> {
      const [row] = rowsOf<{ id: string | number | null }>(await db.execute(sql`select max(id) as id from audit_log`));
      return Number(row?.id ?? 0);
    },

    /**
     * Zones whose summaries are stale: never refreshed, refreshed on another day than `today`
     * (snapshots move with the date: overdue blockers, flags), or with an audit entry after the
     * refresh (every write is audited in its transaction, decision 005). Entries without a zone
     * (shared records: enterprises, calendar) make every zone stale.
     */
    async staleZones(db: DbOrTx, today: string): Promise<string[]> {
      const result = await db.execute(sql`
        select z.id from zones z left join kpi_refreshes k on k.zone_id = z.id
        where k.zone_id is null or k.as_of <> ${today}::date
          or exists (select 1 from audit_log a where a.id > k.audit_id and (a.zone_id = z.id or a.zone_id is null and a.entity_type in ('enterprise', 'calendar_day')))
        order by z.code`);
      return rowsOf<{ id: string }>(result).map((r) => r.id);
    },

    /**
     * Projects red or yellow, red first, the longest-flagged first (the 驾驶舱's top slipped): the
     * first `limit` of each zone from projects_zone_slipped_idx, then the first `limit` of those, so a
     * province reads a few index rows per zone rather than sorting its thousands of flagged projects.
     * ('red' sorts before 'yellow'.)
     */
    async slipped(db: DbOrTx, zones: ZoneSet, limit: number) {
      const order = (p: SQL) => sql`${p}.flag, ${p}.flag_on asc nulls last, ${p}.total_investment_yuan desc nulls last, ${p}.id`;
      const result = await db.execute(sql`select p.id, p.zone_id, p.name, p.flag, p.flag_reasons
        from zones z cross join lateral (
          select p.id, p.zone_id, p.name, p.flag, p.flag_reasons, p.flag_on, p.total_investment_yuan from projects p
          where p.zone_id = z.id and p.flag in ('red', 'yellow') order by ${order(sql`p`)} limit ${limit}) p
        where ${zones(sql`z.id`)}
        order by ${order(sql`p`)} limit ${limit}`);
      return rowsOf<{ id: string; zone_id: string; name: string; flag: 'red' | 'yellow'; flag_reasons: unknown }>(result);
    },

    /** Zones of the caller's set with their city (the 4-digit region) for roll-ups. */
    async zones(db: DbOrTx, zones: ZoneSet) {
      // The city looked up per zone by its key (a join hashed all ~3,700 regions, the most of this read
      // on PGlite). The key is char(6): compared as text, the index is not used (a scan per zone).
      const result = await db.execute(sql`select z.id, z.short_name, z.region_code, (select c.name from regions c where c.code = (left(z.region_code, 4) || '00')::char(6)) as city_name,
          left(z.region_code, 4) as city_code
        from zones z where ${zones(sql`z.id`)} order by z.code`);
      return rowsOf<{ id: string; short_name: string; region_code: string; city_name: string | null; city_code: string }>(result);
    },
  };
}

export type KpisRepository = ReturnType<typeof createKpisRepository>;

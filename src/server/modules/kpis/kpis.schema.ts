/**
 * The KPI read model (docs/kpis.md, decision 019): every computed figure of a zone per month,
 * one row per zone × month × indicator × dimension (a stage, a 招商方式, a flag …), integers only
 * (yuan, counts, day sums) — rates are divided on read from their stored numerator and
 * denominator, so a rate never disagrees with its parts. Rebuilt per zone by the refresh job; the
 * key leads with zone_id (the distribution column on Citus).
 */
import { bigint, date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { zoneRef } from '../../db/schema/foundation.ts';

export const kpiSummaries = pgTable(
  'kpi_summaries',
  {
    zoneId: zoneRef(),
    /** The first day of the month ('YYYY-MM-01'). */
    month: date('month', { mode: 'string' }).notNull(),
    indicator: text('indicator').notNull(),
    /** '' for an undivided figure. */
    dimension: text('dimension').notNull().default(''),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.month, t.indicator, t.dimension] }), index('kpi_summaries_indicator_month_idx').on(t.indicator, t.month)],
);

/** When each zone's summaries were last rebuilt, and up to which audit entry they saw. */
export const kpiRefreshes = pgTable('kpi_refreshes', {
  zoneId: zoneRef().primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  /** The China date the snapshot figures (stage counts, flags, overdue blockers) were taken on. */
  asOf: date('as_of', { mode: 'string' }).notNull(),
  /** The highest audit_log id seen by the refresh: writes after it mark the zone stale. */
  auditId: bigint('audit_id', { mode: 'number' }).notNull(),
});

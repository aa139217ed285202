/**
 * 亩均效益评价 (land-use efficiency evaluation, docs/land-efficiency.md): per zone and year, the policy
 * (indicators, weights, benchmarks, caps, classing by cut-offs or rank shares) as data; every
 * evaluation run; and the results of the latest run, one row per enterprise. Zone-scoped.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/schema/columns.ts';
import { users, zoneRef } from '../../db/schema/foundation.ts';
import { enterprises } from '../../db/schema/reference.ts';

/** The zone's policy for a year; absent, the zone's latest earlier one (else the defaults) applies. */
export const landEfficiencyConfigs = pgTable(
  'land_efficiency_configs',
  {
    id: id(),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    /** [{ key, weight, benchmark: { kind: 'zone_average' } | { kind: 'fixed', value }, cap }] (contract/land-efficiency.ts). */
    indicators: jsonb('indicators').notNull(),
    classMethod: text('class_method', { enum: ['cutoffs', 'shares'] }).notNull(),
    /** { A, B, C }: the lowest score of each class. */
    cutoffs: jsonb('cutoffs').notNull(),
    /** { A, B, C, D }: percent of the ranked enterprises in each class. */
    shares: jsonb('shares').notNull(),
    minLandMu: numeric('min_land_mu', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    updatedById: uuid('updated_by_id').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('land_efficiency_configs_zone_year_key').on(t.zoneId, t.year)],
);

/** One evaluation run of a zone-year: the policy it used, the benchmarks it found, the counts. Kept for every run. */
export const landEfficiencyRuns = pgTable(
  'land_efficiency_runs',
  {
    id: id(),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    config: jsonb('config').notNull(),
    /** { indicatorKey: benchmark value } as used. */
    benchmarks: jsonb('benchmarks').notNull(),
    /** { A, B, C, D, incomplete }. */
    counts: jsonb('counts').notNull(),
    enterpriseCount: integer('enterprise_count').notNull(),
    runById: uuid('run_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('land_efficiency_runs_zone_year_idx').on(t.zoneId, t.year, t.createdAt)],
);

/**
 * The latest run's result per enterprise: the zone-year's newest run (no run key per row, decision 024);
 * a re-run rewrites the rows that changed and removes those no longer evaluated.
 */
export const landEfficiencyResults = pgTable(
  'land_efficiency_results',
  {
    id: id(),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    landMu: numeric('land_mu', { precision: 12, scale: 2, mode: 'number' }),
    taxYuan: numeric('tax_yuan', { precision: 20, scale: 0, mode: 'number' }),
    valueAddedYuan: numeric('value_added_yuan', { precision: 20, scale: 0, mode: 'number' }),
    /** { indicatorKey: value in the indicator's unit } (null where the data is missing). */
    indicatorValues: jsonb('indicator_values').notNull(),
    /** { indicatorKey: points } (complete rows only). */
    indicatorScores: jsonb('indicator_scores').notNull(),
    score: numeric('score', { precision: 8, scale: 2, mode: 'number' }),
    rank: integer('rank'),
    /** A/B/C/D; null when the data is incomplete (数据不全). */
    grade: text('grade', { enum: ['A', 'B', 'C', 'D'] }),
    /** The figures that are missing (or zero where they divide), e.g. ['energyTce']. */
    missing: text('missing').array().notNull().default(sql`'{}'::text[]`),
    /**
     * A hash of everything above as the run computed it (land-efficiency.repository digestOf): a re-run
     * writes only the rows whose digest differs ('' : never matches, the row is written).
     */
    digest: text('digest').notNull().default(''),
  },
  (t) => [
    uniqueIndex('land_efficiency_results_zone_year_enterprise_key').on(t.zoneId, t.year, t.enterpriseId),
    index('land_efficiency_results_zone_year_grade_idx').on(t.zoneId, t.year, t.grade),
    index('land_efficiency_results_enterprise_idx').on(t.enterpriseId, t.year),
    check('land_efficiency_results_grade_complete', sql`(${t.grade} is null) = (${t.score} is null)`),
  ],
);

/**
 * Statistics from outside (统计局 figures) and the province's annual assessment (开发区考核).
 * A value is one row per zone × indicator × period (the current figure, versioned); every save,
 * the first included, is also appended to `statistic_revisions`, so a revision keeps the old value.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/schema/columns.ts';
import { users, zoneRef } from '../../db/schema/foundation.ts';

/** The current value of an indicator for a zone and period: money in `amount_yuan`, others in `quantity`. */
export const statisticValues = pgTable(
  'statistic_values',
  {
    id: id(),
    zoneId: zoneRef(),
    indicator: text('indicator').notNull(),
    /** 2026 · 2026Q3 · 2026-10 */
    period: text('period').notNull(),
    periodKind: text('period_kind', { enum: ['month', 'quarter', 'year'] }).notNull(),
    amountYuan: bigint('amount_yuan', { mode: 'number' }),
    quantity: numeric('quantity', { precision: 18, scale: 2 }),
    source: text('source'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('statistic_values_zone_indicator_period_uq').on(t.zoneId, t.indicator, t.period),
    index('statistic_values_indicator_period_idx').on(t.indicator, t.period),
    check('statistic_values_one_value_ck', sql`(${t.amountYuan} is null) <> (${t.quantity} is null)`),
  ],
);

/** Every value ever saved for a zone × indicator × period, newest last (null: the value was cleared). */
export const statisticRevisions = pgTable(
  'statistic_revisions',
  {
    id: id(),
    zoneId: zoneRef(),
    indicator: text('indicator').notNull(),
    period: text('period').notNull(),
    /** The version of the current row this revision made. */
    version: integer('version').notNull(),
    amountYuan: bigint('amount_yuan', { mode: 'number' }),
    quantity: numeric('quantity', { precision: 18, scale: 2 }),
    source: text('source'),
    /** grid · import */
    via: text('via', { enum: ['grid', 'import', 'seed'] }).notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('statistic_revisions_zone_indicator_period_idx').on(t.zoneId, t.indicator, t.period, t.version)],
);

/**
 * An assessment scheme (考核指标体系) for one year: items with weights and targets, and the grade
 * cut-offs. Province policy, not a zone's record: keyed by the province's region code.
 */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: id(),
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    /** [{ code, source, measure, weight, target }] (contract/statistics.ts assessmentItemSchema). */
    items: jsonb('items').notNull(),
    /** { excellent, good, pass, basicPass }: the lowest total score of each grade. */
    cutoffs: jsonb('cutoffs').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('assessment_schemes_region_year_uq').on(t.regionCode, t.year)],
);

/** A zone's assessment result for a year; a recomputation adds a row and the older one stops being current. */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: id(),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    schemeVersion: integer('scheme_version').notNull(),
    /** Total score ×100 (two decimals, exact). */
    scoreCenti: integer('score_centi').notNull(),
    grade: text('grade', { enum: ['excellent', 'good', 'pass', 'basic_pass', 'fail'] }).notNull(),
    /** Per item: the figure read, the score given. */
    details: jsonb('details').notNull(),
    current: boolean('current').notNull().default(true),
    computedBy: uuid('computed_by').references(() => users.id),
    computedByName: text('computed_by_name').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('assessment_results_current_uq')
      .on(t.zoneId, t.year)
      .where(sql`${t.current}`),
    index('assessment_results_year_idx').on(t.year, t.zoneId),
  ],
);

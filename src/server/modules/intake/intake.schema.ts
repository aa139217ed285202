/**
 * 智能录入's own table besides the sources (db/schema/intake.ts): the zone figures a reviewer confirmed from a
 * read text (KPIs, funding, hiring, land, approvals). Issue 14 (KPIs) will read them into its statistics.
 */
import { index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/schema/columns.ts';
import { users, zoneRef } from '../../db/schema/foundation.ts';
import { intakeSources } from '../../db/schema/intake.ts';

/** One reviewed figure of a zone: label, value and unit as reviewed, the period it holds, where it was read, who confirmed it. */
export const intakeZoneFigures = pgTable(
  'intake_zone_figures',
  {
    id: id(),
    zoneId: zoneRef(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => intakeSources.id),
    /** The label, e.g. 规上工业总产值(万元), 四上企业数, 亩均税收(万元/亩). */
    label: text('label').notNull(),
    /** Exact decimal as reviewed (numeric keeps 128.65 exact). */
    value: numeric('value', { precision: 24, scale: 6 }).notNull(),
    unit: text('unit').notNull(),
    /** The earlier value of 由 X 增加到 Y, when the text gives it. */
    fromValue: numeric('from_value', { precision: 24, scale: 6 }),
    /** YYYY, YYYY-MM, YYYY-MM-DD or FROM/TO. */
    period: text('period'),
    fromPeriod: text('from_period'),
    /** approx, range, bound, target or foreign when the figure was not written as an exact number. */
    qualifier: text('qualifier', { enum: ['approx', 'range', 'bound', 'target', 'foreign'] }),
    /** The text the figure was read from, as written. */
    quote: text('quote').notNull(),
    reviewedById: uuid('reviewed_by_id').references(() => users.id),
    reviewedByName: text('reviewed_by_name').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('intake_zone_figures_zone_label_idx').on(t.zoneId, t.label, t.period), index('intake_zone_figures_zone_source_idx').on(t.zoneId, t.sourceId)],
);

export type IntakeZoneFigureRow = typeof intakeZoneFigures.$inferSelect;

/**
 * Intake (智能录入): the source texts that records were saved from. The records themselves live in
 * their modules' tables (projects, leads, enterprises); a source lists what it produced, and every
 * audit entry of the commit carries the source's id.
 */
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, zones } from './foundation.ts';

/** One record an intake commit created or updated. */
export interface IntakeSavedRecord {
  kind: 'project' | 'lead' | 'enterprise';
  id: string;
  action: 'create' | 'update';
  name: string;
}

export const intakeSources = pgTable(
  'intake_sources',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    /** The text as read (the spans of the reviewed facts index into it). */
    text: text('text').notNull(),
    /** The date relative dates (今年7月, 9月底前) were resolved against. */
    referenceDate: date('reference_date', { mode: 'string' }).notNull(),
    /** paste, txt, docx or pdf; the uploaded file's name when there was one. */
    format: text('format', { enum: ['paste', 'txt', 'docx', 'pdf'] }).notNull(),
    fileName: text('file_name'),
    records: jsonb('records').$type<IntakeSavedRecord[]>().notNull().default([]),
    createdById: uuid('created_by_id').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intake_sources_zone_created_idx').on(t.zoneId, t.createdAt.desc())],
);

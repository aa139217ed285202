/** Shared reference records used by several domains: enterprises and the official calendar. */
import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions, zones } from './foundation.ts';

/**
 * An enterprise (企业): one record per enterprise whoever touches it, so it is not zone-scoped
 * (a reference table when distributed). Keyed by its unified social credit code when it has one.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** 统一社会信用代码 (GB 32100-2015); null for a foreign or not-yet-registered investor. */
    creditCode: char('credit_code', { length: 18 }),
    name: text('name').notNull(),
    /** The name with legal-form words, brackets, width and spaces removed, for duplicate detection. */
    normalizedName: text('normalized_name').notNull(),
    legalPerson: text('legal_person'),
    /** 注册资本, exact, in yuan. */
    registeredCapitalYuan: bigint('registered_capital_yuan', { mode: 'number' }),
    /** GB/T 4754 section letter or two-digit division. */
    industryCode: text('industry_code'),
    regionCode: char('region_code', { length: 6 }).references(() => regions.code),
    address: text('address'),
    /** The zone whose user created it (provenance only; enterprises are shared). */
    createdInZoneId: uuid('created_in_zone_id').references(() => zones.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_key')
      .on(t.creditCode)
      .where(sql`${t.creditCode} is not null`),
    // The directory's orders (name, then id; last updated): a page is an index walk, not a sort of 20k.
    index('enterprises_normalized_name_idx').on(t.normalizedName, t.id),
    index('enterprises_updated_idx').on(t.updatedAt, t.id),
    check('enterprises_capital_nonneg', sql`${t.registeredCapitalYuan} is null or ${t.registeredCapitalYuan} >= 0`),
  ],
);

export const enterpriseContacts = pgTable(
  'enterprise_contacts',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    // Optimistic concurrency: an edit names the version it read (issue 17).
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_contacts_enterprise_idx').on(t.enterpriseId)],
);

/**
 * Admin-edited days of the official calendar (法定节假日 and 调休 make-up working days). They
 * override and extend the chinese-days package, which lacks years the State Council has not yet
 * announced when it was published.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

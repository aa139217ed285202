/**
 * Foundation tables: regions, zones, departments, users, sessions, audit. Every zone-scoped table
 * carries `zone_id`: it is both the security boundary (every query filters on the caller's zones)
 * and the distribution key for Citus. Rows people edit carry `version` for optimistic concurrency.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { departmentKinds, reportPeriods, zoneKinds } from '../../../contract/org.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';

/** Administrative divisions (GB/T 2260): province, city, county. Shared reference data. */
export const regions = pgTable(
  'regions',
  {
    code: char('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
    parentCode: char('parent_code', { length: 6 }),
  },
  (t) => [check('regions_code_digits', sql`${t.code} ~ '^[0-9]{6}$'`)],
);

/** A development zone (开发区). Reference table when distributed: it is small and read everywhere. */
export const zones = pgTable(
  'zones',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: zoneKinds }).notNull(),
    regionCode: char('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    /** How often projects report progress: week, 旬 (ten days) or month. */
    reportPeriod: text('report_period', { enum: reportPeriods }).notNull().default('month'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('zones_code_key').on(t.code), index('zones_region_idx').on(t.regionCode)],
);

/** The zone a row belongs to: the security boundary and the distribution key. */
export const zoneRef = () =>
  uuid('zone_id')
    .notNull()
    .references(() => zones.id);

/** A sub-park (园区) of a zone. */
export const parks = pgTable(
  'parks',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('parks_zone_name_key').on(t.zoneId, t.name)],
);

/** A department of a zone's administration (招商局, 项目办, 行政审批局, 平台公司 …). */
export const departments = pgTable(
  'departments',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: departmentKinds }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('departments_zone_name_key').on(t.zoneId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** For city and province viewers: the region whose zones they see. */
    regionCode: char('region_code', { length: 6 }).references(() => regions.code),
    departmentId: uuid('department_id').references(() => departments.id),
    title: text('title'),
    phone: text('phone'),
    locale: text('locale', { enum: ['zh-CN', 'en-US'] })
      .notNull()
      .default('zh-CN'),
    active: boolean('active').notNull().default(true),
    /**
     * false: a person record, not a login account (a 包联领导 or 责任人 an import named, decision 025):
     * linked like any user, never signs in (no password hash, refused by the login's lookup).
     */
    signsIn: boolean('signs_in').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

/** The zones a user covers (for roles whose scope is not derived from a region). */
export const userZones = pgTable(
  'user_zones',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.zoneId] }), index('user_zones_zone_idx').on(t.zoneId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Every mutation, written in the same transaction as the change itself. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    zoneId: uuid('zone_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.at), index('audit_zone_at_idx').on(t.zoneId, t.at, t.id), index('audit_at_idx').on(t.at, t.id)],
);

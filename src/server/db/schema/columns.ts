/** Column builders every schema file shares, so ids, zone keys, timestamps and versions look alike. */
import { sql } from 'drizzle-orm';
import { bigint, date, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Optimistic concurrency: bumped by every update. */
export const version = () => integer('version').notNull().default(1);
/** A calendar date, 'YYYY-MM-DD' in code. */
export const day = (name: string) => date(name, { mode: 'string' });
/** Money, exact, in yuan. */
export const yuan = (name: string) => bigint(name, { mode: 'number' });

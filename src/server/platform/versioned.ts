import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from './errors.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Updates one row only if it still has the version the client read, bumping it. Zero rows means
 * someone else saved first (the caller has already proven the row exists and is in scope).
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Partial<T['$inferInsert']>,
  extraWhere?: SQL,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion), extraWhere))
    .returning()) as unknown[];
  if (rows.length === 0) throw new AppError('VERSION_CONFLICT', { expectedVersion });
  return rows[0] as T['$inferSelect'];
}

/** The check a service makes before writing: the client must have read the current version. */
export function assertVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) throw new AppError('VERSION_CONFLICT', { expectedVersion: expected, currentVersion: current.version });
}

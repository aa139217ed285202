import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  zoneId?: string;
  actorId?: string;
  /** null = every zone and the global entries (admins). */
  scopeZoneIds: string[] | null;
}

export function createAuditRepository() {
  return {
    async list(db: DbOrTx, f: AuditFilter, page: { page: number; pageSize: number }) {
      const conditions: (SQL | undefined)[] = [
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.zoneId ? eq(auditLog.zoneId, f.zoneId) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.scopeZoneIds === null ? undefined : f.scopeZoneIds.length ? inArray(auditLog.zoneId, f.scopeZoneIds) : isNull(auditLog.id),
      ];
      const where = and(...conditions.filter(Boolean));
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return { items: rows, total: Number(total) };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

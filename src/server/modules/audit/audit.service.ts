import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { auditQuery } from '../../../contract/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { hasPermission } from '../../platform/policies.ts';
import type { AuditRepository } from './audit.repository.ts';

export function createAuditService(deps: { db: Db; audit: AuditRepository }) {
  const { db, audit } = deps;
  return {
    /**
     * Leaders browse the whole log of their zones; anyone may read one record's history, limited
     * to the zones they cover. Global entries (users, logins) are for admins only.
     */
    async list(s: SessionContext, q: z.infer<typeof auditQuery>) {
      const isRecordHistory = Boolean(q.entityType && q.entityId);
      if (!isRecordHistory && !hasPermission(s, 'audit.read')) throw new AppError('FORBIDDEN');
      const { items, total } = await audit.list(
        db,
        { entityType: q.entityType, entityId: q.entityId, zoneId: q.zoneId, actorId: q.actorId, scope: s.scope.all ? null : s },
        q,
      );
      return {
        items: items.map((e) => ({ ...e, at: e.at.toISOString() })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** The latest zone-level changes in the caller's zones (the 工作台's 最近变更: no permission needed, no global entries). */
    /**
     * The 工作台's 最近变更: who changed which record, for everyone in the zones; the before/after
     * snapshots only for a role that may read the audit log (audit.read), as GET /api/audit.
     */
    async recentChanges(s: SessionContext, limit: number) {
      const { items } = await audit.list(db, { scope: s }, { page: 1, pageSize: limit });
      const detailed = hasPermission(s, 'audit.read');
      return items.map((e) => ({ ...e, at: e.at.toISOString(), ...(detailed ? {} : { before: null, after: null }) }));
    },
  };
}

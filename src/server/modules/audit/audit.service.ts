import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AUDIT_EXPORT_MAX_ROWS, type auditExportQuery, type auditQuery } from '../../../contract/audit.ts';
import { auditActionLabels, auditEntityFieldLabels, auditEntityLabels, auditFieldLabels, humaniseField, type AuditEntityType } from '../../../contract/audit-labels.ts';
import { chinaDate, chinaToday, systemClock, type Clock } from '../../platform/clock.ts';
import { listWorkbook } from '../../platform/list-export.ts';
import { AppError } from '../../platform/errors.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { hasPermission } from '../../platform/policies.ts';
import type { AuditRepository } from './audit.repository.ts';

/** The fields an entry changed, by their labels (总投资、阶段), as the 操作日志 page names them. */
function changedFields(entityType: string, before: unknown, after: unknown): string {
  const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = record(before);
  const a = record(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !['id', 'version', 'createdAt', 'updatedAt', 'zoneId'].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  const label = (k: string) => auditEntityFieldLabels[entityType as AuditEntityType]?.[k]?.[0] ?? auditFieldLabels[k]?.[0] ?? humaniseField(k);
  return keys.map(label).join('、');
}

export function createAuditService(deps: { db: Db; audit: AuditRepository; clock?: Clock }) {
  const { db, audit, clock = systemClock } = deps;
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

    /** 操作日志 as filtered on screen, newest first, as an .xlsx (platform/list-export.ts). */
    async exportLog(s: SessionContext, q: z.infer<typeof auditExportQuery>) {
      const { items, total } = await audit.list(
        db,
        { entityType: q.entityType, entityId: q.entityId, zoneId: q.zoneId, actorId: q.actorId, scope: s.scope.all ? null : s },
        { page: 1, pageSize: AUDIT_EXPORT_MAX_ROWS },
      );
      const time = (at: Date) => `${chinaDate(at)} ${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 19)}`;
      return listWorkbook({
        title: '操作日志',
        fileName: `操作日志-${chinaToday(clock)}.xlsx`,
        clock,
        rows: items,
        note: total > items.length ? `最近 ${items.length} 条，共 ${total} 条中` : undefined,
        columns: [
          { header: '时间（北京时间）', width: 20, value: (e) => time(e.at) },
          { header: '操作人', width: 12, value: (e) => e.actorName },
          { header: '操作', width: 16, value: (e) => (auditActionLabels as Record<string, { label: readonly [string, string] }>)[e.action]?.label[0] ?? e.action },
          { header: '记录类型', width: 12, value: (e) => (auditEntityLabels as Record<string, readonly [string, string]>)[e.entityType]?.[0] ?? e.entityType },
          { header: '记录', width: 30, value: (e) => e.names?.[e.entityId] ?? e.entityId },
          { header: '变更字段', width: 40, value: (e) => changedFields(e.entityType, e.before, e.after) },
        ],
      });
    },

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

import { z } from 'zod';
import { isoDateTime, pageOf, paginationQuery, uuidSchema } from './common.ts';
import { defineOperation, fileResponse } from './operation.ts';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  zoneId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().describe("The actor's display name (李婷); 'system' when the server acted on its own"),
  at: isoDateTime,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  names: z
    .record(z.string(), z.string())
    .optional()
    .describe('Names of the records this entry mentions (its own record, users, departments, parks, zones…), by id'),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = paginationQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  zoneId: uuidSchema.optional(),
  actorId: uuidSchema.optional(),
});
export const auditPage = pageOf(auditEntrySchema);
export const auditExportQuery = auditQuery.omit({ page: true, pageSize: true });
/** An export holds at most this many entries (the newest); the title says when it was cut. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export const auditOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/audit',
    tags: ['audit'],
    summary: '操作日志与记录历史 / Audit log and record history',
    description:
      "Without entityType and entityId it is the zone's log and needs audit.read; with both, one record's history, which anyone covering its zone may read.",
    query: auditQuery,
    response: auditPage,
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/audit/export.xlsx',
    tags: ['audit'],
    summary: '导出操作日志（当前筛选）/ Export the audit log as filtered (.xlsx)',
    permission: 'audit.read',
    query: auditExportQuery,
    response: fileResponse,
  }),
};

import { useQuery } from '@tanstack/react-query';
import { auditOperations } from '../../contract/audit.ts';
import type { OperationResult } from '../../contract/operation.ts';
import { callOperation } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';

export type AuditPage = OperationResult<typeof auditOperations.list>;

/** One record's audit trail (anyone who can see the record may read it), newest first. */
export function useRecordHistory(entityType: string, entityId: string | null) {
  return useQuery({
    queryKey: queryKeys.history.of(entityType, entityId ?? ''),
    queryFn: () => callOperation(auditOperations.list, { query: { entityType, entityId: entityId ?? undefined, pageSize: 100 } }),
    enabled: Boolean(entityId),
  });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditPage } from '../../contract/audit.ts';
import { api } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';

export type AuditPage = z.infer<typeof auditPage>;

/** One record's audit trail (anyone who can see the record may read it), newest first. */
export function useRecordHistory(entityType: string, entityId: string | null) {
  return useQuery({
    queryKey: queryKeys.history.of(entityType, entityId ?? ''),
    queryFn: () => api.get<AuditPage>('/audit', { entityType, entityId, pageSize: 100 }),
    enabled: Boolean(entityId),
  });
}

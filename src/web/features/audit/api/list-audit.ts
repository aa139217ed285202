import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditPage } from '../../../../contract/audit.ts';
import { callOperation } from '../../../lib/api-client';
import { auditOperations } from '../../../../contract/audit.ts';
import { queryKeys } from '../../../lib/query-keys';

export type AuditPage = z.infer<typeof auditPage>;

export interface ListAuditParams {
  page: number;
  pageSize: number;
  entityType?: string;
  zoneId?: string;
  actorId?: string;
}

export function listAudit(params: ListAuditParams): Promise<AuditPage> {
  return callOperation(auditOperations.list, { query: params });
}

export function useAuditLog(params: ListAuditParams) {
  return useQuery({ queryKey: queryKeys.audit.list({ ...params }), queryFn: () => listAudit(params), placeholderData: keepPreviousData });
}

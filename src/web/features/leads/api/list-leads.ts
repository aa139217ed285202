import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import type { OperationQuery, OperationResult } from '../../../../contract/operation.ts';
import { callOperation, type QueryParams } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type LeadPage = OperationResult<typeof leadOperations.list>;

/** The page's filters as the URL holds them (strings; empty ones are dropped from the query). */
export function listLeads(params: QueryParams): Promise<LeadPage> {
  return callOperation(leadOperations.list, { query: params as OperationQuery<typeof leadOperations.list> });
}

export function useLeads(params: QueryParams) {
  return useQuery({ queryKey: leadKeys.list(params), queryFn: () => listLeads(params), placeholderData: keepPreviousData });
}

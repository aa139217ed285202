import { useQuery } from '@tanstack/react-query';
import { approvalServiceOperations } from '../../../../contract/services/approval-services.ts';
import { callOperation } from '../../../lib/api-client';
import { approvalKeys } from './keys';

export const listCases = (zoneId: string | null) => callOperation(approvalServiceOperations.listCases, { query: { zoneId: zoneId ?? undefined } });
export const useCases = (zoneId: string | null) => useQuery({ queryKey: approvalKeys.cases(zoneId), queryFn: () => listCases(zoneId) });

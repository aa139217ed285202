import { useQuery } from '@tanstack/react-query';
import { approvalServiceOperations } from '../../../../contract/services/approval-services.ts';
import { callOperation } from '../../../lib/api-client';
import { approvalKeys } from './keys';

export const listItems = (zoneId: string | null, q: string) =>
  callOperation(approvalServiceOperations.listItems, { query: { zoneId: zoneId ?? undefined, q: q || undefined } });
export const useItems = (zoneId: string | null, q = '') => useQuery({ queryKey: approvalKeys.items(zoneId, q), queryFn: () => listItems(zoneId, q) });

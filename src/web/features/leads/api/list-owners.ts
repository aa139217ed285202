import { useQuery } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type Owner = OperationResult<typeof leadOperations.owners>[number];

export function useOwners(zoneId: string | null) {
  return useQuery({ queryKey: leadKeys.owners(zoneId), queryFn: () => callOperation(leadOperations.owners, { query: { zoneId: zoneId ?? undefined } }) });
}

import { useQuery } from '@tanstack/react-query';
import { financeOperations } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { financeKeys } from './keys';

export const listNeeds = (zoneId: string | null) => callOperation(financeOperations.listNeeds, { query: { zoneId: zoneId ?? undefined } });
export const useNeeds = (zoneId: string | null) => useQuery({ queryKey: financeKeys.needs(zoneId), queryFn: () => listNeeds(zoneId) });

import { useQuery } from '@tanstack/react-query';
import { financeOperations } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { financeKeys } from './keys';

export const listReferrals = (zoneId: string | null) => callOperation(financeOperations.listReferrals, { query: { zoneId: zoneId ?? undefined } });
export const useReferrals = (zoneId: string | null) => useQuery({ queryKey: financeKeys.referrals(zoneId), queryFn: () => listReferrals(zoneId) });

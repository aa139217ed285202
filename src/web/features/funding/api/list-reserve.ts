import { useQuery } from '@tanstack/react-query';
import { fundingOperations } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { fundingKeys } from './keys';

export const listReserve = (zoneId: string | null) => callOperation(fundingOperations.listReserve, { query: { zoneId: zoneId ?? undefined } });
export const useReserve = (zoneId: string | null) => useQuery({ queryKey: fundingKeys.reserve(zoneId), queryFn: () => listReserve(zoneId) });

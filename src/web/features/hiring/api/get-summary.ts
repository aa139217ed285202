import { useQuery } from '@tanstack/react-query';
import { hiringOperations } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { hiringKeys } from './keys';

export const getHiringSummary = (zoneId: string | null) => callOperation(hiringOperations.summary, { query: { zoneId: zoneId ?? undefined } });
export const useHiringSummary = (zoneId: string | null) => useQuery({ queryKey: hiringKeys.summary(zoneId), queryFn: () => getHiringSummary(zoneId) });

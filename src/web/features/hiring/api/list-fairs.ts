import { useQuery } from '@tanstack/react-query';
import { hiringOperations } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { hiringKeys } from './keys';

export const listFairs = (zoneId: string | null) => callOperation(hiringOperations.listFairs, { query: { zoneId: zoneId ?? undefined } });
export const useFairs = (zoneId: string | null) => useQuery({ queryKey: hiringKeys.fairs(zoneId), queryFn: () => listFairs(zoneId) });

import { useQuery } from '@tanstack/react-query';
import { financeOperations } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { financeKeys } from './keys';

export const listEvents = (zoneId: string | null) => callOperation(financeOperations.listEvents, { query: { zoneId: zoneId ?? undefined } });
export const useEvents = (zoneId: string | null) => useQuery({ queryKey: financeKeys.events(zoneId), queryFn: () => listEvents(zoneId) });

import { useQuery } from '@tanstack/react-query';
import { hiringOperations } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { hiringKeys } from './keys';

export const listPartnerships = (zoneId: string | null) => callOperation(hiringOperations.listPartnerships, { query: { zoneId: zoneId ?? undefined } });
export const usePartnerships = (zoneId: string | null) => useQuery({ queryKey: hiringKeys.partnerships(zoneId), queryFn: () => listPartnerships(zoneId) });

import { useQuery } from '@tanstack/react-query';
import type { Zone } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function listZones(): Promise<Zone[]> {
  return api.get<Zone[]>('/zones');
}

/** The zones the caller covers, each with its parks. */
export function useZones() {
  return useQuery({ queryKey: queryKeys.zones.all, queryFn: listZones });
}

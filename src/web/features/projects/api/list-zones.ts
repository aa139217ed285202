import { useQuery } from '@tanstack/react-query';
import type { Zone } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The zones the user covers, with their parks (for the park pickers). */
export function useZonesWithParks() {
  return useQuery({ queryKey: [...queryKeys.zones.all, 'with-parks'], queryFn: () => api.get<Zone[]>('/zones') });
}

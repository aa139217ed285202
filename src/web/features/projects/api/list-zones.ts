import { useQuery } from '@tanstack/react-query';
import { orgOperations } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The zones the user covers, with their parks (for the park pickers). */
export function useZonesWithParks() {
  return useQuery({ queryKey: [...queryKeys.zones.all, 'with-parks'], queryFn: () => callOperation(orgOperations.listZones) });
}

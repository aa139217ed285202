import { useQuery } from '@tanstack/react-query';
import type { Zone } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { queryKeys } from '../../../lib/query-keys';

export function listZones(): Promise<Zone[]> {
  return callOperation(orgOperations.listZones);
}

/** The zones the caller covers, each with its parks. */
export function useZones() {
  return useQuery({ queryKey: queryKeys.zones.all, queryFn: listZones });
}

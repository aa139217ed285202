import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { regionSchema } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { queryKeys } from '../../../lib/query-keys';

export type Region = z.infer<typeof regionSchema>;

export function listRegions(): Promise<Region[]> {
  return callOperation(orgOperations.listRegions);
}

export function useRegions() {
  return useQuery({ queryKey: queryKeys.regions, queryFn: listRegions, staleTime: Infinity });
}

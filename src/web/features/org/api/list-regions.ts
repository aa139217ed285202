import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { regionSchema } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Region = z.infer<typeof regionSchema>;

export function listRegions(): Promise<Region[]> {
  return api.get<Region[]>('/regions');
}

export function useRegions() {
  return useQuery({ queryKey: queryKeys.regions, queryFn: listRegions, staleTime: Infinity });
}

import { useQuery } from '@tanstack/react-query';
import type { Workbench } from '../../../../contract/workbench.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getWorkbench(): Promise<Workbench> {
  return api.get<Workbench>('/workbench');
}

export function useWorkbench() {
  return useQuery({ queryKey: queryKeys.workbench, queryFn: getWorkbench });
}

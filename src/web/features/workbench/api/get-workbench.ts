import { useQuery } from '@tanstack/react-query';
import type { Workbench } from '../../../../contract/workbench.ts';
import { callOperation } from '../../../lib/api-client';
import { workbenchOperations } from '../../../../contract/workbench.ts';
import { queryKeys } from '../../../lib/query-keys';

export function getWorkbench(): Promise<Workbench> {
  return callOperation(workbenchOperations.get);
}

export function useWorkbench() {
  return useQuery({ queryKey: queryKeys.workbench, queryFn: getWorkbench });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { statisticsOperations } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export const computeResults = (body: { year: number; zoneId?: string }) => callOperation(statisticsOperations.compute, { body });
export function useComputeResults() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: computeResults, onSuccess: () => queryClient.invalidateQueries({ queryKey: statisticsKeys.all }) });
}

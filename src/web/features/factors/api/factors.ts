import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { factorOperations, type createFactorBody, type raiseFactorBody, type resolveFactorBody } from '../../../../contract/services/factors.ts';
import { callOperation } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const keys = { all: ['factors'] as const, list: (zoneId: string | null) => ['factors', zoneId ?? 'all'] as const };

export const listFactors = (zoneId: string | null) => callOperation(factorOperations.list, { query: { zoneId: zoneId ?? undefined } });
export const useFactors = (zoneId: string | null) => useQuery({ queryKey: keys.list(zoneId), queryFn: () => listFactors(zoneId) });

function useFactorMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
        queryClient.invalidateQueries({ queryKey: ['dispatch'] }),
      ]),
  });
}
export const useCreateFactor = () => useFactorMutation((body: z.input<typeof createFactorBody>) => callOperation(factorOperations.create, { body }));
export const useResolveFactor = () =>
  useFactorMutation(({ id, ...body }: { id: string } & z.input<typeof resolveFactorBody>) => callOperation(factorOperations.resolve, { params: { id }, body }));
export const useRaiseFactor = () =>
  useFactorMutation(({ id, ...body }: { id: string } & z.input<typeof raiseFactorBody>) => callOperation(factorOperations.raise, { params: { id }, body }));

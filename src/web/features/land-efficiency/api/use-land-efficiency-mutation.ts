import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';
import { landEfficiencyKeys } from './keys';

/** A mutation that re-reads what the feature shows (and the audit trail, the enterprise profiles' classes). */
export function useLandEfficiencyMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: landEfficiencyKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['enterprise-land-efficiency'] }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
  return useMutation({ mutationFn: fn, onSuccess: () => refresh(), onError: (error) => (isVersionConflict(error) ? refresh() : undefined) });
}

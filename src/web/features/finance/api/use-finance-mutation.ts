import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';
import { financeKeys } from './keys';

/** A mutation that, done or refused for a stale version, re-reads what finance shows (and the 工作台, the audit trail). */
export function useFinanceMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: financeKeys.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
  return useMutation({ mutationFn: fn, onSuccess: () => refresh(), onError: (error) => (isVersionConflict(error) ? refresh() : undefined) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';
import { approvalKeys } from './keys';

/** A mutation that, done or refused for a stale version, re-reads the cases (and the 工作台, the audit trail, the projects whose checklist a case writes). */
export function useApprovalMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
    ]);
  return useMutation({ mutationFn: fn, onSuccess: () => refresh(), onError: (error) => (isVersionConflict(error) ? refresh() : undefined) });
}

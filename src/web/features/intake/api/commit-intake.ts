import { useMutation, useQueryClient } from '@tanstack/react-query';
import { intakeOperations } from '../../../../contract/intake.ts';
import type { OperationBody } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';

export type CommitIntakeInput = OperationBody<typeof intakeOperations.commit>;

/** Saves the confirmed proposals in one transaction, with the source text. */
export function commitIntake(input: CommitIntakeInput) {
  return callOperation(intakeOperations.commit, { body: input });
}

export function useCommitIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitIntake,
    // Projects and leads changed: whatever lists them (workbench, history) must refetch.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

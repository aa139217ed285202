import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { intakeCommitBody, IntakeCommitResponse } from '../../../../contract/intake.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type CommitIntakeInput = z.input<typeof intakeCommitBody>;

/** Saves the confirmed proposals in one transaction, with the source text. */
export function commitIntake(input: CommitIntakeInput): Promise<IntakeCommitResponse> {
  return api.post<IntakeCommitResponse>('/intake/commit', input);
}

export function useCommitIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitIntake,
    // Projects and leads changed: whatever lists them (workbench, history) must refetch.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

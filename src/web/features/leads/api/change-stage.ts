import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type changeStageBody, type LeadDetail } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { invalidatePipeline } from './keys';

export type ChangeStageInput = z.input<typeof changeStageBody> & { id: string };

/** Moves a lead to a stage; a gated stage carries its agreement in the same request. */
export function changeStage({ id, ...input }: ChangeStageInput): Promise<LeadDetail> {
  return callOperation(leadOperations.changeStage, { params: { id }, body: input });
}

export function useChangeStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeStage,
    onSuccess: () => invalidatePipeline(queryClient),
    onError: (error) => (isVersionConflict(error) ? invalidatePipeline(queryClient) : undefined),
  });
}

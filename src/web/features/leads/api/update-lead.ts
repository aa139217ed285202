import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type Lead, type updateLeadBody } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { invalidatePipeline } from './keys';

export type UpdateLeadInput = z.input<typeof updateLeadBody> & { id: string };

export function updateLead({ id, ...input }: UpdateLeadInput): Promise<Lead> {
  return callOperation(leadOperations.update, { params: { id }, body: input });
}

export function useUpdateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLead,
    onSuccess: () => invalidatePipeline(queryClient),
    onError: (error) => (isVersionConflict(error) ? invalidatePipeline(queryClient) : undefined),
  });
}

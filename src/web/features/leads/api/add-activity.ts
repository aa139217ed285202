import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type createActivityBody } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type ActivityInput = z.input<typeof createActivityBody>;

export function addActivity({ leadId, ...input }: ActivityInput & { leadId: string }) {
  return callOperation(leadOperations.addActivity, { params: { id: leadId }, body: input });
}

export function useAddActivity() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addActivity, onSuccess: () => invalidatePipeline(queryClient) });
}

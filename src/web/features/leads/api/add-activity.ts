import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createActivityBody } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type ActivityInput = z.input<typeof createActivityBody>;

export function addActivity({ leadId, ...input }: ActivityInput & { leadId: string }) {
  return api.post(`/leads/${leadId}/activities`, input);
}

export function useAddActivity() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addActivity, onSuccess: () => invalidatePipeline(queryClient) });
}

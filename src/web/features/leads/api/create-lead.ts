import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type createLeadBody, type Lead } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type CreateLeadInput = z.input<typeof createLeadBody>;

export function createLead(input: CreateLeadInput): Promise<Lead> {
  return callOperation(leadOperations.create, { body: input });
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createLead, onSuccess: () => invalidatePipeline(queryClient) });
}

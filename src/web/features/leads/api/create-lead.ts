import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createLeadBody, Lead } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type CreateLeadInput = z.input<typeof createLeadBody>;

export function createLead(input: CreateLeadInput): Promise<Lead> {
  return api.post<Lead>('/leads', input);
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createLead, onSuccess: () => invalidatePipeline(queryClient) });
}

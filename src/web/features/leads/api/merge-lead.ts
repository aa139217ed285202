import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type mergeLeadBody } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type MergeLeadInput = z.input<typeof mergeLeadBody> & { id: string };

/** Merges `duplicateId` into lead `id` (the duplicate is removed; its records move to `id`). */
export function mergeLead({ id, ...body }: MergeLeadInput) {
  return callOperation(leadOperations.merge, { params: { id }, body });
}

export function useMergeLead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mergeLead, onSuccess: () => invalidatePipeline(queryClient) });
}

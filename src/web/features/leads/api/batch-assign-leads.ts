import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type batchAssignLeadsBody } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

/** 批量指派负责人: one owner for the selected leads (all or nothing). */
export const batchAssignLeads = (body: z.input<typeof batchAssignLeadsBody>) => callOperation(leadOperations.batchAssign, { body });

export function useBatchAssignLeads() {
  const queryClient = useQueryClient();
  // Refused or not, the list is re-read: a refused row may be stale.
  return useMutation({ mutationFn: batchAssignLeads, onSettled: () => invalidatePipeline(queryClient) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type changeStatusBody, type Lead } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type ChangeStatusInput = z.input<typeof changeStatusBody> & { id: string };

export function changeStatus({ id, ...input }: ChangeStatusInput): Promise<Lead> {
  return callOperation(leadOperations.changeStatus, { params: { id }, body: input });
}

export function useChangeStatus() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changeStatus, onSuccess: () => invalidatePipeline(queryClient) });
}

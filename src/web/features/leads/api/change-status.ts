import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changeStatusBody, Lead } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type ChangeStatusInput = z.input<typeof changeStatusBody> & { id: string };

export function changeStatus({ id, ...input }: ChangeStatusInput): Promise<Lead> {
  return api.post<Lead>(`/leads/${id}/status`, input);
}

export function useChangeStatus() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changeStatus, onSuccess: () => invalidatePipeline(queryClient) });
}

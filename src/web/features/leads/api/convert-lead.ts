import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export function convertLead({ id, version }: { id: string; version: number }) {
  return api.post<{ projectId: string }>(`/leads/${id}/convert`, { version });
}

export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertLead,
    onSuccess: () => Promise.all([invalidatePipeline(queryClient), queryClient.invalidateQueries({ queryKey: ['projects'] })]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export function useMergeEnterprise(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { duplicateId: string; version: number }) => api.post(`/enterprises/${enterpriseId}/merge`, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }), queryClient.invalidateQueries({ queryKey: ['leads'] })]),
  });
}

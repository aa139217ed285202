import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseOperations } from '../../../../contract/enterprises.ts';
import { callOperation } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export function useMergeEnterprise(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { duplicateId: string; version: number }) => callOperation(enterpriseOperations.merge, { params: { id: enterpriseId }, body: input }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }), queryClient.invalidateQueries({ queryKey: ['leads'] })]),
  });
}

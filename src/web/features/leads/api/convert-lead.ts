import { useMutation, useQueryClient } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export function convertLead({ id, version }: { id: string; version: number }) {
  return callOperation(leadOperations.convert, { params: { id }, body: { version } });
}

export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertLead,
    onSuccess: () => Promise.all([invalidatePipeline(queryClient), queryClient.invalidateQueries({ queryKey: ['projects'] })]),
  });
}

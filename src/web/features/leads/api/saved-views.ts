import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { leadViewOperations } from '../../../../contract/leads.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type SavedView = OperationResult<typeof leadViewOperations.create>;

export function useSavedViews() {
  return useQuery({ queryKey: leadKeys.views, queryFn: () => callOperation(leadViewOperations.list) });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: Record<string, string> }) => callOperation(leadViewOperations.create, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.views }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callOperation(leadViewOperations.remove, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.views }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../lib/api-client';
import { leadKeys } from './keys';

export interface SavedView {
  id: string;
  name: string;
  query: Record<string, string>;
}

export function useSavedViews() {
  return useQuery({ queryKey: leadKeys.views, queryFn: () => api.get<SavedView[]>('/lead-views') });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: Record<string, string> }) => api.post<SavedView>('/lead-views', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.views }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/lead-views/${id}`, { body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.views }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import type { Park } from './create-park';
import { invalidateOrg } from './invalidate-org';

export function updatePark({ id, version, name }: { id: string; version: number; name: string }): Promise<Park> {
  return api.patch<Park>(`/parks/${id}`, { version, name });
}

export function useUpdatePark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePark,
    onSuccess: () => invalidateOrg(queryClient),
    // A stale version means our copy is old: re-read it so the next edit starts from the saved record.
    onError: (error) => (isVersionConflict(error) ? invalidateOrg(queryClient) : undefined),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import type { Park } from './create-park';
import { invalidateOrg } from './invalidate-org';

export function updatePark({ id, version, name }: { id: string; version: number; name: string }): Promise<Park> {
  return callOperation(orgOperations.updatePark, { params: { id }, body: { version, name } });
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

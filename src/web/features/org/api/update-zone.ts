import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { updateZoneBody, Zone } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { invalidateOrg } from './invalidate-org';

export type UpdateZoneInput = z.input<typeof updateZoneBody> & { id: string };

export function updateZone({ id, ...input }: UpdateZoneInput): Promise<Zone> {
  return callOperation(orgOperations.updateZone, { params: { id }, body: input });
}

export function useUpdateZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateZone,
    onSuccess: () => invalidateOrg(queryClient),
    // A stale version means our copy is old: re-read it so the next edit starts from the saved record.
    onError: (error) => (isVersionConflict(error) ? invalidateOrg(queryClient) : undefined),
  });
}

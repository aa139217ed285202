import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createZoneBody, Zone } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { invalidateOrg } from './invalidate-org';

export type CreateZoneInput = z.input<typeof createZoneBody>;

export function createZone(input: CreateZoneInput): Promise<Zone> {
  return callOperation(orgOperations.createZone, { body: input });
}

export function useCreateZone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createZone, onSuccess: () => invalidateOrg(queryClient) });
}

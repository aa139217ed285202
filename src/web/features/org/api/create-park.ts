import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { parkSchema } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { invalidateOrg } from './invalidate-org';

export type Park = z.infer<typeof parkSchema>;

export function createPark({ zoneId, name }: { zoneId: string; name: string }): Promise<Park> {
  return callOperation(orgOperations.createPark, { params: { id: zoneId }, body: { name } });
}

export function useCreatePark() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPark, onSuccess: () => invalidateOrg(queryClient) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { parkSchema } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate-org';

export type Park = z.infer<typeof parkSchema>;

export function createPark({ zoneId, name }: { zoneId: string; name: string }): Promise<Park> {
  return api.post<Park>(`/zones/${zoneId}/parks`, { name });
}

export function useCreatePark() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPark, onSuccess: () => invalidateOrg(queryClient) });
}

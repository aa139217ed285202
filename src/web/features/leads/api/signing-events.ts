import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { signingEventOperations, type createSigningEventBody, type signingEventSchema } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type SigningEvent = z.infer<typeof signingEventSchema>;
export type CreateSigningEventInput = z.input<typeof createSigningEventBody>;

const signingEventKeys = (zoneId: string | null) => [...leadKeys.all, 'signing-events', zoneId ?? 'all'] as const;

/** Signing ceremonies and campaign batches (三个一批) of the zones the caller covers. */
export function useSigningEvents(zoneId: string | null) {
  return useQuery({
    queryKey: signingEventKeys(zoneId),
    queryFn: () => callOperation(signingEventOperations.list, { query: { zoneId: zoneId ?? undefined } }),
  });
}

export function useCreateSigningEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSigningEventInput) => callOperation(signingEventOperations.create, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...leadKeys.all, 'signing-events'] }),
  });
}

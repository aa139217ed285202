import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createTripBody, tripDetailSchema, tripPage } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { invalidatePipeline, leadKeys } from './keys';

export type TripPage = z.infer<typeof tripPage>;
export type TripDetail = z.infer<typeof tripDetailSchema>;
export type CreateTripInput = z.input<typeof createTripBody>;

export function useTrips(zoneId: string | null) {
  return useQuery({ queryKey: [...leadKeys.trips, zoneId ?? 'all'], queryFn: () => api.get<TripPage>('/trips', { zoneId, pageSize: 50 }) });
}

export function useTrip(id: string) {
  return useQuery({ queryKey: leadKeys.trip(id), queryFn: () => api.get<TripDetail>(`/trips/${id}`) });
}

/** Logs a trip with the enterprises met; its results are counted by the server. */
export function useCreateTrip() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: CreateTripInput) => api.post<TripDetail>('/trips', input), onSuccess: () => invalidatePipeline(queryClient) });
}

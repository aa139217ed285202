import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { tripOperations, type createTripBody, type meetingInput, type tripDetailSchema, type tripPage } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline, leadKeys } from './keys';

export type TripPage = z.infer<typeof tripPage>;
export type TripDetail = z.infer<typeof tripDetailSchema>;
export type CreateTripInput = z.input<typeof createTripBody>;
export type MeetingInput = z.input<typeof meetingInput>;

export function useTrips(zoneId: string | null) {
  return useQuery({
    queryKey: [...leadKeys.trips, zoneId ?? 'all'],
    queryFn: () => callOperation(tripOperations.list, { query: { zoneId: zoneId ?? undefined, pageSize: 50 } }),
  });
}

export function useTrip(id: string) {
  return useQuery({ queryKey: leadKeys.trip(id), queryFn: () => callOperation(tripOperations.get, { params: { id } }) });
}

/** Logs a trip with the enterprises met; its results are counted by the server. */
export function useCreateTrip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTripInput) => callOperation(tripOperations.create, { body: input }),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

/** Records one more meeting on a trip (an enterprise met, maybe a lead, an intent); the trip's results are recounted. */
export function useAddMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tripId, ...input }: MeetingInput & { tripId: string }) => callOperation(tripOperations.addMeeting, { params: { id: tripId }, body: input }),
    onSuccess: (trip) => {
      queryClient.setQueryData(leadKeys.trip(trip.id), trip);
      return invalidatePipeline(queryClient);
    },
  });
}

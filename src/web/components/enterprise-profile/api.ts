/** The enterprise profile's operations (contract/chains): fetchers and hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { chainOperations as op, type cooperationBody, type figuresBody, type honourBody, type productionLineBody } from '../../../contract/chains.ts';
import { callOperation } from '../../lib/api-client';

const key = (id: string) => ['enterprise-profile', id] as const;

export const useEnterpriseProfile = (id: string) => useQuery({ queryKey: key(id), queryFn: () => callOperation(op.profile, { params: { id } }) });

function useProfileWrite<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key(id) }), qc.invalidateQueries({ queryKey: ['chains'] })]),
  });
}
export const useAddHonour = (id: string) => useProfileWrite(id, (body: z.input<typeof honourBody>) => callOperation(op.addHonour, { params: { id }, body }));
export const useDeleteHonour = (id: string) => useProfileWrite(id, (honourId: string) => callOperation(op.deleteHonour, { params: { id: honourId } }));
export const useAddFigures = (id: string) => useProfileWrite(id, (body: z.input<typeof figuresBody>) => callOperation(op.addFigures, { params: { id }, body }));
export const useAddLine = (id: string) =>
  useProfileWrite(id, (body: z.input<typeof productionLineBody>) => callOperation(op.addLine, { params: { id }, body }));
export const useAddCooperation = (id: string) =>
  useProfileWrite(id, (body: z.input<typeof cooperationBody>) => callOperation(op.addCooperation, { params: { id }, body }));

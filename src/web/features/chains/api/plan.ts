/** The zone's industry plan page, sectors and the templates a chain is copied from. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { chainOperations as op, type createChainBody, type planBody, type sectorBody } from '../../../../contract/chains.ts';
import { callOperation } from '../../../lib/api-client';
import { chainKeys } from './keys';

export const usePlan = (zoneId: string | null, enabled = true) =>
  useQuery({ queryKey: chainKeys.plan(zoneId), enabled, queryFn: () => callOperation(op.plan, { query: zoneId ? { zoneId } : {} }) });
export const useSectorPage = (id: string) => useQuery({ queryKey: chainKeys.sector(id), queryFn: () => callOperation(op.sector, { params: { id } }) });
export const useTemplates = () => useQuery({ queryKey: chainKeys.templates, staleTime: Infinity, queryFn: () => callOperation(op.templates, {}) });

function useInvalidatingChains<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: chainKeys.all }) });
}
export const useSavePlan = () => useInvalidatingChains((body: z.input<typeof planBody>) => callOperation(op.savePlan, { body }));
export const useCreateSector = () => useInvalidatingChains((body: z.input<typeof sectorBody>) => callOperation(op.createSector, { body }));
export const useCreateChain = () => useInvalidatingChains((body: z.input<typeof createChainBody>) => callOperation(op.create, { body }));

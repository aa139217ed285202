/** One chain: its view (links with strength), a link's detail, and the writes on links. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  chainOperations as op,
  type createRoadmapItemBody,
  type createTargetBody,
  type importTargetsBody,
  type linkBody,
  type placeEnterpriseBody,
  type updateRoadmapItemBody,
} from '../../../../contract/chains.ts';
import { leadOperations } from '../../../../contract/leads.ts';
import { projectOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { chainKeys } from './keys';

export const useChainView = (id: string) => useQuery({ queryKey: chainKeys.chain(id), queryFn: () => callOperation(op.view, { params: { id } }) });
export const useLink = (id: string | null) =>
  useQuery({ queryKey: chainKeys.link(id ?? ''), enabled: Boolean(id), queryFn: () => callOperation(op.link, { params: { id: id! } }) });
export const useChainTargets = (id: string) => useQuery({ queryKey: chainKeys.targets(id), queryFn: () => callOperation(op.targets, { params: { id } }) });
export const useRoadmap = (id: string) => useQuery({ queryKey: chainKeys.roadmap(id), queryFn: () => callOperation(op.roadmap, { params: { id } }) });
export const useProvinceCandidates = (linkId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: chainKeys.candidates(linkId ?? ''),
    enabled: enabled && Boolean(linkId),
    queryFn: () => callOperation(op.provinceCandidates, { params: { id: linkId! } }),
  });
export const useProvinceChain = (key: string) =>
  useQuery({ queryKey: chainKeys.province(key), queryFn: () => callOperation(op.province, { params: { key }, query: {} }) });

/** Every write here changes what the chain view counts, so each refreshes the chains' queries (and leads). */
function useChainWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: chainKeys.all }), qc.invalidateQueries({ queryKey: ['leads'] })]),
  });
}
export const useAddLink = (chainId: string) => useChainWrite((body: z.input<typeof linkBody>) => callOperation(op.addLink, { params: { id: chainId }, body }));
export const usePlaceEnterprise = (linkId: string) =>
  useChainWrite((body: z.input<typeof placeEnterpriseBody>) => callOperation(op.placeEnterprise, { params: { id: linkId }, body }));
export const useAddTarget = (linkId: string) =>
  useChainWrite((body: z.input<typeof createTargetBody>) => callOperation(op.addTarget, { params: { id: linkId }, body }));
export const useImportTargets = (linkId: string) =>
  useChainWrite((body: z.input<typeof importTargetsBody>) => callOperation(op.importTargets, { params: { id: linkId }, body }));
export const useTargetsFromProvince = (linkId: string) =>
  useChainWrite((enterpriseIds: string[]) => callOperation(op.targetsFromProvince, { params: { id: linkId }, body: { action: 'fill', enterpriseIds } }));
export const useMakeLeads = () => useChainWrite((targetIds: string[]) => callOperation(op.makeLeads, { body: { targetIds } }));
export const useAddRoadmapItem = (chainId: string) =>
  useChainWrite((body: z.input<typeof createRoadmapItemBody>) => callOperation(op.addRoadmapItem, { params: { id: chainId }, body }));
export const useUpdateRoadmapItem = () =>
  useChainWrite(({ id, body }: { id: string; body: z.input<typeof updateRoadmapItemBody> }) => callOperation(op.updateRoadmapItem, { params: { id }, body }));

/** Projects and leads of the link's zone to put on it (searched by name through their own operations). */
export const useZoneProjects = (zoneId: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['chains', 'pick-projects', zoneId, q],
    enabled,
    queryFn: () => callOperation(projectOperations.list, { query: { zoneId, q: q || undefined, pageSize: 20 } }),
  });
export const useZoneLeads = (zoneId: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['chains', 'pick-leads', zoneId, q],
    enabled,
    queryFn: () => callOperation(leadOperations.list, { query: { zoneId, q: q || undefined, pageSize: 20 } }),
  });
export const usePlaceProject = (linkId: string) =>
  useChainWrite((projectId: string) => callOperation(op.placeProject, { params: { id: linkId }, body: { projectId } }));
export const useAttachLead = (linkId: string) =>
  useChainWrite((lead: { id: string; version: number }) =>
    callOperation(op.attachLead, { params: { id: linkId }, body: { leadId: lead.id, version: lead.version } }),
  );

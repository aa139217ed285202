import { useQuery } from '@tanstack/react-query';
import { projectCoreOperations } from '../../../../contract/projects/operations.ts';
import { callOperation } from '../../../lib/api-client';
import { approvalKeys } from './keys';

/** The zone's projects, the checklist of one, and the people covering the zone: what a new case links to. */
export const useProjectOptions = (zoneId: string | null) =>
  useQuery({
    queryKey: approvalKeys.projectOptions(zoneId),
    queryFn: async () =>
      (await callOperation(projectCoreOperations.list, { query: { zoneId: zoneId!, pageSize: 200, sort: 'name', order: 'asc' } })).items.map((p) => ({
        id: p.id,
        name: p.name,
      })),
    enabled: Boolean(zoneId),
    staleTime: 300_000,
  });
export const useProjectChecklist = (projectId: string | null) =>
  useQuery({
    queryKey: approvalKeys.project(projectId),
    queryFn: async () => (await callOperation(projectCoreOperations.get, { params: { id: projectId! } })).approvals,
    enabled: Boolean(projectId),
  });
export const usePeople = (zoneId: string | null) =>
  useQuery({
    queryKey: approvalKeys.people(zoneId),
    queryFn: () => callOperation(projectCoreOperations.assignees, { query: { zoneId: zoneId! } }),
    enabled: Boolean(zoneId),
  });

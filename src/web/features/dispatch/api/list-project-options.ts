import { useQuery } from '@tanstack/react-query';
import { projectCoreOperations } from '../../../../contract/projects/operations.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export interface ProjectOption {
  id: string;
  name: string;
}
/** The zone's projects, to link a blocker, decision or campaign entry to one. */
export const listProjectOptions = async (zoneId: string): Promise<ProjectOption[]> =>
  (await callOperation(projectCoreOperations.list, { query: { zoneId, pageSize: 200, sort: 'name', order: 'asc' } })).items.map((p) => ({
    id: p.id,
    name: p.name,
  }));
export const useProjectOptions = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.projectOptions(zoneId), queryFn: () => listProjectOptions(zoneId!), enabled: Boolean(zoneId), staleTime: 300_000 });

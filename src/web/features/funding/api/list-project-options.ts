import { useQuery } from '@tanstack/react-query';
import { projectCoreOperations } from '../../../../contract/projects/operations.ts';
import { callOperation } from '../../../lib/api-client';
import { fundingKeys } from './keys';

/** The zone's projects, to put one into the reserve. */
export const listProjectOptions = async (zoneId: string) =>
  (await callOperation(projectCoreOperations.list, { query: { zoneId, pageSize: 200, sort: 'name', order: 'asc' } })).items.map((p) => ({
    id: p.id,
    name: p.name,
  }));
export const useProjectOptions = (zoneId: string | null) =>
  useQuery({ queryKey: fundingKeys.projectOptions(zoneId), queryFn: () => listProjectOptions(zoneId!), enabled: Boolean(zoneId), staleTime: 300_000 });

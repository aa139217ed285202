import { useQuery } from '@tanstack/react-query';
import { projectCoreOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

export const getProject = (id: string) => callOperation(projectCoreOperations.get, { params: { id } });

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => getProject(id), enabled: Boolean(id) });
}

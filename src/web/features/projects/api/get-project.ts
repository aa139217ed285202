import { useQuery } from '@tanstack/react-query';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { api } from '../../../lib/api-client';
import { projectKeys } from './keys';

export const getProject = (id: string) => api.get<ProjectDetail>(`/projects/${id}`);

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => getProject(id), enabled: Boolean(id) });
}

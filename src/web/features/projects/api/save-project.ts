import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

/** The form's values; money in 万元 as typed. */
export type ProjectFormValues = Record<string, unknown>;

export const createProject = (body: ProjectFormValues) => api.post<ProjectDetail>('/projects', body);
export const updateProject = (id: string, body: ProjectFormValues & { version: number }) => api.patch<ProjectDetail>(`/projects/${id}`, body);

/** Creates (no id) or updates a project; refreshes the lists, the detail and the workbench. */
export function useSaveProject(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectFormValues & { version?: number }) =>
      id ? updateProject(id, body as ProjectFormValues & { version: number }) : createProject(body),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(project.id), project);
      void client.invalidateQueries({ queryKey: projectKeys.all });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OperationBody } from '../../../../contract/operation.ts';
import { projectCoreOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

/** The form's values; money in 万元 as typed (the server checks them against the contract). */
export type ProjectFormValues = Record<string, unknown>;

export const createProject = (body: ProjectFormValues) =>
  callOperation(projectCoreOperations.create, { body: body as OperationBody<typeof projectCoreOperations.create> });
export const updateProject = (id: string, body: ProjectFormValues & { version: number }) =>
  callOperation(projectCoreOperations.update, { params: { id }, body: body as OperationBody<typeof projectCoreOperations.update> });

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

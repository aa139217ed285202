import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Department, updateDepartmentBody } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';

export type UpdateDepartmentInput = z.input<typeof updateDepartmentBody> & { id: string };

export function updateDepartment({ id, ...input }: UpdateDepartmentInput): Promise<Department> {
  return callOperation(orgOperations.updateDepartment, { params: { id }, body: input });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.departments.all }), queryClient.invalidateQueries({ queryKey: queryKeys.audit.all })]);
  return useMutation({
    mutationFn: updateDepartment,
    onSuccess: () => refresh(),
    // A stale version means our copy is old: re-read it so the next edit starts from the saved record.
    onError: (error) => (isVersionConflict(error) ? refresh() : undefined),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createDepartmentBody, Department } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { queryKeys } from '../../../lib/query-keys';

export type CreateDepartmentInput = z.input<typeof createDepartmentBody>;

export function createDepartment(input: CreateDepartmentInput): Promise<Department> {
  return callOperation(orgOperations.createDepartment, { body: input });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDepartment,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.departments.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}

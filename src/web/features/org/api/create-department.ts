import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createDepartmentBody, Department } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type CreateDepartmentInput = z.input<typeof createDepartmentBody>;

export function createDepartment(input: CreateDepartmentInput): Promise<Department> {
  return api.post<Department>('/departments', input);
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

import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { queryKeys } from '../../../lib/query-keys';

export function listDepartments(): Promise<Department[]> {
  return callOperation(orgOperations.listDepartments);
}

/** Every department the admin can see, to pick a user's department among those of the user's zones. */
export function useDepartments() {
  return useQuery({ queryKey: queryKeys.departments.byZone(null), queryFn: listDepartments });
}

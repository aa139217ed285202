import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function listDepartments(): Promise<Department[]> {
  return api.get<Department[]>('/departments');
}

/** Every department the admin can see, to pick a user's department among those of the user's zones. */
export function useDepartments() {
  return useQuery({ queryKey: queryKeys.departments.byZone(null), queryFn: listDepartments });
}

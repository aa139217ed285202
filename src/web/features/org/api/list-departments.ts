import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function listDepartments(zoneId: string | null): Promise<Department[]> {
  return api.get<Department[]>('/departments', { zoneId });
}

export function useDepartments(zoneId: string | null) {
  return useQuery({ queryKey: queryKeys.departments.byZone(zoneId), queryFn: () => listDepartments(zoneId) });
}

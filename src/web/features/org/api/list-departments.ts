import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { orgOperations } from '../../../../contract/org.ts';
import { queryKeys } from '../../../lib/query-keys';

export function listDepartments(zoneId: string | null): Promise<Department[]> {
  return callOperation(orgOperations.listDepartments, { query: { zoneId: zoneId ?? undefined } });
}

export function useDepartments(zoneId: string | null) {
  return useQuery({ queryKey: queryKeys.departments.byZone(zoneId), queryFn: () => listDepartments(zoneId) });
}

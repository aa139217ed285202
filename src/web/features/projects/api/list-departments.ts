import { useQuery } from '@tanstack/react-query';
import { orgOperations } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';

/** The departments of a zone (责任单位 picker). */
export function useZoneDepartments(zoneId: string | undefined) {
  return useQuery({
    queryKey: ['departments', zoneId ?? 'all'],
    queryFn: () => callOperation(orgOperations.listDepartments, { query: { zoneId } }),
    enabled: Boolean(zoneId),
  });
}

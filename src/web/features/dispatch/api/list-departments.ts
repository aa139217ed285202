import { useQuery } from '@tanstack/react-query';
import { orgOperations } from '../../../../contract/org.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

/** The zone's departments (责任单位), for a blocker's responsible department. */
export const listDepartments = (zoneId: string) => callOperation(orgOperations.listDepartments, { query: { zoneId } });
export const useDepartments = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.departments(zoneId), queryFn: () => listDepartments(zoneId!), enabled: Boolean(zoneId), staleTime: 300_000 });

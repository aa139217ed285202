import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../../contract/org.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

/** The zone's departments (责任单位), for a blocker's responsible department. */
export const listDepartments = (zoneId: string) => api.get<Department[]>('/departments', { zoneId });
export const useDepartments = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.departments(zoneId), queryFn: () => listDepartments(zoneId!), enabled: Boolean(zoneId), staleTime: 300_000 });

import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { projectKeys } from './keys';

export interface Assignee {
  id: string;
  displayName: string;
  role: string;
  title: string | null;
  departmentId: string | null;
}

export function useAssignees(zoneId: string | null | undefined) {
  return useQuery({
    queryKey: projectKeys.assignees(zoneId ?? ''),
    queryFn: () => api.get<Assignee[]>('/project-assignees', { zoneId }),
    enabled: Boolean(zoneId),
  });
}

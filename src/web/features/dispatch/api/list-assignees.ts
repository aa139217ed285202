import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export interface Assignee {
  id: string;
  displayName: string;
  role: string;
  title: string | null;
}
/** The people covering a zone (the projects module's assignee list), for owners and responsible persons. */
export const listAssignees = (zoneId: string) => api.get<Assignee[]>('/project-assignees', { zoneId });
export const useAssignees = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.assignees(zoneId), queryFn: () => listAssignees(zoneId!), enabled: Boolean(zoneId) });

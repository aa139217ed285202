import { useQuery } from '@tanstack/react-query';
import type { OperationResult } from '../../../../contract/operation.ts';
import { projectCoreOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type Assignee = OperationResult<typeof projectCoreOperations.assignees>[number];

export function useAssignees(zoneId: string | null | undefined) {
  return useQuery({
    queryKey: projectKeys.assignees(zoneId ?? ''),
    queryFn: () => callOperation(projectCoreOperations.assignees, { query: { zoneId: zoneId! } }),
    enabled: Boolean(zoneId),
  });
}

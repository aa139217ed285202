import { useQuery } from '@tanstack/react-query';
import type { OperationResult } from '../../../../contract/operation.ts';
import { projectCoreOperations } from '../../../../contract/projects/operations.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type Assignee = OperationResult<typeof projectCoreOperations.assignees>[number];
/** The people covering a zone (the projects module's assignee list), for owners and responsible persons. */
export const listAssignees = (zoneId: string) => callOperation(projectCoreOperations.assignees, { query: { zoneId } });
export const useAssignees = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.assignees(zoneId), queryFn: () => listAssignees(zoneId!), enabled: Boolean(zoneId) });

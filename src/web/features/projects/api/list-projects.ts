import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OperationQuery, OperationResult } from '../../../../contract/operation.ts';
import { projectCoreOperations } from '../../../../contract/projects.ts';
import { callOperation, type QueryParams } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type ProjectPage = OperationResult<typeof projectCoreOperations.list>;

/** The list's filters come from the page's URL as text; the server parses them against the contract. */
export const listProjects = (params: QueryParams) =>
  callOperation(projectCoreOperations.list, { query: params as OperationQuery<typeof projectCoreOperations.list> });

export function useProjects(params: QueryParams) {
  return useQuery({ queryKey: projectKeys.list(params), queryFn: () => listProjects(params), placeholderData: keepPreviousData });
}

import { useQuery } from '@tanstack/react-query';
import { projectCoreOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

export const getFlagHistory = (id: string) => callOperation(projectCoreOperations.flagHistory, { params: { id } });

/** A project's flag changes; `at` (the project's updatedAt and flag) refetches them after a change. */
export function useFlagHistory(id: string, at: string) {
  return useQuery({ queryKey: projectKeys.flagHistory(id, at), queryFn: () => getFlagHistory(id), enabled: Boolean(id) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { statisticsOperations, type SaveGridBody } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';
import { statisticsKeys } from './keys';

export const saveGrid = (body: SaveGridBody) => callOperation(statisticsOperations.saveGrid, { body });
/** Saves the edited cells; done (or refused for a stale cell) the grid, trend and audit trail are read again. */
export function useSaveGrid() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: statisticsKeys.all }), queryClient.invalidateQueries({ queryKey: queryKeys.audit.all })]);
  return useMutation({ mutationFn: saveGrid, onSuccess: () => refresh(), onError: (error) => (isVersionConflict(error) ? refresh() : undefined) });
}

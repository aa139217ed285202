import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationBody, OperationResult } from '../../../../contract/operation.ts';
import { projectProgressOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

export type BatchGrid = OperationResult<typeof projectProgressOperations.batch>;

export const getBatch = (zoneId: string, periodStart?: string) => callOperation(projectProgressOperations.batch, { query: { zoneId, periodStart } });

export function useBatch(zoneId: string | null, periodStart?: string) {
  return useQuery({ queryKey: projectKeys.batch(zoneId ?? '', periodStart), queryFn: () => getBatch(zoneId!, periodStart), enabled: Boolean(zoneId) });
}

export interface BatchRowInput {
  projectId: string;
  investedWan?: string | number;
  percentComplete?: number | null;
  progressText?: string | null;
  problems?: string | null;
}

export function useSubmitBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { zoneId: string; periodStart: string; rows: BatchRowInput[] }) =>
      callOperation(projectProgressOperations.batchCreate, { body: body as OperationBody<typeof projectProgressOperations.batchCreate> }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: projectKeys.all });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { batchResponse } from '../../../../contract/projects.ts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

export type BatchGrid = z.infer<typeof batchResponse>;

export const getBatch = (zoneId: string, periodStart?: string) => api.get<BatchGrid>('/progress-batch', { zoneId, periodStart });

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
    mutationFn: (body: { zoneId: string; periodStart: string; rows: BatchRowInput[] }) => api.post<{ created: number }>('/progress-batch', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: projectKeys.all });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

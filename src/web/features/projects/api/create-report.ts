import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OperationBody } from '../../../../contract/operation.ts';
import { projectProgressOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

export interface ReportInput {
  periodStart: string;
  investedWan?: string | number;
  cumulativeWan?: string | number;
  percentComplete?: number | null;
  progressText?: string | null;
  problems?: string | null;
}

export const createReport = (projectId: string, body: ReportInput) =>
  callOperation(projectProgressOperations.createReport, {
    params: { id: projectId },
    body: body as OperationBody<typeof projectProgressOperations.createReport>,
  });

export function useCreateReport(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) => createReport(projectId, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: projectKeys.all });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

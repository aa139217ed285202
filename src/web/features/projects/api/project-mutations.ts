import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OperationBody } from '../../../../contract/operation.ts';
import { projectCoreOperations, projectPlanOperations, type ProjectDetail } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

/** The detail's own writes: each answers the whole detail. */
const detailWrites = {
  stage: projectCoreOperations.changeStage,
  milestones: projectPlanOperations.putMilestones,
  approvals: projectPlanOperations.putApprovals,
  landStandard: projectPlanOperations.putLandStandard,
};
type DetailWrite = keyof typeof detailWrites;

/** The answer replaces the cached detail; lists and the workbench are refreshed. */
function useDetailMutation<I>(id: string, write: (input: I) => Promise<ProjectDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(id), project);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

/** Stage, milestone plan, approvals or 标准地 of one project; the body is the form's (checked by the server). */
export function useProjectWrite(id: string, write: DetailWrite) {
  return useDetailMutation(id, (body: unknown) =>
    callOperation(detailWrites[write], { params: { id }, body: body as OperationBody<(typeof detailWrites)[DetailWrite]> } as never),
  );
}

export const useChangeStage = (id: string) => useProjectWrite(id, 'stage');
export const useSaveMilestones = (id: string) => useProjectWrite(id, 'milestones');
export const useSaveApprovals = (id: string) => useProjectWrite(id, 'approvals');
export const useSaveLandStandard = (id: string) => useProjectWrite(id, 'landStandard');

/** 年度投资计划 of one year; `version` is needed once the year has a plan. */
export function useSaveAnnualPlan(id: string) {
  return useDetailMutation(id, ({ year, ...body }: { year: number; planWan: string | number; version?: number }) =>
    callOperation(projectPlanOperations.putAnnualPlan, { params: { id, year }, body: body as OperationBody<typeof projectPlanOperations.putAnnualPlan> }),
  );
}

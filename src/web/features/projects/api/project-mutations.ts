import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './keys';

/**
 * The detail's own writes (stage, milestone plan, approvals, 标准地, annual plan): each answers the
 * whole detail, which replaces the cached one; lists and the workbench are refreshed.
 */
export function useProjectWrite(id: string, method: 'POST' | 'PUT', path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<ProjectDetail>(method, `/projects/${id}${path}`, { body }),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(id), project);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

export const useChangeStage = (id: string) => useProjectWrite(id, 'POST', '/stage');
export const useSaveMilestones = (id: string) => useProjectWrite(id, 'PUT', '/milestones');
export const useSaveApprovals = (id: string) => useProjectWrite(id, 'PUT', '/approvals');
export const useSaveLandStandard = (id: string) => useProjectWrite(id, 'PUT', '/land-standard');

/** 年度投资计划: `PUT /projects/:id/annual-plans/:year`; `version` is needed once the year has a plan. */
export function useSaveAnnualPlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: { year: number; planWan: string | number; version?: number }) =>
      apiRequest<ProjectDetail>('PUT', `/projects/${id}/annual-plans/${year}`, { body }),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(id), project);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      void client.invalidateQueries({ queryKey: queryKeys.workbench });
    },
  });
}

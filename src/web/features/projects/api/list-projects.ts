import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { projectPage } from '../../../../contract/projects.ts';
import { api, type QueryParams } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type ProjectPage = z.infer<typeof projectPage>;

export const listProjects = (params: QueryParams) => api.get<ProjectPage>('/projects', params);

export function useProjects(params: QueryParams) {
  return useQuery({ queryKey: projectKeys.list(params), queryFn: () => listProjects(params), placeholderData: keepPreviousData });
}

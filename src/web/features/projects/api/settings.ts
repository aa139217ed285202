import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { flagRuleSchema, templatesSchema } from '../../../../contract/projects.ts';
import { api, apiRequest } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type Templates = z.infer<typeof templatesSchema>;
export type FlagRule = z.infer<typeof flagRuleSchema>;

export function useTemplates(zoneId: string | null) {
  return useQuery({ queryKey: projectKeys.templates(zoneId), queryFn: () => api.get<Templates>('/project-templates', { zoneId }) });
}
export function useSaveTemplates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<Templates, 'source' | 'actions' | 'version'> & { version?: number }) =>
      apiRequest<Templates>('PUT', '/project-templates', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['projects', 'templates'] }),
  });
}
export function useFlagRule(zoneId: string | null) {
  return useQuery({ queryKey: projectKeys.flagRule(zoneId), queryFn: () => api.get<FlagRule>('/project-flag-rules', { zoneId }) });
}
export function useSaveFlagRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiRequest<FlagRule>('PUT', '/project-flag-rules', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

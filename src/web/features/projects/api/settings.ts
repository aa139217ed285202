import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationBody, OperationResult } from '../../../../contract/operation.ts';
import { projectSettingsOperations as op } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type Templates = OperationResult<typeof op.templates>;
export type FlagRule = OperationResult<typeof op.flagRule>;

export function useTemplates(zoneId: string | null) {
  return useQuery({ queryKey: projectKeys.templates(zoneId), queryFn: () => callOperation(op.templates, { query: { zoneId: zoneId ?? undefined } }) });
}
export function useSaveTemplates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<Templates, 'source' | 'actions' | 'version'> & { version?: number }) => callOperation(op.putTemplates, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['projects', 'templates'] }),
  });
}
export function useFlagRule(zoneId: string | null) {
  return useQuery({ queryKey: projectKeys.flagRule(zoneId), queryFn: () => callOperation(op.flagRule, { query: { zoneId: zoneId ?? undefined } }) });
}
export function useSaveFlagRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => callOperation(op.putFlagRule, { body: body as OperationBody<typeof op.putFlagRule> }),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

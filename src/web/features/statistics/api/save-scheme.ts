import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { statisticsOperations, type saveSchemeBody } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export type SaveSchemeInput = { year: number } & z.input<typeof saveSchemeBody>;
export const saveScheme = ({ year, ...body }: SaveSchemeInput) => callOperation(statisticsOperations.saveScheme, { params: { year }, body });
export function useSaveScheme() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveScheme, onSettled: () => queryClient.invalidateQueries({ queryKey: statisticsKeys.schemes }) });
}

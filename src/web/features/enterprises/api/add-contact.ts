import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { contactBody } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export function useAddContact(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof contactBody>) => api.post(`/enterprises/${enterpriseId}/contacts`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.page(enterpriseId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { enterpriseOperations, type contactBody } from '../../../../contract/enterprises.ts';
import { callOperation } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export function useAddContact(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof contactBody>) => callOperation(enterpriseOperations.addContact, { params: { id: enterpriseId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.page(enterpriseId) }),
  });
}

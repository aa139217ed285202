import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBody } from '../../../../contract/auth.ts';
import { callOperation } from '../../../lib/api-client';
import { authOperations } from '../../../../contract/auth.ts';
import { queryKeys } from '../../../lib/query-keys';

export type ChangePasswordInput = z.infer<typeof changePasswordBody>;

export function changePassword(input: ChangePasswordInput) {
  return callOperation(authOperations.changePassword, { body: input });
}

/** Changing the password clears `mustChangePassword`, so the session is re-read. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

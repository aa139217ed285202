import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resetPasswordBody, User } from '../../../../contract/users.ts';
import { callOperation } from '../../../lib/api-client';
import { userOperations } from '../../../../contract/users.ts';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';

export type ResetUserPasswordInput = z.input<typeof resetPasswordBody> & { id: string };

export function resetUserPassword({ id, ...input }: ResetUserPasswordInput): Promise<User> {
  return callOperation(userOperations.resetPassword, { params: { id }, body: input });
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.users.all }), queryClient.invalidateQueries({ queryKey: queryKeys.audit.all })]);
  return useMutation({
    mutationFn: resetUserPassword,
    onSuccess: () => refresh(),
    // A stale version means our copy is old: re-read it so the next edit starts from the saved record.
    onError: (error) => (isVersionConflict(error) ? refresh() : undefined),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { updateUserBody, User } from '../../../../contract/users.ts';
import { callOperation } from '../../../lib/api-client';
import { userOperations } from '../../../../contract/users.ts';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';

export type UpdateUserInput = z.input<typeof updateUserBody>;

export function updateUser({ id, ...input }: UpdateUserInput & { id: string }): Promise<User> {
  return callOperation(userOperations.update, { params: { id }, body: input });
}

/** Edits, deactivation and activation all go through here; the user's history changes with them. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => refresh(),
    // A stale version means our copy is old: re-read it so the next edit starts from the saved record.
    onError: (error) => (isVersionConflict(error) ? refresh() : undefined),
  });
}

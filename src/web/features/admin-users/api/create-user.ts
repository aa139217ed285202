import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUserBody, User } from '../../../../contract/users.ts';
import { callOperation } from '../../../lib/api-client';
import { userOperations } from '../../../../contract/users.ts';
import { queryKeys } from '../../../lib/query-keys';

export type CreateUserInput = z.input<typeof createUserBody>;

export function createUser(input: CreateUserInput): Promise<User> {
  return callOperation(userOperations.create, { body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.users.all }), queryClient.invalidateQueries({ queryKey: queryKeys.workbench })]),
  });
}

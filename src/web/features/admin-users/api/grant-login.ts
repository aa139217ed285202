import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { grantLoginBody, User } from '../../../../contract/users.ts';
import { callOperation } from '../../../lib/api-client';
import { userOperations } from '../../../../contract/users.ts';
import { isVersionConflict } from '../../../lib/is-version-conflict';
import { queryKeys } from '../../../lib/query-keys';

export type GrantLoginInput = z.input<typeof grantLoginBody> & { id: string };

export function grantLogin({ id, ...input }: GrantLoginInput): Promise<User> {
  return callOperation(userOperations.grantLogin, { params: { id }, body: input });
}

/** 开通登录: a person record (named by an import) becomes a login account. */
export function useGrantLogin() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.users.all }), queryClient.invalidateQueries({ queryKey: queryKeys.audit.all })]);
  return useMutation({
    mutationFn: grantLogin,
    onSuccess: () => refresh(),
    onError: (error) => (isVersionConflict(error) ? refresh() : undefined),
  });
}

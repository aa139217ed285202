import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { loginBody, Me } from '../../../../contract/auth.ts';
import { callOperation, setCsrfToken } from '../../../lib/api-client';
import { authOperations } from '../../../../contract/auth.ts';
import { queryKeys } from '../../../lib/query-keys';

export type LoginInput = z.infer<typeof loginBody>;

export async function login(input: LoginInput): Promise<Me> {
  const me = await callOperation(authOperations.login, { body: input, allowUnauthorized: true });
  setCsrfToken(me.csrfToken);
  return me;
}

/** Logs in and primes the session, dropping anything cached for a previous user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation, setCsrfToken } from '../../../lib/api-client';
import { authOperations } from '../../../../contract/auth.ts';
import { queryKeys } from '../../../lib/query-keys';

export async function logout(): Promise<void> {
  await callOperation(authOperations.logout, { allowUnauthorized: true });
}

/** Ends the session; the local state is cleared even if the server call fails (e.g. already expired). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export async function logout(): Promise<void> {
  await api.post('/auth/logout', {}, { allowUnauthorized: true });
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

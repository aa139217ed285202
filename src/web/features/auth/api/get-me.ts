import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contract/auth.ts';
import { callOperation, setCsrfToken } from '../../../lib/api-client';
import { authOperations } from '../../../../contract/auth.ts';
import { isApiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** The current session, or null when nobody is logged in (a 401 here is an answer, not an error). */
export async function getMe(): Promise<Me | null> {
  try {
    const me = await callOperation(authOperations.me, { allowUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: getMe, staleTime: Infinity, retry: false });
}

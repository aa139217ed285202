import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/**
 * After any zone or park change: the zone list, the workbench counts, the session (its zone names
 * feed the switcher) and the audit views all show what changed.
 */
export function invalidateOrg(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.zones.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
    queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  ]);
}

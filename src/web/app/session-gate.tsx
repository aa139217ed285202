import { useEffect, useMemo } from 'react';
import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../features/auth/api/get-me';
import { useI18n } from '../i18n/use-i18n';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api-client';
import { CurrentZoneProvider } from '../lib/current-zone-provider';
import { queryKeys } from '../lib/query-keys';
import { SessionContext, type SessionValue } from '../lib/session-context';
import { sessionEndReason } from '../lib/session-end-reason';
import { AppLayout } from './app-layout';
import { PageFallback } from './page-fallback';
import { LazyResult } from '../components/lazy-result';

/**
 * The auth guard: renders the layout for a signed-in user, sends everyone else to /login (saying
 * why when the session expired or ended), and turns any 401 from any call into that redirect.
 */
export function SessionGate() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      sessionEndReason.set('expired');
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const session = useMemo<SessionValue | null>(
    () => (me.data ? { me: me.data, hasPermission: (p: string) => me.data!.permissions.includes(p) } : null),
    [me.data],
  );

  if (me.isPending) return <PageFallback />;
  if (me.isError)
    return <LazyResult status="warning" title={t('common.loadFailed')} subTitle={me.error.message} extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>} />;
  if (!session) {
    const reason = sessionEndReason.peek();
    const from = reason === 'loggedOut' ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from, notice: reason ?? undefined }} />;
  }

  return (
    <SessionContext.Provider value={session}>
      <CurrentZoneProvider zones={session.me.zones}>
        <AppLayout />
      </CurrentZoneProvider>
    </SessionContext.Provider>
  );
}

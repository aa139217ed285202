import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { useSession } from '../lib/session-context';
import { LazyResult } from '../components/lazy-result';

/** A page opened by URL without the permission its menu entry needs says so instead of failing calls. */
export function RequirePermission({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  if (!anyOf.some(hasPermission)) return <LazyResult status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} />;
  return <>{children}</>;
}

import { kpiOperations as op } from '../../../contract/kpis.ts';
import type { Router } from '../../platform/http/operations.ts';
import { requestLocale } from '../../platform/i18n.ts';
import type { KpisService } from './kpis.service.ts';

export function kpisRoutes(router: Router, kpis: KpisService) {
  router.handle(op.dashboard, ({ session, query, request }) => kpis.dashboard(session, query, requestLocale(request)));
  router.handle(op.ranking, ({ session, query }) => kpis.ranking(session, query));
  router.handle(op.refresh, ({ session, body }) => kpis.refreshZone(session, body.zoneId));
}

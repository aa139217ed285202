import { factorOperations as op } from '../../../contract/services/factors.ts';
import type { Router } from '../../platform/http/operations.ts';
import { factorsWorkbook } from './factors.export.ts';
import type { FactorsService } from './factors.service.ts';

export function factorsRoutes(router: Router, factors: FactorsService) {
  router.handle(op.list, ({ session, query }) => factors.list(session, query));
  router.handle(op.create, ({ session, body, requestId }) => factors.create(session, body, requestId));
  router.handle(op.resolve, ({ session, params, body, requestId }) => factors.resolve(session, params.id, body, requestId));
  router.handle(op.export, async ({ session, query }) => {
    const requests = await factors.list(session, query);
    const title = (query.zoneId ? await factors.zoneName(query.zoneId) : null) ?? '';
    return { buffer: await factorsWorkbook(requests, title, factors.today()), fileName: `${title}要素保障清单.xlsx` };
  });
  router.handle(op.raise, ({ session, params, body, requestId }) => factors.raise(session, params.id, body, requestId));
}

import { financeOperations as op } from '../../../contract/services/finance.ts';
import type { Router } from '../../platform/http/operations.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { financeWorkbook } from './finance.export.ts';
import type { FinanceService } from './finance.service.ts';

export function financeRoutes(router: Router, finance: FinanceService) {
  router.handle(op.listInstitutions, ({ session, query }) => finance.listInstitutions(session, query));
  router.handle(op.createInstitution, ({ session, body, requestId }) => finance.createInstitution(session, body, requestId));
  router.handle(op.updateInstitution, ({ session, params, body, requestId }) => finance.updateInstitution(session, params.id, body, requestId));
  router.handle(op.listProducts, ({ session, query }) => finance.listProducts(session, query));
  router.handle(op.createProduct, ({ session, body, requestId }) => finance.createProduct(session, body, requestId));
  router.handle(op.updateProduct, ({ session, params, body, requestId }) => finance.updateProduct(session, params.id, body, requestId));
  router.handle(op.listNeeds, ({ session, query }) => finance.listNeeds(session, query));
  router.handle(op.createNeed, ({ session, body, requestId }) => finance.createNeed(session, body, requestId));
  router.handle(op.updateNeed, ({ session, params, body, requestId }) => finance.updateNeed(session, params.id, body, requestId));
  router.handle(op.listEvents, ({ session, query }) => finance.listEvents(session, query));
  router.handle(op.createEvent, ({ session, body, requestId }) => finance.createEvent(session, body, requestId));
  router.handle(op.updateEvent, ({ session, params, body, requestId }) => finance.updateEvent(session, params.id, body, requestId));
  router.handle(op.listReferrals, ({ session, query }) => finance.listReferrals(session, query));
  router.handle(op.createReferral, ({ session, body, requestId }) => finance.createReferral(session, body, requestId));
  router.handle(op.updateReferral, ({ session, params, body, requestId }) => finance.updateReferral(session, params.id, body, requestId));
  router.handle(op.summary, ({ session, query, request }) => finance.summary(session, query, requestLocale(request)));
  router.handle(op.export, async ({ session, query }) => {
    const data = await finance.exportData(session, query);
    const title = (query.zoneId ? await finance.zoneName(query.zoneId) : null) ?? '';
    return { buffer: await financeWorkbook(data, title, finance.today()), fileName: `${title}银企对接台账${query.year ? `（${query.year}年）` : ''}.xlsx` };
  });
}

import { fundingOperations as op } from '../../../contract/services/funding.ts';
import type { Router } from '../../platform/http/operations.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { fundingWorkbook } from './funding.export.ts';
import type { FundingService } from './funding.service.ts';

export function fundingRoutes(router: Router, funding: FundingService) {
  router.handle(op.listProgrammes, ({ session, query }) => funding.listProgrammes(session, query));
  router.handle(op.createProgramme, ({ session, body, requestId }) => funding.createProgramme(session, body, requestId));
  router.handle(op.updateProgramme, ({ session, params, body, requestId }) => funding.updateProgramme(session, params.id, body, requestId));
  router.handle(op.listReserve, ({ session, query }) => funding.listReserve(session, query));
  router.handle(op.createReserve, ({ session, body, requestId }) => funding.createReserve(session, body, requestId));
  router.handle(op.updateReserve, ({ session, params, body, requestId }) => funding.updateReserve(session, params.id, body, requestId));
  router.handle(op.listApplications, ({ session, query }) => funding.listApplications(session, query));
  router.handle(op.createApplication, ({ session, body, requestId }) => funding.createApplication(session, body, requestId));
  router.handle(op.updateApplication, ({ session, params, body, requestId }) => funding.updateApplication(session, params.id, body, requestId));
  router.handle(op.listContacts, ({ session, query }) => funding.listContacts(session, query));
  router.handle(op.createContact, ({ session, body, requestId }) => funding.createContact(session, body, requestId));
  router.handle(op.updateContact, ({ session, params, body, requestId }) => funding.updateContact(session, params.id, body, requestId));
  router.handle(op.summary, ({ session, query, request }) => funding.summary(session, query, requestLocale(request)));
  router.handle(op.export, async ({ session, query }) => {
    const data = await funding.exportData(session, query);
    const zoneName = query.zoneId ? await funding.zoneName(query.zoneId) : null;
    const title = zoneName ?? '';
    return { buffer: await fundingWorkbook(data, title, funding.today()), fileName: `${title}向上争取资金台账${query.year ? `（${query.year}年）` : ''}.xlsx` };
  });
}

import { enterpriseOperations as op } from '../../../contract/enterprises.ts';
import { industrySections } from '../../../contract/industries.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { EnterprisesService } from './enterprises.service.ts';

export function enterprisesRoutes(router: Router, enterprises: EnterprisesService) {
  router.handle(op.list, ({ session, query }) => enterprises.list(session, query));
  router.handle(op.export, ({ session, query }) => enterprises.exportList(session, query));
  router.handle(op.create, ({ session, body, requestId }) => enterprises.create(session, body, requestId));
  router.handle(op.get, ({ session, params }) => enterprises.get(session, params.id));
  router.handle(op.update, ({ session, params, body, requestId }) => enterprises.update(session, params.id, body, requestId));
  router.handle(op.page, ({ session, params }) => enterprises.page(session, params.id));
  router.handle(op.addContact, ({ session, params, body, requestId }) => enterprises.addContact(session, params.id, body, requestId));
  router.handle(op.updateContact, ({ session, params, body, requestId }) => enterprises.updateContact(session, params.id, body, requestId));
  router.handle(op.deleteContact, ({ session, params, requestId }) => enterprises.deleteContact(session, params.id, requestId));
  router.handle(op.merge, ({ session, params, body, requestId }) => enterprises.merge(session, params.id, body, requestId));
  router.handle(op.industries, () => industrySections);
}

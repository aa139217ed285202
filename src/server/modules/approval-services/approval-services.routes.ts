import { approvalServiceOperations as op } from '../../../contract/services/approval-services.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { ApprovalServicesService } from './approval-services.service.ts';

export function approvalServicesRoutes(router: Router, svc: ApprovalServicesService) {
  router.handle(op.listItems, ({ session, query }) => svc.listItems(session, query));
  router.handle(op.createItem, ({ session, body, requestId }) => svc.createItem(session, body, requestId));
  router.handle(op.updateItem, ({ session, params, body, requestId }) => svc.updateItem(session, params.id, body, requestId));
  router.handle(op.listCases, ({ session, query }) => svc.listCases(session, query));
  router.handle(op.worklist, ({ session }) => svc.worklist(session));
  router.handle(op.createCase, ({ session, body, requestId }) => svc.createCase(session, body, requestId));
  router.handle(op.advanceCase, ({ session, params, body, requestId }) => svc.advanceCase(session, params.id, body, requestId));
  router.handle(op.updateCase, ({ session, params, body, requestId }) => svc.updateCase(session, params.id, body, requestId));
}

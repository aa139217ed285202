import { leadFileOperations, leadOperations as op, leadViewOperations, signingEventOperations, tripOperations } from '../../../contract/leads.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { LeadsService } from './leads.service.ts';

export function leadsRoutes(router: Router, leads: LeadsService) {
  router.handle(op.list, ({ session, query }) => leads.list(session, query));
  router.handle(op.create, ({ session, body, requestId }) => leads.create(session, body, requestId));
  router.handle(op.funnel, ({ session, query }) => leads.funnel(session, query.zoneId));
  router.handle(op.signedReport, ({ session, query }) => leads.signedReport(session, query));
  router.handle(op.duplicates, ({ session, query }) => leads.duplicates(session, query));
  router.handle(op.owners, ({ session, query }) => leads.owners(session, query.zoneId));
  router.handle(op.batchAssign, ({ session, body, requestId }) => leads.batchAssign(session, body, requestId));
  router.handle(op.exportSelected, ({ session, body }) => leads.exportSelected(session, body.ids));
  router.handle(op.get, ({ session, params }) => leads.get(session, params.id));
  router.handle(op.update, ({ session, params, body, requestId }) => leads.update(session, params.id, body, requestId));
  router.handle(op.changeStage, ({ session, params, body, requestId }) => leads.changeStage(session, params.id, body, requestId));
  router.handle(op.changeStatus, ({ session, params, body, requestId }) => leads.changeStatus(session, params.id, body, requestId));
  router.handle(op.addAgreement, ({ session, params, body, requestId }) => leads.addAgreement(session, params.id, body, requestId));
  router.handle(op.uploadFile, async ({ session, params, file, requestId }) => leads.uploadFile(session, params.id, await file(), requestId));
  router.handle(op.addActivity, ({ session, params, body, requestId }) => leads.addActivity(session, params.id, body, requestId));
  router.handle(op.timeline, ({ session, params }) => leads.timeline(session, params.id));
  router.handle(op.merge, ({ session, params, body, requestId }) => leads.merge(session, params.id, body, requestId));
  router.handle(op.convert, ({ session, params, body, requestId }) => leads.convert(session, params.id, body, requestId));
  router.handle(leadFileOperations.download, ({ session, params }) => leads.downloadFile(session, params.id));

  router.handle(tripOperations.list, ({ session, query }) => leads.listTrips(session, query));
  router.handle(tripOperations.create, ({ session, body, requestId }) => leads.createTrip(session, body, requestId));
  router.handle(tripOperations.get, ({ session, params }) => leads.getTrip(session, params.id));
  router.handle(tripOperations.addMeeting, ({ session, params, body, requestId }) => leads.addMeeting(session, params.id, body, requestId));

  router.handle(signingEventOperations.list, ({ session, query }) => leads.listSigningEvents(session, query.zoneId));
  router.handle(signingEventOperations.create, ({ session, body, requestId }) => leads.createSigningEvent(session, body, requestId));

  router.handle(leadViewOperations.list, ({ session }) => leads.listViews(session));
  router.handle(leadViewOperations.create, ({ session, body, requestId }) => leads.createView(session, body, requestId));
  router.handle(leadViewOperations.remove, ({ session, params, requestId }) => leads.deleteView(session, params.id, requestId));
}

/** Dispatch's operations (src/contract/dispatch/*.ts), each handed to its aggregate's service. */
import { blockerOperations, campaignOperations, decisionOperations, dispatchSettingsOperations, meetingOperations } from '../../../contract/dispatch.ts';
import { notificationOperations } from '../../../contract/notifications.ts';
import type { Router } from '../../platform/http/operations.ts';
import { requestLocale } from '../../platform/i18n.ts';
import type { DispatchService } from './dispatch.service.ts';

export function dispatchRoutes(router: Router, dispatch: DispatchService) {
  const { blockers, blockerDocuments, meetings, decisions, campaigns, settings, notifications } = dispatch;

  // ---------- blockers 堵点
  const b = blockerOperations;
  router.handle(b.list, ({ session, query }) => blockers.list(session, query));
  router.handle(b.create, ({ session, body, requestId }) => blockers.create(session, body, requestId));
  router.handle(b.get, ({ session, params }) => blockers.get(session, params.id));
  router.handle(b.update, ({ session, params, body, requestId }) => blockers.update(session, params.id, body, requestId));
  router.handle(b.escalate, ({ session, params, body, requestId }) => blockers.escalate(session, params.id, body, requestId));
  router.handle(b.resolve, ({ session, params, body, requestId }) => blockers.resolve(session, params.id, body, requestId));
  router.handle(b.reopen, ({ session, params, body, requestId }) => blockers.reopen(session, params.id, body, requestId));
  router.handle(b.batchAssign, ({ session, body, requestId }) => blockers.batchAssign(session, body, requestId));
  router.handle(b.batchResolve, ({ session, body, requestId }) => blockers.batchResolve(session, body, requestId));
  router.handle(b.exportSelected, ({ session, body }) => blockerDocuments.selectedBlockersXlsx(session, body.ids));
  router.handle(b.reminder, ({ session, params }) => blockerDocuments.reminderDocx(session, params.id));
  router.handle(b.exportList, ({ session, query }) => blockerDocuments.blockersXlsx(session, query));

  // ---------- settings
  router.handle(dispatchSettingsOperations.get, ({ session, query }) => settings.get(session, query.zoneId));
  router.handle(dispatchSettingsOperations.put, ({ session, body, requestId }) => settings.put(session, body, requestId));

  // ---------- notifications 消息中心 (the platform inbox; the text in the reader's language)
  const n = notificationOperations;
  router.handle(n.list, ({ session, query, request }) => notifications.list(session, query, requestLocale(request)));
  router.handle(n.unreadCount, ({ session }) => notifications.unreadCount(session));
  router.handle(n.markRead, ({ session, params, requestId }) => notifications.markRead(session, params.id, requestId));
  router.handle(n.markAllRead, ({ session, requestId }) => notifications.markAllRead(session, requestId));

  // ---------- meetings 周调度会
  const m = meetingOperations;
  router.handle(m.list, ({ session, query }) => meetings.list(session, query.zoneId));
  router.handle(m.create, ({ session, body, requestId }) => meetings.create(session, body, requestId));
  router.handle(m.get, ({ session, params }) => meetings.get(session, params.id));
  router.handle(m.update, ({ session, params, body, requestId }) => meetings.update(session, params.id, body, requestId));
  router.handle(m.setAgenda, ({ session, params, body, requestId }) => meetings.setAgendaOrder(session, params.id, body, requestId));
  router.handle(m.addAgendaItem, ({ session, params, body, requestId }) => meetings.addAgendaItem(session, params.id, body, requestId));
  router.handle(m.regenerateAgenda, ({ session, params, body, requestId }) => meetings.regenerateAgenda(session, params.id, body, requestId));
  router.handle(m.close, ({ session, params, body, requestId }) => meetings.close(session, params.id, body, requestId));
  router.handle(m.brief, ({ session, params }) => meetings.briefDocx(session, params.id));

  // ---------- decisions 议定事项
  router.handle(decisionOperations.add, ({ session, params, body, requestId }) => decisions.add(session, params.id, body, requestId));
  router.handle(decisionOperations.list, ({ session, query }) => decisions.list(session, query));
  router.handle(decisionOperations.export, ({ session, query }) => decisions.exportList(session, query));
  router.handle(decisionOperations.batchUpdate, ({ session, body, requestId }) => decisions.batchUpdate(session, body, requestId));
  router.handle(decisionOperations.exportSelected, ({ session, body }) => decisions.exportSelected(session, body.ids));
  router.handle(decisionOperations.update, ({ session, params, body, requestId }) => decisions.update(session, params.id, body, requestId));

  // ---------- campaigns 三个一批
  const c = campaignOperations;
  router.handle(c.list, ({ session, query }) => campaigns.list(session, query));
  router.handle(c.create, ({ session, body, requestId }) => campaigns.create(session, body, requestId));
  router.handle(c.rates, ({ session, query }) => campaigns.zoneRates(session, query.year));
  router.handle(c.get, ({ session, params }) => campaigns.get(session, params.id));
  router.handle(c.update, ({ session, params, body, requestId }) => campaigns.update(session, params.id, body, requestId));
  router.handle(c.addEntry, ({ session, params, body, requestId }) => campaigns.addEntry(session, params.id, body, requestId));
  router.handle(c.updateEntry, ({ session, params, body, requestId }) => campaigns.updateEntry(session, params.id, body, requestId));
  router.handle(c.removeEntry, ({ session, params, requestId }) => campaigns.removeEntry(session, params.id, requestId));
  router.handle(c.tracking, ({ session, params }) => campaigns.trackingXlsx(session, params.id));
}

import { calendarOperations as op } from '../../../contract/calendar.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { CalendarService } from './calendar.service.ts';

export function calendarRoutes(router: Router, calendar: CalendarService) {
  router.handle(op.year, ({ query }) => calendar.year(query.year));
  router.handle(op.upsertDay, ({ session, params, body, requestId }) => calendar.upsert(session, params.day, body, requestId));
  router.handle(op.removeDay, async ({ session, params, query, requestId }) => {
    await calendar.remove(session, params.day, query.version, requestId);
    return { ok: true as const };
  });
  router.handle(op.workdays, ({ query }) => calendar.workdays(query.from, query.to));
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarDaySchema,
  calendarYearQuery,
  calendarYearResponse,
  dayParams,
  deleteCalendarDayQuery,
  upsertCalendarDayBody,
  workdaysQuery,
  workdaysResponse,
} from '../../../contract/calendar.ts';
import { okSchema } from '../../../contract/common.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { CalendarService } from './calendar.service.ts';

export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (app, { calendar }) => {
  const tags = ['calendar'];
  app.get(
    '/api/calendar/days',
    { schema: { tags, summary: '节假日与调休 / Holidays and make-up days of a year', querystring: calendarYearQuery, response: { 200: calendarYearResponse } } },
    async (req) => calendar.year(req.query.year),
  );
  app.put(
    '/api/calendar/days/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags, summary: '设置节假日或调休日 / Set a holiday or make-up day', params: dayParams, body: upsertCalendarDayBody, response: { 200: calendarDaySchema } },
    },
    async (req) => calendar.upsert(sessionOf(req), req.params.day, req.body, String(req.id)),
  );
  app.delete(
    '/api/calendar/days/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags, summary: '删除自定义日期 / Remove an admin-entered day', params: dayParams, querystring: deleteCalendarDayQuery, response: { 200: okSchema } },
    },
    async (req) => {
      await calendar.remove(sessionOf(req), req.params.day, req.query.version, String(req.id));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/calendar/workdays',
    { schema: { tags, summary: '工作日天数 / Working days between two dates', querystring: workdaysQuery, response: { 200: workdaysResponse } } },
    async (req) => calendar.workdays(req.query.from, req.query.to),
  );
};

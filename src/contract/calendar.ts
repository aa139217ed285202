import { z } from 'zod';
import { isoDate, okSchema, versionSchema } from './common.ts';
import { defineOperation } from './operation.ts';

export const calendarDaySchema = z.object({
  day: z.string(),
  kind: z.enum(['holiday', 'workday']).describe('holiday = 法定节假日 (off); workday = 调休 make-up working day'),
  name: z.string(),
  version: z.number().int(),
});

export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarYearResponse = z.object({
  year: z.number().int(),
  published: z.boolean().describe('Whether the bundled official calendar covers this year'),
  overrides: z.array(calendarDaySchema).describe('Admin-entered days for this year'),
  publishedDays: z.array(z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() })),
});

export const dayParams = z.object({ day: isoDate });
export const upsertCalendarDayBody = z.object({
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(32),
  version: versionSchema.optional().describe('Required when changing an existing day'),
});
export const deleteCalendarDayQuery = z.object({ version: z.coerce.number().int().min(1) });

export const workdaysQuery = z.object({ from: isoDate, to: isoDate });
export const workdaysResponse = z.object({ from: z.string(), to: z.string(), workdays: z.number().int() });

const tags = ['calendar'];

/** The operations of the working-day calendar. */
export const calendarOperations = {
  year: defineOperation({
    method: 'GET',
    path: '/api/calendar/days',
    tags,
    summary: '节假日与调休 / Holidays and make-up days of a year',
    query: calendarYearQuery,
    response: calendarYearResponse,
  }),
  upsertDay: defineOperation({
    method: 'PUT',
    path: '/api/calendar/days/:day',
    tags,
    summary: '设置节假日或调休日 / Set a holiday or make-up day',
    permission: 'calendar.manage',
    params: dayParams,
    body: upsertCalendarDayBody,
    response: calendarDaySchema,
  }),
  removeDay: defineOperation({
    method: 'DELETE',
    path: '/api/calendar/days/:day',
    tags,
    summary: '删除自定义日期 / Remove an admin-entered day',
    permission: 'calendar.manage',
    params: dayParams,
    query: deleteCalendarDayQuery,
    response: okSchema,
  }),
  workdays: defineOperation({
    method: 'GET',
    path: '/api/calendar/workdays',
    tags,
    summary: '工作日天数 / Working days between two dates',
    query: workdaysQuery,
    response: workdaysResponse,
  }),
};

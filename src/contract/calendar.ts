import { z } from 'zod';
import { isoDate, versionSchema } from './common.ts';

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

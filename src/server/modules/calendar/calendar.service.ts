import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { upsertCalendarDayBody } from '../../../contract/calendar.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { createWorkCalendar, type WorkCalendar } from '../../platform/calendar.ts';
import type { CalendarRepository } from './calendar.repository.ts';

// Other processes (several app servers on one PostgreSQL) may edit the calendar: re-read now and then.
const REFRESH_MS = 60_000;

export function createCalendarService(deps: { db: Db; days: CalendarRepository; audit: AuditWriter }) {
  const { db, days, audit } = deps;
  let cached: { calendar: WorkCalendar; at: number } | undefined;

  /** `d`: the caller's transaction, when it holds one (PGlite has one connection: a read beside an open transaction waits for it). */
  async function current(d: DbOrTx = db): Promise<WorkCalendar> {
    if (!cached || Date.now() - cached.at > REFRESH_MS) {
      cached = { calendar: createWorkCalendar(await days.all(d)), at: Date.now() };
    }
    return cached.calendar;
  }

  return {
    /** The calendar every working-day clock uses. */
    current,

    async year(year: number) {
      const calendar = await current();
      const publishedOnly = createWorkCalendar();
      const publishedDays = [];
      for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const weekday = new Date(t).getUTCDay();
        const d = publishedOnly.describe(day);
        // Only days that differ from the plain weekday rule are worth listing.
        if (d.source === 'published' && d.workday !== (weekday !== 0 && weekday !== 6)) publishedDays.push({ day, kind: d.workday ? ('workday' as const) : ('holiday' as const), name: d.name ?? '' });
      }
      return { year, published: calendar.publishedYears().includes(year), overrides: await days.year(db, year), publishedDays };
    },

    async upsert(s: SessionContext, day: string, body: z.infer<typeof upsertCalendarDayBody>, requestId: string) {
      const row = await db.transaction(async (tx) => {
        const before = await days.find(tx, day);
        let after;
        if (!before) after = await days.insert(tx, { day, kind: body.kind, name: body.name });
        else {
          if (body.version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await days.update(tx, day, body.version, { kind: body.kind, name: body.name });
          if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version, currentVersion: before.version });
        }
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: before ? 'calendar.update' : 'calendar.create', entityType: 'calendar_day', entityId: day, before, after });
        return after;
      });
      cached = undefined;
      return row;
    },

    async remove(s: SessionContext, day: string, version: number, requestId: string) {
      await db.transaction(async (tx) => {
        const before = await days.find(tx, day);
        if (!before) throw notFound();
        if (!(await days.delete(tx, day, version))) throw new AppError('VERSION_CONFLICT', { expectedVersion: version, currentVersion: before.version });
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'calendar.delete', entityType: 'calendar_day', entityId: day, before });
      });
      cached = undefined;
    },

    async workdays(from: string, to: string) {
      return { from, to, workdays: (await current()).workdaysBetween(from, to) };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;

import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { calendarDays } from '../../db/schema.ts';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

export function createCalendarRepository() {
  return {
    all: (db: DbOrTx) => db.select().from(calendarDays).orderBy(asc(calendarDays.day)),
    year: (db: DbOrTx, year: number) =>
      db
        .select()
        .from(calendarDays)
        .where(and(gte(calendarDays.day, `${year}-01-01`), lt(calendarDays.day, `${year + 1}-01-01`)))
        .orderBy(asc(calendarDays.day)),
    async find(db: DbOrTx, day: string): Promise<CalendarDayRow | undefined> {
      const [row] = await db.select().from(calendarDays).where(eq(calendarDays.day, day));
      return row;
    },
    async insert(db: DbOrTx, row: typeof calendarDays.$inferInsert): Promise<CalendarDayRow> {
      const [created] = await db.insert(calendarDays).values(row).returning();
      return created;
    },
    /** Undefined when the version is stale. */
    async update(db: DbOrTx, day: string, version: number, patch: Pick<CalendarDayRow, 'kind' | 'name'>): Promise<CalendarDayRow | undefined> {
      const [row] = await db
        .update(calendarDays)
        .set({ ...patch, version: sql`${calendarDays.version} + 1`, updatedAt: new Date() })
        .where(and(eq(calendarDays.day, day), eq(calendarDays.version, version)))
        .returning();
      return row;
    },
    async delete(db: DbOrTx, day: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(calendarDays)
        .where(and(eq(calendarDays.day, day), eq(calendarDays.version, version)))
        .returning();
      return rows.length > 0;
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;

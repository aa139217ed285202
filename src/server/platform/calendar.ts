/**
 * The official working-day calendar (工作日): weekends off, 法定节假日 off, 调休 make-up weekend days
 * on. chinese-days supplies the State Council's published years; admin-edited days override and
 * extend it (e.g. a year published after the package). Dates are 'YYYY-MM-DD' strings throughout.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const published = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const DAY_MS = 86_400_000;
const toTime = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const toDate = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface WorkCalendar {
  isWorkday(day: string): boolean;
  /** What the day is and why: the override or published holiday name, or a plain weekday/weekend. */
  describe(day: string): { workday: boolean; source: 'override' | 'published' | 'weekday'; name?: string };
  /** Working days after `from` up to and including `to` (0 when to <= from): the clock of an approval filed on `from`. */
  workdaysBetween(from: string, to: string): number;
  /** The date `n` working days after `from`. */
  addWorkdays(from: string, n: number): string;
  /** Years the published calendar covers; later years count only weekends plus admin-entered days. */
  publishedYears(): number[];
}

export function createWorkCalendar(overrides: CalendarDay[] = []): WorkCalendar {
  const override = new Map(overrides.map((o) => [o.day, o]));
  const publishedYearSet = [...new Set(Object.keys(published.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

  function describe(day: string) {
    const o = override.get(day);
    if (o) return { workday: o.kind === 'workday', source: 'override' as const, name: o.name };
    if (published.holidays[day]) return { workday: false, source: 'published' as const, name: published.holidays[day].split(',')[1] };
    if (published.workdays[day]) return { workday: true, source: 'published' as const, name: `${published.workdays[day].split(',')[1]}调休` };
    const weekday = new Date(toTime(day)).getUTCDay();
    return { workday: weekday !== 0 && weekday !== 6, source: 'weekday' as const };
  }
  const isWorkday = (day: string) => describe(day).workday;

  return {
    isWorkday,
    describe,
    workdaysBetween(from, to) {
      let count = 0;
      for (let t = toTime(from) + DAY_MS, end = toTime(to); t <= end; t += DAY_MS) if (isWorkday(toDate(t))) count++;
      return count;
    },
    addWorkdays(from, n) {
      let t = toTime(from);
      for (let left = n; left > 0; ) {
        t += DAY_MS;
        if (isWorkday(toDate(t))) left--;
      }
      return toDate(t);
    },
    publishedYears: () => publishedYearSet,
  };
}

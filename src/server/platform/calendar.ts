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

  // Counting is arithmetic, never a walk over days: weekdays in a span come from whole weeks, then
  // the days whose status differs from the plain weekday rule (holidays on weekdays, 调休 weekends,
  // overrides) are added or taken away through a prefix sum over their sorted list.
  const exceptions = [...new Set([...Object.keys(published.holidays), ...Object.keys(published.workdays), ...override.keys()])]
    .map((day) => ({ t: toTime(day), delta: describe(day).workday === plainWeekday(toTime(day)) ? 0 : describe(day).workday ? 1 : -1 }))
    .filter((e) => e.delta !== 0)
    .sort((a, b) => a.t - b.t);
  const times = exceptions.map((e) => e.t);
  const prefix = [0];
  for (const e of exceptions) prefix.push(prefix[prefix.length - 1] + e.delta);
  /** Sum of the exceptions' deltas on days <= t. */
  const exceptionsUpTo = (t: number) => prefix[upperBound(times, t)];
  /** Working days in (fromT, toT]. */
  const countBetween = (fromT: number, toT: number) =>
    toT <= fromT ? 0 : weekdaysBefore(toT + DAY_MS) - weekdaysBefore(fromT + DAY_MS) + exceptionsUpTo(toT) - exceptionsUpTo(fromT);

  return {
    isWorkday,
    describe,
    workdaysBetween: (from, to) => countBetween(toTime(from), toTime(to)),
    addWorkdays(from, n) {
      const start = toTime(from);
      if (n <= 0) return toDate(start);
      // The smallest day whose count from `start` reaches n: widen an upper bound, then bisect.
      let hi = start + (2 * n + 14) * DAY_MS;
      while (countBetween(start, hi) < n) hi += (hi - start) * 2;
      let lo = start;
      while (hi - lo > DAY_MS) {
        const mid = lo + Math.floor((hi - lo) / DAY_MS / 2) * DAY_MS;
        if (countBetween(start, mid) >= n) hi = mid;
        else lo = mid;
      }
      return toDate(hi);
    },
    publishedYears: () => publishedYearSet,
  };
}

/** Monday–Friday, before any holiday or 调休. */
function plainWeekday(t: number): boolean {
  const weekday = new Date(t).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const MONDAY = Date.UTC(1970, 0, 5);
/** Weekdays (Mon–Fri) in [MONDAY, t) for t on or after MONDAY, negative before: differences count a span. */
function weekdaysBefore(t: number): number {
  const days = Math.round((t - MONDAY) / DAY_MS);
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

/** Index of the first element > value in a sorted array. */
function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

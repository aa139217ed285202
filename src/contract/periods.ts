/**
 * Reporting periods (填报周期): month, 旬 (1–10, 11–20, 21–end of month) or ISO week (Monday
 * to Sunday). Dates are 'YYYY-MM-DD' strings; arithmetic is on UTC days, so time zones never shift a day.
 */
export type PeriodKind = 'week' | 'xun' | 'month';

const DAY = 86_400_000;
const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const s = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const lastOfMonth = (y: number, m0: number) => s(Date.UTC(y, m0 + 1, 0));

export const addDays = (day: string, n: number) => s(t(day) + n * DAY);
export const daysBetween = (from: string, to: string) => Math.round((t(to) - t(from)) / DAY);

/** The period containing `day`. */
export function periodOf(kind: PeriodKind, day: string): { start: string; end: string } {
  const d = new Date(t(day));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const dom = d.getUTCDate();
  if (kind === 'month') return { start: s(Date.UTC(y, m, 1)), end: lastOfMonth(y, m) };
  if (kind === 'xun') {
    if (dom <= 10) return { start: s(Date.UTC(y, m, 1)), end: s(Date.UTC(y, m, 10)) };
    if (dom <= 20) return { start: s(Date.UTC(y, m, 11)), end: s(Date.UTC(y, m, 20)) };
    return { start: s(Date.UTC(y, m, 21)), end: lastOfMonth(y, m) };
  }
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const start = t(day) - weekday * DAY;
  return { start: s(start), end: s(start + 6 * DAY) };
}

/** Whether `day` is the first day of a period of `kind`. */
export const isPeriodStart = (kind: PeriodKind, day: string) => periodOf(kind, day).start === day;

/** The period just before the one containing `day`. */
export const previousPeriod = (kind: PeriodKind, day: string) => periodOf(kind, addDays(periodOf(kind, day).start, -1));

/** The latest period whose report is due by `today`: it ended more than `graceDays` ago. */
export function lastDuePeriod(kind: PeriodKind, today: string, graceDays: number) {
  let p = previousPeriod(kind, today);
  while (addDays(p.end, graceDays) >= today) p = previousPeriod(kind, p.start);
  return p;
}

/** 2026年5月 / 2026年5月上旬 / 2026年第19周 (ISO week). */
export function periodLabel(kind: PeriodKind, start: string, locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const y = start.slice(0, 4);
  const m = Number(start.slice(5, 7));
  const dom = Number(start.slice(8, 10));
  if (kind === 'month') return locale === 'en-US' ? `${y}-${String(m).padStart(2, '0')}` : `${y}年${m}月`;
  if (kind === 'xun') {
    const part = dom === 1 ? 0 : dom === 11 ? 1 : 2;
    return locale === 'en-US' ? `${y}-${String(m).padStart(2, '0')} ${['early', 'mid', 'late'][part]}` : `${y}年${m}月${['上旬', '中旬', '下旬'][part]}`;
  }
  const thursday = new Date(t(start) + 3 * DAY);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((thursday.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  const wy = thursday.getUTCFullYear();
  return locale === 'en-US' ? `${wy} W${week}` : `${wy}年第${week}周`;
}

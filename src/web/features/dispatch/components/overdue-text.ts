import type { I18nValue } from '../../../i18n/i18n-context';

/** Today in China (UTC+8), as `YYYY-MM-DD`. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export const calendarDaysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * How late a blocker is: in working days (the official calendar, as escalation counts them), or, when
 * its deadline fell on a non-working day and no working day has passed yet, in calendar days, so the
 * UI never says "超期 0 个工作日".
 */
export function overdueText(t: I18nValue['t'], b: { overdueWorkdays: number; deadlineOn: string }) {
  if (b.overdueWorkdays > 0) return t('dispatch.overdue', { days: b.overdueWorkdays });
  return t('dispatch.overdueCalendarDays', { days: Math.max(1, calendarDaysBetween(b.deadlineOn, chinaToday())) });
}

import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { Locale } from '../../contract/errors.ts';

dayjs.extend(utc);

/** China Standard Time: UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const chinaOffsetMinutes = 8 * 60;

/**
 * An instant as a China wall-clock time, whatever zone the browser is in: every date a zone files
 * is a China date, and an agreement signed on 4月8日 (stored as China midnight) must not show as
 * 4月7日 on a laptop set to another zone.
 */
export function inChina(iso: string | Date): Dayjs {
  return dayjs(iso).utcOffset(chinaOffsetMinutes);
}

/** 2026年4月8日 14:30 in Chinese, 2026-04-08 14:30 in English, China time; '—' when there is no time. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  if (!value.isValid()) return iso;
  return inChina(iso).format(locale === 'zh-CN' ? 'YYYY年M月D日 HH:mm' : 'YYYY-MM-DD HH:mm');
}

/** The China date of an instant, 2026-04-08; a plain date (2026-04-08) is returned as it is. */
export function formatChinaDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const value = dayjs(iso);
  return value.isValid() ? inChina(iso).format('YYYY-MM-DD') : iso;
}

/** Today as China counts it (2026-11-18), for a form's default date, whatever the browser zone. */
export function chinaToday(): string {
  return inChina(new Date()).format('YYYY-MM-DD');
}

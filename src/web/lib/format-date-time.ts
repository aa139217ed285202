import dayjs from 'dayjs';
import type { Locale } from '../../contract/errors.ts';

/** 2026年4月8日 14:30 in Chinese, 2026-04-08 14:30 in English; '—' when there is no time. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  if (!value.isValid()) return iso;
  return value.format(locale === 'zh-CN' ? 'YYYY年M月D日 HH:mm' : 'YYYY-MM-DD HH:mm');
}

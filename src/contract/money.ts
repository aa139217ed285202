import { z } from 'zod';

/**
 * Money (金额): stored exactly as integer yuan (元), entered and shown in 万元 or 亿元.
 * 1 亿元 = 10 000 万元 = 100 000 000 元. Decimal strings are converted without floating point,
 * so "1.69" 亿 becomes exactly 169 000 000 元.
 */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';
const scale: Record<MoneyUnit, number> = { yuan: 0, wan: 4, yi: 8 };

/** Parses a decimal amount in `unit` to integer yuan; null if it is not a number or has more precision than 1 元. */
export function toYuan(amount: string | number, unit: MoneyUnit): number | null {
  const text = String(amount).trim().replace(/,/g, '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const [, sign, int, frac = ''] = m;
  const digits = scale[unit];
  if (frac.replace(/0+$/, '').length > digits) return null;
  const value = Number(int + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return sign ? -value : value;
}

/** Integer yuan as a decimal string in `unit`, without trailing zeros ("16900" 万 for 169 000 000 元). */
export function fromYuan(yuan: number, unit: MoneyUnit): string {
  const digits = scale[unit];
  const negative = yuan < 0;
  const s = String(Math.abs(Math.trunc(yuan))).padStart(digits + 1, '0');
  const int = s.slice(0, s.length - digits);
  const frac = digits ? s.slice(s.length - digits).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** 万元 as a number, for charts and spreadsheets (display only: never store it). */
export const yuanToWan = (yuan: number) => yuan / 10_000;

/** "1.69亿元" / "3,200万元" in Chinese; "CNY 32M" in English: the unit a reader expects for the size. */
export function formatMoney(yuan: number | null | undefined, locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  if (yuan == null) return '—';
  if (locale === 'en-US') return `CNY ${(yuan / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })}M`;
  if (Math.abs(yuan) >= 100_000_000) return `${Number(fromYuan(Math.round(yuan / 10_000) * 10_000, 'yi')).toLocaleString('zh-CN', { maximumFractionDigits: 4 })}亿元`;
  return `${Number(fromYuan(yuan, 'wan')).toLocaleString('zh-CN', { maximumFractionDigits: 4 })}万元`;
}

/**
 * An amount entered in 万元 (number or decimal string), parsed to integer yuan. Negative amounts
 * are refused unless `allowNegative` (adjustments).
 */
export const wanAmount = (options: { allowNegative?: boolean } = {}) =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const yuan = toYuan(value, 'wan');
    if (yuan === null) {
      ctx.addIssue({ code: 'custom', message: 'money_format' });
      return z.NEVER;
    }
    if (yuan < 0 && !options.allowNegative) {
      ctx.addIssue({ code: 'custom', message: 'money_negative' });
      return z.NEVER;
    }
    return yuan;
  });

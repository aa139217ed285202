/**
 * Values of the statistics catalogue: parsing what a person typed (exact, per the indicator's kind),
 * writing it back as text, growth rates. Pure; shared by the grid, the import and the seed.
 */
import { fromYuan, toYuan } from '../../../contract/money.ts';
import { moneyUnitOf, type IndicatorDef } from '../../../contract/statistics-indicators.ts';

export type ParsedValue = { amountYuan: number; quantity: null } | { amountYuan: null; quantity: number };

const MAX_QUANTITY = 1e12;

/** A typed value in the indicator's unit → stored columns, or the reason key it is refused with. */
export function parseStatValue(indicator: IndicatorDef, raw: string | number): ParsedValue | { reason: string } {
  const text = String(raw)
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { reason: 'stat_value_format' };
  const negative = text.startsWith('-');
  if (indicator.kind === 'amount') {
    if (negative) return { reason: 'stat_value_negative' };
    const yuan = toYuan(text, moneyUnitOf(indicator));
    if (yuan === null) return { reason: (text.split('.')[1]?.length ?? 0) > indicator.decimals ? 'stat_value_decimals' : 'stat_value_too_large' };
    return { amountYuan: yuan, quantity: null };
  }
  const decimals = text.split('.')[1]?.replace(/0+$/, '').length ?? 0;
  const n = Number(text);
  if (indicator.kind === 'ratio') {
    if (decimals > indicator.decimals) return { reason: 'stat_value_decimals' };
    if (n < -100 || n > 1000) return { reason: 'stat_ratio_range' };
    return { amountYuan: null, quantity: n };
  }
  if (negative) return { reason: 'stat_value_negative' };
  if (indicator.kind === 'count' && decimals > 0) return { reason: 'stat_value_integer' };
  if (decimals > indicator.decimals) return { reason: 'stat_value_decimals' };
  if (n > MAX_QUANTITY) return { reason: 'stat_value_too_large' };
  return { amountYuan: null, quantity: n };
}

/** The stored value as the person would type it, exact ("13.3" 亿元, "101" 家). */
export function statValueText(indicator: IndicatorDef, v: { amountYuan: number | null; quantity: number | string | null }): string | null {
  if (v.amountYuan != null) return fromYuan(Number(v.amountYuan), moneyUnitOf(indicator));
  if (v.quantity == null) return null;
  return String(Number(v.quantity));
}

/** The stored value in the indicator's unit as a number (charts, scores: display and arithmetic only). */
export function statNumber(v: { amountYuan: number | null; quantity: number | null } | undefined, indicator: IndicatorDef): number | null {
  if (!v) return null;
  if (v.amountYuan != null) return Number(v.amountYuan) / (moneyUnitOf(indicator) === 'yi' ? 100_000_000 : 10_000);
  return v.quantity == null ? null : Number(v.quantity);
}

/** The magnitude compared: yuan for money, the number otherwise. */
export const magnitude = (v: { amountYuan: number | null; quantity: number | null } | undefined): number | null =>
  v == null ? null : v.amountYuan != null ? Number(v.amountYuan) : v.quantity == null ? null : Number(v.quantity);

/** (now − before) ÷ before × 100, to two decimals; null without a positive base. */
export function growthPct(now: number | null, before: number | null): number | null {
  if (now == null || before == null || before <= 0) return null;
  return Math.round(((now - before) / before) * 10_000) / 100;
}

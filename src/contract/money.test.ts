import { describe, expect, it } from 'vitest';
import { formatMoney, fromYuan, toYuan, wanAmount } from './money.ts';

describe('money in 万元 and 亿元, stored as integer yuan', () => {
  it('converts without floating-point error', () => {
    expect(toYuan('1.69', 'yi')).toBe(169_000_000);
    expect(toYuan(1.69, 'yi')).toBe(169_000_000);
    expect(toYuan('0.07', 'wan')).toBe(700);
    expect(toYuan('16900', 'wan')).toBe(169_000_000);
    expect(toYuan('1,234.5', 'wan')).toBe(12_345_000);
    expect(fromYuan(169_000_000, 'wan')).toBe('16900');
    expect(fromYuan(169_000_000, 'yi')).toBe('1.69');
    expect(fromYuan(700, 'wan')).toBe('0.07');
    expect(fromYuan(-12_345_000, 'wan')).toBe('-1234.5');
  });

  it('refuses what is not an amount or is finer than one yuan', () => {
    expect(toYuan('abc', 'wan')).toBeNull();
    expect(toYuan('1.23456', 'wan')).toBeNull();
    expect(toYuan('1e5', 'wan')).toBeNull();
  });

  it('round-trips every amount with up to 4 decimals in 万元', () => {
    for (const s of ['0', '0.0001', '12.3456', '99999999.9999', '687000']) expect(fromYuan(toYuan(s, 'wan')!, 'wan')).toBe(s);
  });

  it('formats in the unit a reader expects', () => {
    expect(formatMoney(169_000_000)).toBe('1.69亿元');
    expect(formatMoney(32_000_000)).toBe('3,200万元');
    expect(formatMoney(32_000_000, 'en-US')).toBe('CNY 32M');
    expect(formatMoney(null)).toBe('—');
  });

  it('validates entered amounts with keyed reasons', () => {
    expect(wanAmount().parse('3.2')).toBe(32_000);
    expect(wanAmount().safeParse('-1').error?.issues[0].message).toBe('money_negative');
    expect(wanAmount().safeParse('x').error?.issues[0].message).toBe('money_format');
    expect(wanAmount({ allowNegative: true }).parse(-1)).toBe(-10_000);
  });
});

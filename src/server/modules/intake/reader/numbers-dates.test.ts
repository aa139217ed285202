import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseRefDate, resolveDate, type Tense } from './dates.ts';
import { parseCount, toWan } from './numbers.ts';

describe('toWan', () => {
  it('converts without float error', () => {
    expect(toWan('1.69', '亿元')).toBe(16900);
    expect(toWan('42.6', '亿')).toBe(426000);
    expect(toWan('0.07', '亿元')).toBe(700);
    expect(toWan('3600', '万元')).toBe(3600);
    expect(toWan('1,200', '万元')).toBe(1200);
    expect(toWan('50000', '元')).toBe(5);
  });

  it('equals exact decimal arithmetic for any amount in 亿元 with up to 4 decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 4 }), (units, decimals) => {
        const digits = units.toString().padStart(decimals + 1, '0');
        const written = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
        expect(toWan(written, '亿元')).toBe(Number(units * 10n ** BigInt(4 - decimals)));
      }),
    );
  });
});

describe('parseCount', () => {
  it.each([['12', 12], ['十二', 12], ['二十', 20], ['两', 2], ['一百零五', 105], ['个', Number.NaN]])('%s → %d', (w, n) => {
    expect(parseCount(w)).toBe(n);
  });
});

describe('dates', () => {
  const ref = parseRefDate('2026-06-10');
  const resolve = (text: string, tense: Tense = 'unknown') => resolveDate(findDates(text)[0], ref, tense);

  it.each([
    ['2026年4月8日', '2026-04-08'],
    ['2023年8月', '2023-08'],
    ['今年7月', '2026-07'],
    ['明年6月', '2027-06'],
    ['9月底前', '2026-09'],
    ['10月份', '2026-10'],
    ['4月8日', '2026-04-08'],
    ['年底', '2026-12'],
    ['2026-07-15', '2026-07-15'],
  ])('%s → %s', (text, iso) => {
    expect(resolve(text)).toBe(iso);
  });

  it('moves a planned month that already passed to next year, and a past one that is ahead to last year', () => {
    expect(resolve('3月开工', 'future')).toBe('2027-03');
    expect(resolve('11月开工', 'past')).toBe('2025-11');
  });

  it('rejects impossible months and digits glued to a longer number', () => {
    expect(findDates('13月')).toEqual([]);
    expect(findDates('123月')).toEqual([]);
  });
});

/** A decimal as written: `42.6`, `1,200`, `15`. Parsed as a string so no float error creeps in. */
export const NUM = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;

/** Money units in reading order; bare 万 is left out because 万吨 and 万平方米 are not money. */
export const MONEY_UNIT = String.raw`(?:亿元|亿(?![美港欧日])|万元|元)`;

/** A count written in digits or in Chinese numerals (十二, 两). */
export const COUNT = String.raw`(?:\d+|[一二两三四五六七八九十百]+)`;

/**
 * Multiplies a decimal string by 10^places by moving the point, so `1.69` 亿 → `16900` 万 exactly
 * (1.69 * 10000 in floating point is 16899.999999999998).
 */
export function shiftDecimal(written: string, places: number): number {
  const clean = written.replace(/,/g, '');
  const [intPart, fracPart = ''] = clean.split('.');
  let digits = intPart + fracPart;
  let point = intPart.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const result = `${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`;
  return Number(result);
}

/** Amount in 万元 from a number and its unit as written (亿元, 亿, 万元, 元). */
export function toWan(written: string, unit: string): number {
  if (unit.startsWith('亿')) return shiftDecimal(written, 4);
  if (unit.startsWith('万')) return shiftDecimal(written, 0);
  return shiftDecimal(written, -4);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `12`, `十二`, `二十`, `一百零五` → number; NaN when it is not a count. */
export function parseCount(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  let total = 0;
  let current = 0;
  for (const c of written) {
    if (c in CN_DIGITS) current = CN_DIGITS[c];
    else if (c === '零') current = 0;
    else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}

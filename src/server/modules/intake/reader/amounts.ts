import { shiftDecimal } from './numbers.ts';

/**
 * Numbers as reports write them: `46.8亿元`, `8600万元`, `1,286,500元`, `三亿五千万元`, `叁亿伍仟万元`,
 * `1亿零500万元`, `8千万元`, `两千余万元`, `5-8亿元`, `近10亿元`, `1.5亿美元`, and counts `三十二家`,
 * `10余个`, `两三名`. An amount keeps how it was qualified, so an approximate or foreign amount never
 * fills an exact field.
 */

export type Qualifier = 'approx' | 'range' | 'bound' | 'target' | 'foreign';

export interface Amount {
  start: number;
  end: number;
  /** 万元 (or 万美元 when `currency` is USD); for a range the lower end. */
  wan: number;
  max?: number;
  currency: 'CNY' | 'USD';
  qualifier?: Qualifier;
  written: string;
}

const CN_DIGIT = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
const CN_UNIT = '十百千拾佰仟';
const NUMCHARS = `\\d.,${CN_DIGIT}${CN_UNIT}万亿`;
/** A number: starts with a digit (Arabic or Chinese), may carry 十百千万亿 inside. */
export const NUMX = `(?:[\\d${CN_DIGIT}十拾][${NUMCHARS}]*)`;
const FIN: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千', 〇: '零' };
const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A section below 万: `5000`, `五千`, `8千`, `二百零八`, `十二`, `1.2`; NaN when it is not one. Exact integers or decimals. */
function section(s: string): number {
  if (s === '') return 0;
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  let total = 0;
  let current: number | undefined;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const digits = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (digits) {
      current = Number(digits[0]);
      i += digits[0].length;
      continue;
    }
    if (c in DIGIT) current = DIGIT[c];
    else if (c in UNIT) {
      total += (current ?? 1) * UNIT[c];
      current = undefined;
    } else return Number.NaN;
    i++;
  }
  return total + (current ?? 0);
}

/** The value of a number as written, in units (yuan for money); NaN when it does not parse. */
export function parseNumber(written: string): number {
  const s = [...written].map((c) => FIN[c] ?? c).join('');
  if (s === '' || /[.,]$/.test(s)) return Number.NaN;
  const yi = s.lastIndexOf('亿');
  if (yi >= 0) {
    const high = parseNumber(s.slice(0, yi) || '一');
    const low = parseNumber(s.slice(yi + 1).replace(/^零/, '') || '0');
    return shiftDecimal(String(high), 8) + low;
  }
  const wan = s.lastIndexOf('万');
  if (wan >= 0) {
    const high = section(s.slice(0, wan) || '一');
    const low = section(s.slice(wan + 1).replace(/^零/, ''));
    return shiftDecimal(String(high), 4) + low;
  }
  return section(s.replace(/^零(?=.)/, ''));
}

const MONEY = new RegExp(
  `(约合人民币|约合|大约|将近|接近|超过|不低于|不少于|不超过|近|约|超|逾)?(${NUMX})(?:\\s*[-—–~～至到]\\s*(${NUMX}))?(余|多)?([万亿]?)(美元|元)(左右|以上|以内|以下|上下)?`,
  'g',
);

const magnitude = (s: string) => (/亿$/.test(s) ? '亿' : /万$/.test(s) ? '万' : '');

/** Every money amount in [from, to). */
export function findAmounts(text: string, from = 0, to = text.length): Amount[] {
  const out: Amount[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(MONEY)) {
    const start = from + m.index;
    if (start > 0 && /[\d.]/.test(text[start - 1]) && !m[1]) continue;
    const [, pre, a, b, more, mag, cur, post] = m;
    let low = a;
    if (b && !magnitude(a) && magnitude(b)) low = a + magnitude(b);
    const yuan = parseNumber(low + mag);
    if (!Number.isFinite(yuan)) continue;
    const high = b ? parseNumber(b + mag) : undefined;
    if (b && !Number.isFinite(high)) continue;
    const amount: Amount = { start, end: start + m[0].length, wan: yuan / 10000, currency: cur === '美元' ? 'USD' : 'CNY', written: m[0] };
    if (high !== undefined) {
      amount.max = high / 10000;
      amount.qualifier = 'range';
    } else if (pre && /不低于|以上/.test(pre)) amount.qualifier = 'bound';
    else if (pre === '不少于') amount.qualifier = 'target';
    else if (pre || more || post) amount.qualifier = post && /以上|以内|以下/.test(post) ? 'bound' : 'approx';
    else if (amount.currency === 'USD') amount.qualifier = 'foreign';
    out.push(amount);
  }
  return out;
}

/** An amount that may fill an exact 万元 field. */
export const isExactCny = (a: Amount) => a.currency === 'CNY' && a.qualifier === undefined;

const COUNT = new RegExp(`(近|约|超过|超|逾|不少于)?(${NUMX})(?:\\s*[-—–~～至到]\\s*(${NUMX}))?(余|多)?`, 'y');

/** A count written at `pos` (`32`, `三十二`, `10余`); undefined when none starts there. */
export function countAt(text: string, pos: number): { value: number; end: number; qualifier?: Qualifier } | undefined {
  COUNT.lastIndex = pos;
  const m = COUNT.exec(text);
  if (!m) return undefined;
  const value = parseNumber(m[2]);
  if (!Number.isFinite(value)) return undefined;
  const qualifier: Qualifier | undefined = m[3] ? 'range' : m[1] === '不少于' ? 'target' : m[1] || m[4] ? 'approx' : undefined;
  return { value, end: pos + m[0].length, qualifier };
}

/** `两三名` style ranges are approximate counts. */
export const FUZZY_COUNT = /[一两二三四五六七八九][一两二三四五六七八九](?=[个家名人项条])/;

/**
 * Values as people type them (docs/imports.md, "Values"): one place that turns a cell into text,
 * money (exact integer yuan through contract/money.ts), a percentage, a date, a month or year range,
 * a list of people, a 红黄绿 flag. Each parser answers the value, null for "nothing", or a Problem
 * naming the reason (a key of contract/reasons.ts); nothing is guessed and nothing is cut.
 */
import { toYuan, type MoneyUnit } from '../../../contract/money.ts';
import { isMark, type RawCell } from './workbook.ts';

export type Cell = string | number | Date | null;
export interface Problem {
  problem: string;
}
export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'problem' in v;
const bad = (problem: string): Problem => ({ problem });

/** Full-width ASCII (０-９, Ａ-Ｚ, ．－％ …) and the ideographic space to their half-width forms. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
/** Only full-width digits, letters and the ideographic space (text keeps （）、；：). */
function halfWidthAlnum(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Written for "nothing": zero in a number column, none in a text column. */
const NOTHING = /^(?:[—\-－–_~～/／\\、.。]+|无|暂无|没有|空|n\/?a|null|none|nil)$/i;
export const isNothing = (s: string) => NOTHING.test(s.replace(/\s/g, ''));

/**
 * A cell as staged: strings trimmed, line breaks inside dropped (joined without a space), full-width
 * digits and letters made half-width; a blank string is null. Numbers and dates stay as read.
 */
const NEEDS_NORMALIZING = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000\r\n\u200b\ufeff]/;
export function normalizeCell(v: RawCell | undefined): Cell {
  if (v == null) return null;
  if (isMark(v)) return null;
  if (typeof v === 'string') {
    // Most cells have nothing to change but their ends (this runs for every cell read).
    if (!NEEDS_NORMALIZING.test(v)) {
      const s = v.trim();
      return s === '' ? null : s;
    }
    const s = halfWidthAlnum(v)
      .replace(/[\r\n]+\s*/g, '')
      .replace(/[\u200b\ufeff]/g, '')
      .trim();
    return s === '' ? null : s;
  }
  return v;
}

/** Text of a cell; `max` is a limit, not a cut: longer text is a problem. */
export function textValue(v: Cell, max: number): string | null | Problem {
  if (v == null) return null;
  const s = (v instanceof Date ? isoDate(v) : typeof v === 'number' ? String(v) : v).trim();
  if (s === '' || isNothing(s)) return null;
  if ([...s].length > max) return bad('text_too_long');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Money

const unitWords: [RegExp, MoneyUnit][] = [
  [/亿元?$/, 'yi'],
  [/万元?$/, 'wan'],
  [/元$/, 'yuan'],
];

/**
 * Money in integer yuan: a number in the column's unit, or text ("1,250.5", "１２００", "3.5亿元",
 * "30000万元"); '—', '/', blank are zero when `nothingIsZero`. Ranges ("5-8") and estimates ("约2")
 * are problems naming themselves, never a guessed figure.
 */
export function moneyValue(v: Cell, unit: MoneyUnit, nothingIsZero = true): number | null | Problem {
  // A blank cell is "not given" (the importer decides); a written '—' or '/' is zero.
  if (v == null) return null;
  if (v instanceof Date) return bad('number_format');
  // A number cell (most of them): no unit word, estimate or range to read, straight to yuan.
  if (typeof v === 'number') return yuanOf(v, numberText(v), unit);
  let text = halfWidth(v).replace(/[,，\s]/g, '');
  if (isNothing(text)) return nothingIsZero ? 0 : null;
  let u = unit;
  for (const [re, word] of unitWords) {
    if (re.test(text)) {
      text = text.replace(re, '');
      u = word;
      break;
    }
  }
  // "约2", "2亿左右": the figure as written (an estimate is still the figure the sheet gives).
  text = text.replace(/^(约|大约|预计|近)/, '').replace(/(左右)$/, '');
  if (/^(超|逾|不少于|不低于)/.test(text) || /[多余]$/.test(text)) return bad('money_estimate');
  if (/^\d+(\.\d+)?[-~～至到—]\d+(\.\d+)?$/.test(text)) return bad('money_range');
  return yuanOf(v, text, u);
}

/** The amount `text` (of cell `v`) in `u` as integer yuan. */
function yuanOf(v: Cell, text: string, u: MoneyUnit): number | Problem {
  const yuan = toYuan(text, u);
  if (yuan === null) {
    // A computed number with floating-point residue below one yuan.
    if (typeof v === 'number' && Number.isFinite(v)) {
      const scaled = Math.round(v * (u === 'yi' ? 1e8 : u === 'wan' ? 1e4 : 1));
      if (Number.isSafeInteger(scaled)) return scaled < 0 ? bad('money_negative') : scaled;
    }
    return bad('number_format');
  }
  return yuan < 0 ? bad('money_negative') : yuan;
}

/** A number's shortest decimal text, without exponent. */
function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/\.?0+$/, '');
}

/** A plain number (jobs, 亩): text numbers and full-width digits; nothing → null or 0. */
export function numberValue(v: Cell, nothingIsZero = false): number | null | Problem {
  if (v == null) return nothingIsZero ? 0 : null;
  if (typeof v === 'number') return v;
  if (v instanceof Date) return bad('number_format');
  const s = halfWidth(v).replace(/[,，\s]/g, '').replace(/(人|个|亩|台|套)$/, '');
  if (isNothing(s)) return nothingIsZero ? 0 : null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return bad('number_format');
  return Number(s);
}

/** A percentage in percent: "78.8%", "８６．２％", a 0.0% cell ("78.9%" as read) or a bare 78.7. */
export function percentValue(v: Cell): number | null | Problem {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  if (v instanceof Date) return bad('number_format');
  const s = halfWidth(v).replace(/\s/g, '');
  if (isNothing(s)) return null;
  const m = /^(-?\d+(?:\.\d+)?)%?$/.exec(s);
  return m ? Number(m[1]) : bad('number_format');
}

// ---------------------------------------------------------------------------------------------
// Dates

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number | string) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1900 && y <= 2200 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** A calendar day or a month as written, `year` supplying the year of "8月28日" / "9月". */
export function dayOrMonth(v: Cell, year?: number): { day: string | null; month: string } | null | Problem {
  if (v == null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad('date_format');
    const day = isoDate(v);
    return { day, month: day.slice(0, 7) };
  }
  if (typeof v === 'number') {
    if (!(v > 20000 && v < 80000 && Number.isInteger(v))) return bad('date_format');
    const day = isoDate(new Date(EXCEL_EPOCH + v * 86_400_000));
    return { day, month: day.slice(0, 7) };
  }
  const s = halfWidth(v).replace(/\s/g, '');
  if (isNothing(s) || /^(未开工|未投产|未签约|待定|未定)$/.test(s)) return null;
  if (/^\d{5}$/.test(s)) return dayOrMonth(Number(s), year);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? { day, month: day.slice(0, 7) } : bad('date_format');
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?(?:份)?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { day: null, month: `${m[1]}-${pad(m[2])}` };
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(s) ?? /^(\d{1,2})[/.-](\d{1,2})$/.exec(s);
  if (m && year) {
    const day = validDay(year, Number(m[1]), Number(m[2]));
    return day ? { day, month: day.slice(0, 7) } : bad('date_format');
  }
  m = /^(\d{1,2})月(?:份)?$/.exec(s);
  if (m && year && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { day: null, month: `${year}-${pad(m[1])}` };
  return bad(m || /^\d{1,2}月/.test(s) ? 'date_year_unknown' : 'date_format');
}

/** A calendar day (YYYY-MM-DD); a month alone is a problem here. */
export function dateValue(v: Cell, year?: number): string | null | Problem {
  const r = dayOrMonth(v, year);
  if (r == null || isProblem(r)) return r;
  return r.day ?? bad('date_day_missing');
}

/**
 * 建设起止年限 in any common form: "2026-2027", "2026.03-2026.12", "2025年4月-2026年10月",
 * "2026.5—2027.12", "2025.9～2026.12", "2026年", "２０２６．０４－２０２７．１０". Months are kept
 * only when written (YYYY-MM or YYYY).
 */
export function yearsValue(v: Cell): { start: string; end: string } | null | Problem {
  if (v == null) return null;
  if (v instanceof Date) {
    const m = isoDate(v).slice(0, 7);
    return { start: m, end: m };
  }
  const s = halfWidth(String(v)).replace(/\s/g, '');
  if (isNothing(s)) return null;
  const parts: string[] = [];
  const re = /(\d{4})(?:年)?(?:[./-]?(0?[1-9]|1[0-2])(?!\d)月?)?/g;
  let m: RegExpExecArray | null;
  let rest = s;
  while ((m = re.exec(s))) {
    parts.push(m[2] ? `${m[1]}-${pad(m[2])}` : m[1]);
    rest = rest.replace(m[0], '');
  }
  if (!parts.length || parts.length > 2 || !/^[-—–~～至到年度]*$/.test(rest)) return bad('years_form');
  const [start, end = start] = parts;
  const y = (x: string) => Number(x.slice(0, 4));
  if (y(start) < 1990 || y(end) > 2100) return bad('years_form');
  if (end.padEnd(7, '0') < start.padEnd(7, '0') && end.slice(0, 4) < start.slice(0, 4)) return bad('years_order');
  if (end.length === 7 && start.length === 7 && end < start) return bad('years_order');
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// People and flags

/**
 * People in one cell: "李明、赵刚" is two, "王 军" is one (spaces inside a name dropped), a title in
 * brackets kept apart ("王志远（管委会副主任）").
 */
export function peopleValue(v: Cell): { name: string; title: string | null }[] | null {
  if (v == null) return null;
  const s = String(v).trim();
  if (isNothing(s)) return null;
  const out: { name: string; title: string | null }[] = [];
  for (const part of s.split(/[、，,；;／/]+/)) {
    const m = /^(.*?)[（(]([^）)]*)[）)]\s*$/.exec(part.trim());
    const name = (m ? m[1] : part).replace(/[\s\u3000]/g, '');
    if (name) out.push({ name, title: m ? m[2].trim() || null : null });
  }
  return out.length ? out : null;
}

/** 红黄绿灯 as written ("绿", "绿灯", "绿色", "green") or, for an empty cell, by its fill colour. */
export function flagValue(v: Cell, fillRgb?: string | null): 'red' | 'yellow' | 'green' | null | Problem {
  if (v != null) {
    const s = String(v).replace(/\s/g, '').toLowerCase();
    if (/^(红|红灯|红色|red)$/.test(s)) return 'red';
    if (/^(黄|黄灯|黄色|yellow)$/.test(s)) return 'yellow';
    if (/^(绿|绿灯|绿色|green)$/.test(s)) return 'green';
    if (isNothing(s)) return null;
    return bad('unknown_value');
  }
  if (!fillRgb) return null;
  const hex = fillRgb.slice(-6);
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  if (r > 180 && g < 140 && b < 140) return 'red';
  if (r > 180 && g > 160 && b < 140) return 'yellow';
  if (g > 140 && r < 160 && b < 160) return 'green';
  return null;
}

/** Reference date parts, from `YYYY-MM-DD`. */
export interface RefDate {
  year: number;
  month: number;
  day: number;
}

export function parseRefDate(iso: string): RefDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`reference date must be YYYY-MM-DD, got ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export type Tense = 'past' | 'future' | 'unknown';

export interface FoundDate {
  start: number;
  end: number;
  year?: number;
  relativeYear?: number;
  month: number;
  day?: number;
}

/**
 * Dates as Chinese reports write them: 2026年4月8日, 2023年8月, 今年7月, 明年6月, 9月底前, 10月份,
 * 4月8日, 年底, and 2026-07-15. Month-only forms keep month precision.
 */
const DATE_RE =
  /(?:(\d{4})年|(今年|明年|去年|后年|当年))?(\d{1,2})月(?:(\d{1,2})[日号])?(?:份|底前?|末|初|上旬|中旬|下旬|前)?|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|(今年|明年|\d{4}年)?(?:年底|年末)前?/g;

const RELATIVE_YEAR: Record<string, number> = { 今年: 0, 当年: 0, 明年: 1, 去年: -1, 后年: 2 };

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    // `12个`, `2.5` and such never reach here; a digit right before means we are inside a longer number.
    if (start > 0 && /\d/.test(text[start - 1])) continue;
    if (m[3] !== undefined) {
      const month = Number(m[3]);
      const day = m[4] !== undefined ? Number(m[4]) : undefined;
      if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
      found.push({ start, end, year: m[1] ? Number(m[1]) : undefined, relativeYear: m[2] ? RELATIVE_YEAR[m[2]] : undefined, month, day });
    } else if (m[5] !== undefined) {
      const month = Number(m[6]);
      const day = Number(m[7]);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      found.push({ start, end, year: Number(m[5]), month, day });
    } else {
      const y = m[8];
      found.push({
        start,
        end,
        year: y && /^\d/.test(y) ? Number(y.slice(0, 4)) : undefined,
        relativeYear: y && !/^\d/.test(y) ? RELATIVE_YEAR[y] : undefined,
        month: 12,
      });
    }
  }
  return found;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO form of a found date. Without a written year the reference year is assumed, moved one year on
 * for a planned date that would otherwise lie before the reference month (and one back for a past one).
 */
export function resolveDate(d: FoundDate, ref: RefDate, tense: Tense): string {
  let year = d.year ?? ref.year + (d.relativeYear ?? 0);
  if (d.year === undefined && d.relativeYear === undefined) {
    const key = d.month * 100 + (d.day ?? 0);
    const refKey = ref.month * 100 + (d.day === undefined ? 0 : ref.day);
    if (tense === 'future' && key < refKey) year += 1;
    if (tense === 'past' && key > refKey) year -= 1;
  }
  return d.day === undefined ? `${year}-${pad(d.month)}` : `${year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Whether the resolved date lies after the reference date (month precision compares months). */
export function isAfter(iso: string, ref: RefDate): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (y !== ref.year) return y > ref.year;
  if (m !== ref.month) return m > ref.month;
  return d !== undefined && d > ref.day;
}

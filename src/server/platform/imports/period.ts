/**
 * The reporting period a sheet states in its title or note rows: "截至2026年9月30日",
 * "2026年1—9月", "截至9月30日" (the year elsewhere in the title), "2026年第三季度", "10月份",
 * "更新时间：2026年9月25日". Shown to the user before anything is written.
 */
import { halfWidth } from './values.ts';

export interface SheetPeriod {
  /** The as-of day (the period's last day). */
  asOf: string | null;
  /** YYYY-MM of the month reported, when the sheet names one. */
  month: string | null;
  /** YYYY-Qn when the sheet names a quarter. */
  quarter: string | null;
  from: string | null;
  to: string | null;
  /** The words it was read from. */
  written: string;
}

const pad = (n: number | string) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const cnDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The period of the first text that states one (title rows first); the year may come from another text. */
export function sheetPeriod(texts: string[]): SheetPeriod | null {
  const all = texts.map((t) => halfWidth(t).replace(/\s/g, '').replace(/[—–－~～]/g, '-'));
  const anyYear = all.map((t) => /(20\d{2})年/.exec(t)?.[1]).find(Boolean);
  for (const t of all) {
    let m = /截[至止](?:(20\d{2})年)?(\d{1,2})月(\d{1,2})日/.exec(t);
    if (m && (m[1] ?? anyYear)) {
      const y = Number(m[1] ?? anyYear);
      const day = `${y}-${pad(m[2])}-${pad(m[3])}`;
      return { asOf: day, month: day.slice(0, 7), quarter: null, from: `${y}-01-01`, to: day, written: m[0] };
    }
    m = /(20\d{2})年(?:第)?([一二三四1-4])季度/.exec(t);
    if (m) {
      const y = Number(m[1]);
      const q = cnDigits[m[2]];
      const to = `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}`;
      return { asOf: to, month: null, quarter: `${y}-Q${q}`, from: `${y}-${pad(q * 3 - 2)}-01`, to, written: m[0] };
    }
    m = /(?:(20\d{2})年)?(\d{1,2})月?[-至到](\d{1,2})月/.exec(t);
    if (m && (m[1] ?? anyYear) && Number(m[3]) <= 12 && Number(m[2]) <= Number(m[3])) {
      const y = Number(m[1] ?? anyYear);
      const mo = Number(m[3]);
      const to = `${y}-${pad(mo)}-${lastDay(y, mo)}`;
      return { asOf: to, month: `${y}-${pad(mo)}`, quarter: null, from: `${y}-${pad(m[2])}-01`, to, written: m[0] };
    }
  }
  for (const t of all) {
    const m = /(?:(20\d{2})年)?(\d{1,2})月份/.exec(t) ?? /(20\d{2})年(\d{1,2})月(?!\d{1,2}日)/.exec(t);
    if (m && (m[1] ?? anyYear) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
      const y = Number(m[1] ?? anyYear);
      const mo = Number(m[2]);
      const to = `${y}-${pad(mo)}-${lastDay(y, mo)}`;
      return { asOf: to, month: `${y}-${pad(mo)}`, quarter: null, from: `${y}-${pad(mo)}-01`, to, written: m[0] };
    }
  }
  for (const t of all) {
    const m = /(?:更新|统计|填报|报送|截止)(?:时间|日期)[:：]?(20\d{2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?/.exec(t);
    if (m) {
      const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
      return { asOf: day, month: null, quarter: null, from: null, to: day, written: m[0] };
    }
  }
  return null;
}

/**
 * The table finder (docs/imports.md, "Finding the table"): in each sheet, the header row anywhere in
 * the first 15 rows (or right after a section, blank or 小计 row, for several blocks on one sheet,
 * each with its own header), one or two header rows with merged group headers, columns matched by
 * meaning (synonyms, the year and month words of a header made generic, near matches), hidden
 * columns set aside; then every row by kind: data, or skipped with its reason (title, unit, header,
 * section — whose text is kept as context for the rows below —, 合计/小计, blank, footer, note,
 * hidden). Vertically merged cells give their value to every row they cover.
 */
import type { MoneyUnit } from '../../../contract/money.ts';
import { sheetPeriod, type SheetPeriod } from './period.ts';
import { fromYuan } from '../../../contract/money.ts';
import { halfWidth, moneyValue, normalizeCell, type Cell } from './values.ts';
import { isMark, type MergedRange, type RawRow, type SheetInfo } from './workbook.ts';

/** What an importer says about one column of its template. */
export interface FieldSpec<K extends string = string> {
  key: K;
  header: string;
  aliases: string[];
  kind?: 'money' | 'date' | 'percent' | 'number';
  exportOnly?: boolean;
}

export type SkipKind = 'title' | 'unit' | 'header' | 'section' | 'total' | 'subtotal' | 'blank' | 'footer' | 'note' | 'hidden';

export interface TableColumn {
  index: number;
  header: string;
  field: string | null;
  hidden?: boolean;
}

export interface TableInfo {
  /** 0-based over the workbook, in reading order. */
  table: number;
  sheet: string;
  sheetIndex: number;
  headerRows: number[];
  columns: TableColumn[];
  /** The money unit of the unit row ("单位：万元"), if any. */
  unit: MoneyUnit | null;
  period: SheetPeriod | null;
  /** The section row right above the header (a block's name, e.g. "一、签约一批（5个）"). */
  block: string | null;
  /** The texts above the header (title, unit row), for the period and the user. */
  prelude: string[];
}

export interface DataRow {
  table: number;
  r: number;
  cells: Cell[];
  /** Fill colours of empty cells by column (a flag given by colour). */
  fills?: Record<number, string>;
  /** Problem marks by column: a formula without a cached value, an error value. */
  marks?: Record<number, string>;
  section: string | null;
}

export interface SkippedRow {
  sheet: string;
  row: number;
  kind: SkipKind;
  text?: string;
}

/** A 合计/小计 row of the sheet that differs from the sum of its rows (amounts as written, in the column's unit). */
export interface TotalCheck {
  sheet: string;
  row: number;
  column: string;
  sheetValue: string;
  rowsSum: string;
}

export type TableEvent = { type: 'table'; table: TableInfo } | { type: 'row'; row: DataRow } | { type: 'skip'; skip: SkippedRow } | { type: 'check'; check: TotalCheck };

/** Header text as compared: no spaces or line breaks, no bracketed unit, no punctuation, generic years and months. */
export function headerKey(text: string): string {
  return halfWidth(text)
    .replace(/\s/g, '')
    .replace(/[(\[【].*?[)\]】]/g, '')
    .replace(/[（(]\s*(万元|亿元|元|%|万平方米|亩|人|个)\s*[）)]?/g, '')
    .replace(/[:*%＊#]/g, '')
    .replace(/^单位/, '单位')
    .replace(/^20\d{2}年度?/, '年度')
    .replace(/^1?[-—–~～至]\d{1,2}月份?/, '年度')
    .replace(/^\d{1,2}[-—–~～至]\d{1,2}月份?/, '本期')
    .replace(/^\d{1,2}月份?/, '本月')
    .toLowerCase();
}

/** The money unit a header names ("总投资（亿元）"), null when it names none. */
export function headerUnitOf(text: string): MoneyUnit | null {
  const s = halfWidth(text);
  if (/亿元/.test(s)) return 'yi';
  if (/万元/.test(s)) return 'wan';
  if (/[(（]\s*元\s*[)）]/.test(s) || /单位[:：]\s*元/.test(s)) return 'yuan';
  return null;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Matches header texts to fields: exact synonyms first, then the longest synonym inside, then one-letter typos. */
export function createHeaderMatcher(fields: FieldSpec[]) {
  const exact = new Map<string, string>();
  const all: { key: string; field: string }[] = [];
  for (const f of fields)
    for (const h of [f.header, ...f.aliases]) {
      const k = headerKey(h);
      if (!k) continue;
      if (!exact.has(k)) exact.set(k, f.key);
      all.push({ key: k, field: f.key });
    }
  all.sort((a, b) => b.key.length - a.key.length);
  return function match(text: string): { field: string; score: number } | null {
    const k = headerKey(text);
    if (!k || k.length > 24) return null;
    const e = exact.get(k);
    if (e) return { field: e, score: 3 };
    for (const a of all) if (a.key.length >= 2 && k.includes(a.key) && a.key.length * 2.5 >= k.length) return { field: a.field, score: 2 + a.key.length / 100 };
    if (k.length >= 4) for (const a of all) if (a.key.length >= 4 && distance(k, a.key) === 1) return { field: a.field, score: 1 };
    return null;
  };
}

const FOOTER = /^(填表人|填报人|制表人|审核人|审核|审批人|统计人|联系人|联系电话|电话|填报日期|填表日期|报送日期|单位负责人|负责人[:：]|主要负责人|分管领导[:：]|签字|盖章)/;
const NOTE = /^(注|说明|备注|附注)\s*[:：\d一1]|^注\s*[:：]|^\*/;
const SUMMARY = /^(汇总|总体情况|合计[:：])/;
const TOTAL = /^(合\s*计|总\s*计|全区合计|全部合计|共\s*计|累\s*计)$/;
const SUBTOTAL = /^(小\s*计|.{1,12}小计)$/;
const SECTION = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分类批])/;
const UNIT = /单位[:：]\s*(亿元|万元|元)/;

export interface FindOptions {
  fields: FieldSpec[];
  /** Fields a header must have (all of them). */
  required: string[];
  /** Rows to look for the first header in. */
  headerWithin?: number;
  /** Told the fields of each header candidate (to name what a sheet without a table lacks). */
  onCandidate?: (found: Set<string>) => void;
}

/**
 * Reads one sheet into tables and rows. `tableBase` numbers the tables across sheets. Sheets without
 * a header yield nothing (an empty default sheet, a notes sheet).
 */
export async function* findTables(sheet: SheetInfo, opts: FindOptions, tableBase: number): AsyncGenerator<TableEvent, number> {
  const match = createHeaderMatcher(opts.fields);
  const within = opts.headerWithin ?? 15;
  const requiredOk = (found: Set<string>) => opts.required.every((k) => found.has(k)) && found.size >= 1;

  // Vertical merges give their master value to every row below it in the range.
  const vertical = sheet.merges.filter((m) => m.bottom > m.top);
  const byTop = new Map<number, MergedRange[]>();
  for (const m of vertical) byTop.set(m.top, [...(byTop.get(m.top) ?? []), m]);
  const carried: { m: MergedRange; values: Cell[] }[] = [];
  const horizontalAt = new Map<number, MergedRange[]>();
  for (const m of sheet.merges) if (m.right > m.left) for (let r = m.top; r <= m.bottom; r++) horizontalAt.set(r, [...(horizontalAt.get(r) ?? []), m]);

  let tables = 0;
  let table: TableInfo | null = null;
  let fieldCols: number[] = [];
  let span: [number, number] = [1, 1];
  let nameCol = 0;
  let section: string | null = null;
  let lastKind: SkipKind | 'data' | null = null;
  const prelude: { r: number; text: string }[] = [];
  let pendingHeader: { r: number; row: Cell[]; mapped: Map<number, string> } | null = null;
  let blockAbove: string | null = null;
  let unitAbove: MoneyUnit | null = null;
  let seen = 0;
  let sheetPeriodSeen: SheetPeriod | null = null;

  /** Header candidates of one row: column → field. */
  function headerOf(cells: Cell[], hidden: Set<number>, upper?: Cell[]): Map<number, string> {
    const scored: { col: number; field: string; score: number }[] = [];
    const n = Math.max(cells.length, upper?.length ?? 0);
    for (let c = 1; c < n; c++) {
      if (hidden.has(c)) continue;
      const lower = typeof cells[c] === 'string' ? (cells[c] as string) : null;
      const up = upper && typeof upper[c] === 'string' ? (upper[c] as string) : null;
      let best = lower ? match(lower) : null;
      if (up && up !== lower) {
        const combined = match(`${up}${lower ?? ''}`);
        if (combined && (!best || best.score < 3)) best = combined.score >= (best?.score ?? 0) ? combined : best;
        if (!best && !lower) best = match(up);
      }
      if (best) scored.push({ col: c, ...best });
    }
    scored.sort((a, b) => b.score - a.score);
    const out = new Map<number, string>();
    const used = new Set<string>();
    for (const s of scored) {
      if (used.has(s.field) || out.has(s.col)) continue;
      used.add(s.field);
      out.set(s.col, s.field);
    }
    return out;
  }

  function openTable(headerRows: number[], lower: Cell[], upper: Cell[] | null, mapped: Map<number, string>): TableInfo {
    const columns: TableColumn[] = [];
    const n = Math.max(lower.length, upper?.length ?? 0);
    for (let c = 1; c < n; c++) {
      const lo = lower[c] != null ? String(lower[c]) : null;
      const up = upper?.[c] != null ? String(upper[c]) : null;
      const header = up && lo && up !== lo ? `${up}·${lo}` : (lo ?? up);
      if (!header) continue;
      columns.push({ index: c, header, field: mapped.get(c) ?? null, ...(sheet.hiddenColumns.has(c) ? { hidden: true } : {}) });
    }
    fieldCols = columns.map((c) => c.index);
    moneyCols = columns.filter((c) => c.field && moneyFields.has(c.field)).map((c) => ({ index: c.index, header: c.header }));
    span = [Math.min(...fieldCols), Math.max(...fieldCols)];
    nameCol = [...mapped].find(([, f]) => f === 'name')?.[0] ?? 0;
    const texts = prelude.map((p) => p.text);
    const t: TableInfo = {
      table: tableBase + tables++,
      sheet: sheet.name,
      sheetIndex: sheet.index,
      headerRows,
      columns,
      unit: unitAbove,
      period: sheetPeriod([...texts, sheet.name]) ?? sheetPeriodSeen,
      block: blockAbove,
      prelude: texts,
    };
    sheetPeriodSeen = t.period;
    return t;
  }

  /** Upper header cells with the text of horizontal groups spread over the columns they cover. */
  function spread(r: number, cells: Cell[]): Cell[] {
    const out = [...cells];
    for (const m of horizontalAt.get(r) ?? []) {
      const v = cells[m.left];
      for (let c = m.left; c <= m.right; c++) if (out[c] == null) out[c] = v;
    }
    return out;
  }

  // The sheet's own totals: 合计 against every row of its table, 小计 against the rows since the last section or 小计.
  const moneyFields = new Set(opts.fields.filter((f) => f.kind === 'money').map((f) => f.key));
  let moneyCols: { index: number; header: string }[] = [];
  let tableSum = new Map<number, number>();
  let groupSum = new Map<number, number>();
  let pendingTotals: { r: number; cells: Cell[] }[] = [];
  // Amounts as written in the column's unit, as integers of 1/10,000 (exact to four decimals).
  const yuanOf = (v: Cell) => {
    const y = moneyValue(v, 'wan');
    return typeof y === 'number' ? y : null;
  };
  function* compare(r: number, cells: Cell[], sums: Map<number, number>): Generator<TableEvent> {
    for (const c of moneyCols) {
      const y = yuanOf(cells[c.index] ?? null);
      if (y == null) continue;
      const sum = sums.get(c.index) ?? 0;
      if (y !== sum) yield { type: 'check', check: { sheet: sheet.name, row: r, column: c.header, sheetValue: fromYuan(y, 'wan'), rowsSum: fromYuan(sum, 'wan') } };
    }
  }
  function* closeTable(): Generator<TableEvent> {
    for (const t of pendingTotals) yield* compare(t.r, t.cells, tableSum);
    pendingTotals = [];
    tableSum = new Map();
    groupSum = new Map();
  }

  let lastR = 0;
  for await (const raw of sheet.rows()) {
    seen++;
    // Rows the file leaves out are blank rows.
    for (let r = lastR + 1; r < raw.r && lastR > 0; r++) {
      yield { type: 'skip', skip: { sheet: sheet.name, row: r, kind: 'blank' } };
      if (table) lastKind = 'blank';
    }
    lastR = raw.r;
    // Carry vertical merges down.
    for (const m of byTop.get(raw.r) ?? []) {
      const values: Cell[] = [];
      for (let c = m.left; c <= m.right; c++) values[c] = normalizeCell(raw.cells[c]);
      carried.push({ m, values });
    }
    const cells: Cell[] = [];
    let fills: Record<number, string> | undefined;
    let marks: Record<number, string> | undefined;
    for (let c = 1; c < raw.cells.length; c++) {
      const v = raw.cells[c];
      if (v === undefined) continue;
      if (isMark(v)) {
        if (v.mark === 'fill') (fills ??= {})[c] = v.rgb!;
        else (marks ??= {})[c] = v.mark === 'error' ? `error:${v.text ?? ''}` : 'formula_no_value';
        continue;
      }
      const n = normalizeCell(v);
      if (n !== null) cells[c] = n;
    }
    for (let i = carried.length - 1; i >= 0; i--) {
      const { m, values } = carried[i];
      if (raw.r > m.bottom) {
        carried.splice(i, 1);
        continue;
      }
      if (raw.r > m.top) for (let c = m.left; c <= m.right; c++) if (cells[c] == null && values[c] != null) cells[c] = values[c];
    }
    const texts = cells.filter((v) => v != null).map((v) => String(v));
    const distinct = [...new Set(texts)];
    const first = distinct[0] ?? '';

    // A pending header: is this row its second header row?
    if (pendingHeader) {
      const ph: { r: number; row: Cell[]; mapped: Map<number, string> } = pendingHeader;
      pendingHeader = null;
      const twoRow =
        vertical.some((m) => m.top === ph.r && m.bottom >= raw.r) ||
        ((horizontalAt.get(ph.r) ?? []).some((m) => m.top === ph.r && m.bottom === ph.r) && cells.every((v) => v == null || typeof v === 'string') && distinct.length > 0);
      if (twoRow && !texts.some((t) => /^\d+(\.\d+)?$/.test(t))) {
        const upper = spread(ph.r, ph.row);
        const lower: Cell[] = [];
        for (let c = 1; c < Math.max(cells.length, upper.length); c++) lower[c] = cells[c] ?? null;
        // A lower cell equal to the upper one (a vertical merge) is the same header.
        const mapped = headerOf(lower, sheet.hiddenColumns, upper);
        table = openTable([ph.r, raw.r], lower, upper, mapped);
        yield { type: 'skip', skip: { sheet: sheet.name, row: ph.r, kind: 'header' } };
        yield { type: 'table', table };
        yield { type: 'skip', skip: { sheet: sheet.name, row: raw.r, kind: 'header' } };
        lastKind = 'header';
        continue;
      }
      table = openTable([ph.r], ph.row, null, ph.mapped);
      yield { type: 'skip', skip: { sheet: sheet.name, row: ph.r, kind: 'header' } };
      yield { type: 'table', table };
    }

    // A header? In the first rows, or right after a break in the data (several blocks on one sheet).
    const mayBeHeader = distinct.length >= 1 && cells.every((v) => v == null || typeof v === 'string') && (!table ? seen <= within || raw.r <= within : lastKind !== 'data');
    if (mayBeHeader) {
      const mapped = headerOf(cells, sheet.hiddenColumns);
      const found = new Set(mapped.values());
      opts.onCandidate?.(found);
      // Two known columns at least, or a row of known columns only (a one-column list).
      if (requiredOk(found) && (found.size >= 2 || (!table && mapped.size === texts.length))) {
        if (table && table.columns.every((c) => (cells[c.index] ?? null) === (c.header.split('·').pop() ?? null))) {
          yield { type: 'skip', skip: { sheet: sheet.name, row: raw.r, kind: 'header' } };
          continue;
        }
        pendingHeader = { r: raw.r, row: cells, mapped };
        if (table) yield* closeTable();
        if (table) {
          table = null;
          prelude.length = 0;
        }
        continue;
      }
    }

    if (!table) {
      // Above the header: title, unit, notes; a section row names the block below.
      if (raw.hidden) {
        yield { type: 'skip', skip: { sheet: sheet.name, row: raw.r, kind: 'hidden' } };
        continue;
      }
      if (!distinct.length) {
        yield { type: 'skip', skip: { sheet: sheet.name, row: raw.r, kind: 'blank' } };
        continue;
      }
      const text = distinct.join(' ');
      prelude.push({ r: raw.r, text });
      const unit = distinct.map((t) => UNIT.exec(halfWidth(t))?.[1]).find(Boolean);
      if (unit) unitAbove = unit === '亿元' ? 'yi' : unit === '万元' ? 'wan' : 'yuan';
      if (distinct.length === 1 && SECTION.test(first)) blockAbove = first;
      yield {
        type: 'skip',
        skip: { sheet: sheet.name, row: raw.r, kind: SECTION.test(first) && distinct.length === 1 ? 'section' : unit || /^填报单位/.test(first) ? 'unit' : NOTE.test(first) || SUMMARY.test(first) ? 'note' : 'title', text },
      };
      continue;
    }

    // In a table: the row's kind.
    const within_ = cells.slice(0, span[1] + 1);
    const inTable = within_.filter((v) => v != null).map((v) => String(v));
    const kind: SkipKind | 'data' = raw.hidden
      ? 'hidden'
      : !inTable.length && !fills && !marks
        ? 'blank'
        : FOOTER.test(first)
          ? 'footer'
          : NOTE.test(first) || SUMMARY.test(first)
            ? 'note'
            : inTable.slice(0, 3).some((t) => TOTAL.test(t.replace(/\s/g, '')))
              ? 'total'
              : inTable.slice(0, 3).some((t) => SUBTOTAL.test(t.replace(/\s/g, '')))
                ? 'subtotal'
                : distinct.length === 1 && typeof cells.find((v) => v != null) === 'string' && (SECTION.test(first) || (nameCol > 0 && cells[nameCol] == null))
                  ? 'section'
                  : 'data';
    lastKind = kind;
    if (kind === 'total') pendingTotals.push({ r: raw.r, cells });
    if (kind === 'subtotal') {
      yield* compare(raw.r, cells, groupSum);
      groupSum = new Map();
    }
    if (kind === 'data')
      for (const c of moneyCols) {
        const y = yuanOf(cells[c.index] ?? null);
        if (y != null) {
          tableSum.set(c.index, (tableSum.get(c.index) ?? 0) + y);
          groupSum.set(c.index, (groupSum.get(c.index) ?? 0) + y);
        }
      }
    if (kind === 'section') {
      groupSum = new Map();
      section = first;
      blockAbove = first;
      prelude.length = 0;
      prelude.push({ r: raw.r, text: first });
    }
    if (kind === 'blank') blockAbove = null;
    if (kind !== 'data') {
      yield { type: 'skip', skip: { sheet: sheet.name, row: raw.r, kind, ...(kind === 'blank' ? {} : { text: distinct.join(' ').slice(0, 200) }) } };
      continue;
    }
    yield { type: 'row', row: { table: table.table, r: raw.r, cells, ...(fills ? { fills } : {}), ...(marks ? { marks } : {}), section } };
  }
  yield* closeTable();
  if (pendingHeader) {
    table = openTable([pendingHeader.r], pendingHeader.row, null, pendingHeader.mapped);
    yield { type: 'skip', skip: { sheet: sheet.name, row: pendingHeader.r, kind: 'header' } };
    yield { type: 'table', table };
  }
  return tables;
}

/** Cells as text for a message or a sample. */
export const cellString = (v: Cell) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
export type { RawRow };

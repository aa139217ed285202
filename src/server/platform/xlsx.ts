/**
 * Spreadsheet helpers any module's .xlsx export or import can use (exceljs): lazy loading, cell
 * values flattened, tolerant header matching, dates and money cells, and a streaming reader of the
 * first sheet that finds the header row, maps columns by their aliases and reports merged cells.
 * The lead ledger and the dispatch sheet both read their cells through these.
 */
import { Readable } from 'node:stream';
import type ExcelJSType from 'exceljs';
import JSZip from 'jszip';
import { toYuan, type MoneyUnit } from '../../contract/money.ts';

let excel: Promise<typeof ExcelJSType> | undefined;
/** exceljs is loaded on first use: it is large, and most server starts never touch a spreadsheet. */
export const loadExcel = () => (excel ??= import('exceljs').then((m) => (m.default ?? m) as typeof ExcelJSType));

export type Cell = string | number | Date | null;

/** A cell's plain value: rich text, formulas, hyperlinks and errors flattened; blank text is null. */
export function cellValue(v: unknown): Cell {
  if (v == null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return cellValue(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
    if (o.error) return null;
  }
  return String(v);
}

export const cellText = (v: Cell | undefined, max: number) =>
  v == null ? null : (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim().slice(0, max) || null;

const excelEpoch = Date.UTC(1899, 11, 30);
/** A date cell as YYYY-MM-DD: Date, Excel serial number, or the ways people type dates; 'bad' if none. */
export function cellDate(v: Cell | undefined): string | null | 'bad' {
  if (v == null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'bad' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v > 0 && v < 100000 ? new Date(excelEpoch + Math.round(v) * 86400_000).toISOString().slice(0, 10) : 'bad';
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (!m) return 'bad';
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const t = new Date(`${d}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d ? 'bad' : d;
}

const unitFactor: Record<MoneyUnit, number> = { yuan: 1, wan: 10_000, yi: 100_000_000 };
/**
 * A money cell in `unit` as integer yuan: 'bad' for text that is not a number (or more precise than
 * 1 元), 'negative' below zero. Numbers from computed cells keep their floating-point residue to the yuan.
 */
export function cellMoney(v: Cell | undefined, unit: MoneyUnit): number | null | 'bad' | 'negative' {
  if (v == null) return null;
  if (v instanceof Date) return 'bad';
  let yuan = toYuan(typeof v === 'number' ? String(v) : v.replace(/[,，\s]/g, ''), unit);
  if (yuan === null && typeof v === 'number' && Number.isFinite(v)) yuan = Math.round(v * unitFactor[unit]);
  if (yuan === null) return 'bad';
  return yuan < 0 ? 'negative' : yuan;
}

export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  aliases: string[];
  width: number;
  kind?: 'money' | 'date' | 'percent' | 'number';
  /** Written on export, ignored on import (derived figures). */
  exportOnly?: boolean;
}

/** Header text as compared: no spaces (also full-width), no bracketed unit, no line breaks, lower case. */
export function headerKey(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[:：*＊]/g, '')
    .toLowerCase();
}

/** The money unit a header names ("总投资（亿元）"), 万元 by default. */
export function headerUnit(text: string): MoneyUnit {
  if (/亿元/.test(text)) return 'yi';
  if (/[（(]\s*元\s*[）)]/.test(text)) return 'yuan';
  return 'wan';
}

export function headerMap<K extends string>(columns: SheetColumn<K>[]): Map<string, SheetColumn<K>> {
  const map = new Map<string, SheetColumn<K>>();
  for (const c of columns) for (const h of [c.header, ...c.aliases]) map.set(headerKey(h), c);
  return map;
}

/** "A1" → { row: 1, col: 1 }. */
function cellRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ''))!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The merged ranges of one worksheet, read from the zip by streaming its XML (the exceljs stream
 * reader drops them). `sheetNo` is the n of xl/worksheets/sheetN.xml.
 */
export async function mergedRanges(file: Buffer, sheetNo: number): Promise<MergedRange[]> {
  const zip = await JSZip.loadAsync(file);
  const entry = zip.file(`xl/worksheets/sheet${sheetNo}.xml`);
  if (!entry) return [];
  const ranges: MergedRange[] = [];
  const re = /<(?:\w+:)?mergeCell\s+ref="([A-Z$]+\d+):([A-Z$]+\d+)"/g;
  let carry = '';
  await new Promise<void>((resolve, reject) => {
    entry
      .nodeStream('nodebuffer')
      .on('data', (chunk: Buffer) => {
        const text = carry + chunk.toString('utf8');
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        let consumed = 0;
        while ((m = re.exec(text))) {
          const a = cellRef(m[1]);
          const b = cellRef(m[2]);
          ranges.push({ ref: `${m[1]}:${m[2]}`, top: a.row, left: a.col, bottom: b.row, right: b.col });
          consumed = re.lastIndex;
        }
        // Keep a tail so a tag cut between two chunks is still found.
        carry = text.slice(Math.max(consumed, text.length - 200));
      })
      .on('end', () => resolve())
      .on('error', reject);
  });
  return ranges;
}

export interface SheetRow<K extends string> {
  rowNumber: number;
  record: Map<K, Cell>;
  /** Every cell of the row by column number (1-based; holes are null), for a mapping chosen later. */
  cells: Cell[];
}

export interface ReadSheetOptions<K extends string> {
  columns: SheetColumn<K>[];
  /** Columns the header must have; missing ones are named in the error. */
  required: K[];
  /** At most this many data rows; one more and reading stops with `onTooMany`. */
  maxRows: number;
  onHeader?: (mapped: { header: string; column: SheetColumn<K> | null; index: number }[], headerRow: number) => void;
  onRow?: (rowsRead: number) => void;
}

export class SheetError extends Error {
  constructor(
    readonly reason: 'not_xlsx' | 'no_header' | 'missing_columns' | 'too_many_rows' | 'empty',
    readonly missing: string[] = [],
  ) {
    super(reason);
  }
}

/**
 * Reads the first worksheet of an .xlsx as a stream: finds the header row among the first ten rows
 * (the one matching most columns), then yields each non-empty data row as key → cell value. The
 * whole file is in `file` (uploads are size-limited) but rows are never all parsed at once.
 */
export async function* readSheet<K extends string>(
  file: Buffer,
  opts: ReadSheetOptions<K>,
): AsyncGenerator<SheetRow<K>, { sheetNo: number; headerRow: number }> {
  const map = headerMap(opts.columns);
  const ExcelJS = await loadExcel();
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw new SheetError('not_xlsx');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let mapped: Map<number, SheetColumn<K>> | null = null;
  let best: { row: number; found: Map<number, { col: SheetColumn<K>; header: string }>; all: string[] } | null = null;
  let headerColumns: number[] = [];
  let headerRow = 0;
  let sheetNo = 1;
  let rows = 0;
  try {
    for await (const sheet of reader) {
      sheetNo = Number((sheet as unknown as { id: number }).id) || 1;
      for await (const row of sheet as AsyncIterable<ExcelJSType.Row>) {
        const values = row.values as unknown[];
        if (!mapped) {
          const found = new Map<number, { col: SheetColumn<K>; header: string }>();
          const all: string[] = [];
          for (let i = 1; i < values.length; i++) {
            const v = cellValue(values[i]);
            if (typeof v !== 'string') continue;
            all[i] = v;
            const col = map.get(headerKey(v));
            if (col && ![...found.values()].some((c) => c.col.key === col.key)) found.set(i, { col, header: v });
          }
          if (found.size > (best?.found.size ?? 0)) best = { row: row.number, found, all };
          const hasRequired = opts.required.every((k) => [...found.values()].some((c) => c.col.key === k));
          if (hasRequired && found.size >= Math.max(2, opts.required.length)) {
            mapped = new Map([...found].map(([i, c]) => [i, c.col]));
            headerRow = row.number;
            const list: { header: string; column: SheetColumn<K> | null; index: number }[] = [];
            for (let i = 1; i < all.length; i++) if (all[i] != null) list.push({ header: all[i], column: found.get(i)?.col ?? null, index: i });
            headerColumns = list.map((h) => h.index);
            opts.onHeader?.(list, headerRow);
            continue;
          }
          if (row.number >= 10) break;
          continue;
        }
        const record = new Map<K, Cell>();
        let empty = true;
        for (const [i, col] of mapped) {
          const v = cellValue(values[i]);
          if (v != null) empty = false;
          record.set(col.key, v);
        }
        // Cells under any header (mapped or not), so a mapping chosen later can read them.
        const cells: Cell[] = [];
        for (const i of headerColumns) {
          const v = cellValue(values[i]);
          cells[i] = v;
          if (v != null) empty = false;
        }
        if (empty) continue;
        if (++rows > opts.maxRows) throw new SheetError('too_many_rows');
        opts.onRow?.(rows);
        yield { rowNumber: row.number, record, cells: Array.from(cells, (v) => v ?? null) };
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof SheetError) throw err;
    if (/zip|central directory|signature|corrupt|end of data|unexpected/i.test(String((err as Error)?.message))) throw new SheetError('not_xlsx');
    throw err;
  }
  if (!mapped) {
    const present = new Set([...(best?.found.values() ?? [])].map((c) => c.col.key));
    const missing = opts.required.filter((k) => !present.has(k)).map((k) => opts.columns.find((c) => c.key === k)!.header);
    throw new SheetError(
      best && best.found.size > 0 ? 'missing_columns' : 'no_header',
      missing.length ? missing : opts.required.map((k) => opts.columns.find((c) => c.key === k)!.header),
    );
  }
  if (rows === 0) throw new SheetError('empty');
  return { sheetNo, headerRow };
}

/** Writes a merged, centred title over `width` columns in row 1 (黑体, 14 pt). */
export function writeTitle(ws: ExcelJSType.Worksheet, text: string, width: number) {
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = text;
  title.font = { bold: true, size: 14, name: '黑体' };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
}

/** Writes the header row with the usual look: bold, centred, wrapped, light fill, text format. */
export function writeHeader(ws: ExcelJSType.Worksheet, rowNumber: number, headers: string[]) {
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    cell.numFmt = '@';
  });
  row.height = 32;
}

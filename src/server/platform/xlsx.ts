/**
 * Spreadsheet helpers any module's .xlsx export or import can use (exceljs): lazy loading, cell
 * values flattened, dates and money cells, the column type importers declare. Reading a workbook
 * for an import is the engine's (platform/imports/workbook.ts, table.ts, values.ts).
 */
import type ExcelJSType from 'exceljs';
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

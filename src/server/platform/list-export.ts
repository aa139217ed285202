/**
 * A list as people file it: one .xlsx with a title row ("企业库（导出日期：…，共 N 条）"), a header
 * row, one row per record and frozen panes. Every list export goes through here, so every export
 * shares the same safety: a text cell that a spreadsheet would read as a formula is defused.
 */
import type { Clock } from './clock.ts';
import { chinaToday } from './clock.ts';
import { loadExcel } from './xlsx.ts';
import { xlsxBuffer } from './xlsx-export.ts';
import type { DownloadFile } from './http/send-file.ts';

export type ExportCell = string | number | Date | null | undefined;

export interface ExportColumn<R> {
  header: string;
  /** Column width in characters. */
  width?: number;
  value: (row: R) => ExportCell;
  /** Excel number format, e.g. '#,##0.00' for 万元 amounts or 'yyyy-mm-dd' for dates. */
  numFmt?: string;
}

/**
 * OWASP CSV/formula injection: a cell that starts with = + - @ (or a tab or carriage return) runs
 * as a formula once someone edits it or saves as CSV. A leading apostrophe keeps it text. Numbers
 * are numbers and never prefixed.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** What a worker needs to write the workbook: plain data only (no functions, no clock). */
export interface ListSheetSpec {
  sheet: string;
  heading: string;
  columns: { header: string; width: number; numFmt?: string }[];
  cells: (string | number | Date | null)[][];
}

/** Rows above which the workbook is written in a worker thread, so the server keeps answering. */
export const workerRowThreshold = 2000;

export async function listWorkbook<R>(options: {
  /** The sheet's name and the title's first words: 企业库, 操作日志 … */
  title: string;
  fileName: string;
  columns: ExportColumn<R>[];
  rows: readonly R[];
  clock: Clock;
  /** Extra words for the title, e.g. the filter applied. */
  note?: string;
}): Promise<DownloadFile> {
  const { title, columns, rows, clock } = options;
  const cells: ListSheetSpec['cells'] = [];
  for (let i = 0; i < rows.length; i++) {
    // Hand the event loop back now and then: a 20k-row list must not stop every other request.
    if (i > 0 && i % 2000 === 0) await new Promise((r) => setImmediate(r));
    cells.push(
      columns.map((c) => {
        const value = c.value(rows[i]);
        if (value == null) return null;
        return typeof value === 'string' ? defuseFormula(value) : value;
      }),
    );
  }
  const spec: ListSheetSpec = {
    sheet: title.slice(0, 31),
    heading: `${title}（导出日期：${chinaToday(clock)}${options.note ? `，${options.note}` : ''}，共 ${rows.length} 条）`,
    columns: columns.map((c) => ({ header: c.header, width: c.width ?? 16, numFmt: c.numFmt })),
    cells,
  };
  const buffer = rows.length > workerRowThreshold ? await inWorker(spec, clock()) : await listSheetBuffer(spec, clock());
  return { buffer, fileName: options.fileName };
}

/** Writes the sheet in a worker thread (list-export.worker.ts) and hands the bytes back. */
async function inWorker(spec: ListSheetSpec, created: Date): Promise<Buffer> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./list-export.worker.mjs', import.meta.url), { workerData: { spec, created } });
  try {
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => code !== 0 && reject(new Error(`list export worker exited with ${code}`)));
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    void worker.terminate();
  }
}

/** The workbook itself: title row, header row, one row per record, frozen panes; through xlsxBuffer. */
export async function listSheetBuffer(spec: ListSheetSpec, created: Date): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  wb.created = created;
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = spec.columns.map((c, i) => ({ key: String(i), width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.mergeCells(1, 1, 1, Math.max(spec.columns.length, 1));
  const head = ws.getCell(1, 1);
  head.value = spec.heading;
  head.font = { bold: true, size: 14, name: '黑体' };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const header = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of spec.cells) ws.addRow(row);
  return xlsxBuffer(wb);
}

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
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  wb.created = clock();
  const ws = wb.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c, i) => ({ key: String(i), width: c.width ?? 16, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.mergeCells(1, 1, 1, Math.max(columns.length, 1));
  const head = ws.getCell(1, 1);
  head.value = `${title}（导出日期：${chinaToday(clock)}${options.note ? `，${options.note}` : ''}，共 ${rows.length} 条）`;
  head.font = { bold: true, size: 14, name: '黑体' };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of rows) {
    ws.addRow(
      columns.map((c) => {
        const value = c.value(row);
        if (value == null) return null;
        return typeof value === 'string' ? defuseFormula(value) : value;
      }),
    );
  }
  return { buffer: await xlsxBuffer(wb), fileName: options.fileName };
}

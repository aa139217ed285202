/**
 * A table the page already holds (a chart's dataset, a ranking) written to .xlsx in the browser.
 * Server-side exports go through platform/xlsx-export.ts; this is its counterpart for data that
 * never left the page, with the same rule: text a spreadsheet could read as a formula (= + - @, tab,
 * carriage return) gets a leading apostrophe. SheetJS is imported on first use, so it is never in a
 * page's first load.
 */
export interface ExportColumn {
  key: string;
  label: string;
}

export type ExportRow = Record<string, string | number | null | undefined>;

const formulaStart = /^[=+\-@\t\r]./s;
export const inertText = (text: string) => (formulaStart.test(text) ? `'${text}` : text);

/** The sheet as an array of arrays: the header row of labels, then one row per record (numbers stay numbers). */
export function sheetRows(columns: ExportColumn[], rows: ExportRow[]): (string | number | null)[][] {
  return [
    columns.map((c) => inertText(c.label)),
    ...rows.map((r) =>
      columns.map((c) => {
        const v = r[c.key];
        if (v === undefined || v === null) return null;
        return typeof v === 'number' ? v : inertText(String(v));
      }),
    ),
  ];
}

/** A file name without characters Windows refuses. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'export';

/** Builds the workbook (one sheet) and returns its bytes. */
export async function xlsxBytes(sheetName: string, columns: ExportColumn[], rows: ExportRow[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(sheetRows(columns, rows));
  ws['!cols'] = columns.map((c) => ({ wch: Math.max(8, Math.min(40, [...c.label].length * 2 + 2)) }));
  XLSX.utils.book_append_sheet(wb, ws, safeFileName(sheetName).slice(0, 31));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Writes the rows to `<fileName>.xlsx` and hands it to the browser as a download. */
export async function downloadXlsx(fileName: string, columns: ExportColumn[], rows: ExportRow[], sheetName = fileName): Promise<void> {
  const bytes = await xlsxBytes(sheetName, columns, rows);
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${safeFileName(fileName)}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

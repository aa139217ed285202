/**
 * The one way an export turns a workbook into bytes. Before writing, every text cell that a
 * spreadsheet could read as a formula or a command (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP's CSV-injection advice says: the cell stays text after a
 * user edits it or saves the sheet as CSV. test/xlsx-export.test.ts fails on any other
 * `xlsx.writeBuffer` in src/server.
 */
import type ExcelJSType from 'exceljs';

const formulaStart = /^[=+\-@\t\r]./s;

/** A text value made inert: `=SUM(A1)` → `'=SUM(A1)`; anything else unchanged. */
export const inertText = (text: string) => (formulaStart.test(text) ? `'${text}` : text);

function neutralise(value: ExcelJSType.CellValue): ExcelJSType.CellValue {
  if (typeof value === 'string') return inertText(value);
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText) && value.richText.length > 0) {
    const [first, ...rest] = value.richText;
    return { ...value, richText: [{ ...first, text: inertText(first.text) }, ...rest] };
  }
  if (value && typeof value === 'object' && 'hyperlink' in value && typeof value.text === 'string') return { ...value, text: inertText(value.text) };
  // Formulas the export wrote itself ({ formula }) are its own and stay.
  return value;
}

/** Neutralises every text cell of every sheet, then writes the .xlsx. */
export async function xlsxBuffer(workbook: ExcelJSType.Workbook): Promise<Buffer> {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === 6 /* Merge */) return;
        const next = neutralise(cell.value);
        if (next !== cell.value) cell.value = next;
      });
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

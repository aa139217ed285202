/**
 * Legacy .xls (BIFF5/8) and WPS .et workbooks, read by the maintained SheetJS build (@e965/xlsx,
 * with its code pages, so a GBK-era .xls keeps its Chinese) into the same shape as an .xlsx
 * (workbook.ts): values as Excel shows them (dates and months by number format, percentages as
 * "78.9%"), formulas by their cached value or marked, hidden rows and columns, merged ranges.
 * Loaded on first use: most servers never see an .xls.
 */
import { formatKind, percentText, serialDate, WorkbookError, type RawCell, type RawRow, type Workbook } from './workbook.ts';

type XLSXModule = typeof import('@e965/xlsx');
let loaded: Promise<XLSXModule> | undefined;
const load = () =>
  (loaded ??= (async () => {
    const XLSX = await import('@e965/xlsx');
    const cptable = await import('@e965/xlsx/dist/cpexcel.full.mjs');
    XLSX.set_cptable(cptable);
    return XLSX;
  })());

export async function openLegacy(file: Buffer): Promise<Workbook> {
  const XLSX = await load();
  let wb: import('@e965/xlsx').WorkBook;
  try {
    wb = XLSX.read(file, { type: 'buffer', cellDates: false, cellNF: true, cellFormula: true, dense: true, WTF: false });
  } catch (err) {
    throw new WorkbookError('not_xlsx', String((err as Error)?.message ?? err));
  }
  if (!wb.SheetNames.length) throw new WorkbookError('empty');
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return {
    format: 'xls',
    sheets: wb.SheetNames.map((name, index) => {
      const ws = wb.Sheets[name] as import('@e965/xlsx').WorkSheet & { '!data'?: (import('@e965/xlsx').CellObject | undefined)[][] };
      const hiddenColumns = new Set<number>();
      (ws['!cols'] ?? []).forEach((c, i) => c?.hidden && hiddenColumns.add(i + 1));
      const hiddenRows = new Set<number>();
      (ws['!rows'] ?? []).forEach((r, i) => r?.hidden && hiddenRows.add(i + 1));
      const merges = (ws['!merges'] ?? []).map((m) => ({
        ref: `${XLSX.utils.encode_cell(m.s)}:${XLSX.utils.encode_cell(m.e)}`,
        top: m.s.r + 1,
        left: m.s.c + 1,
        bottom: m.e.r + 1,
        right: m.e.c + 1,
      }));
      const state = wb.Workbook?.Sheets?.[index]?.Hidden ?? 0;
      return {
        index,
        name,
        hidden: state !== 0,
        hiddenColumns,
        merges,
        async *rows(): AsyncGenerator<RawRow> {
          const data = ws['!data'] ?? [];
          for (let r = 0; r < data.length; r++) {
            const row = data[r];
            if (!row) continue;
            const cells: RawCell[] = [];
            for (let c = 0; c < row.length; c++) {
              const cell = row[c];
              if (!cell) continue;
              const v = cellOf(cell, date1904);
              if (v !== null) cells[c + 1] = v;
            }
            yield { r: r + 1, hidden: hiddenRows.has(r + 1), cells };
          }
        },
      };
    }),
  };
}

function cellOf(cell: import('@e965/xlsx').CellObject, date1904: boolean): RawCell {
  if (cell.v === undefined || cell.v === null) return cell.f ? { mark: 'formula_no_value', text: cell.f } : null;
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return { mark: 'error', text: cell.w ?? String(cell.v) };
    case 'd':
      return cell.v instanceof Date ? new Date(Date.UTC(cell.v.getFullYear(), cell.v.getMonth(), cell.v.getDate())) : String(cell.v);
    case 'n': {
      const n = Number(cell.v);
      const kind = typeof cell.z === 'string' ? formatKind(cell.z) : null;
      if (kind === 'date' || kind === 'month') {
        const d = serialDate(n, date1904);
        if (!d) return n;
        return kind === 'month' ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      }
      if (kind === 'percent') return `${percentText(n)}%`;
      return n;
    }
    default:
      return cell.w ?? String(cell.v);
  }
}

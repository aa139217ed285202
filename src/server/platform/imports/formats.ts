/**
 * Which reader a file needs, by its bytes (not its name): an .xlsx (zip), a legacy .xls / WPS .et
 * (OLE2 compound file, read by the maintained SheetJS build), or .csv text in UTF-8 or GB18030.
 * Every reader answers the same Workbook shape (workbook.ts), so the table finder is one.
 */
import iconv from 'iconv-lite';
import { isZip, openXlsx, WorkbookError, type RawCell, type RawRow, type Workbook } from './workbook.ts';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function openWorkbook(file: Buffer, fileName = ''): Promise<Workbook> {
  if (isZip(file)) return openXlsx(file);
  if (file.length >= 8 && file.subarray(0, 8).equals(OLE2)) {
    const { openLegacy } = await import('./legacy.ts');
    return openLegacy(file);
  }
  if (/\.(csv|txt)$/i.test(fileName) || looksLikeText(file)) return openCsv(file, fileName);
  throw new WorkbookError('not_xlsx');
}

function looksLikeText(file: Buffer): boolean {
  const head = file.subarray(0, 4096);
  if (!head.length) return false;
  for (const b of head) if (b === 0) return false;
  return head.includes(0x2c) || head.includes(0x09);
}

/** UTF-8 (with or without BOM) when it decodes cleanly, else GB18030 (which covers GBK and GB2312). */
export function decodeText(file: Buffer): string {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) return file.subarray(3).toString('utf8');
  if (file[0] === 0xff && file[1] === 0xfe) return iconv.decode(file.subarray(2), 'utf16le');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(file);
  } catch {
    return iconv.decode(file, 'gb18030');
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes); a tab-separated file too. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function openCsv(file: Buffer, fileName: string): Workbook {
  const rows = parseCsv(decodeText(file));
  return {
    format: 'csv',
    sheets: [
      {
        index: 0,
        name: fileName.replace(/\.[^.]+$/, '') || 'csv',
        hidden: false,
        hiddenColumns: new Set(),
        merges: [],
        async *rows(): AsyncGenerator<RawRow> {
          for (let i = 0; i < rows.length; i++) {
            const cells: RawCell[] = [];
            rows[i].forEach((v, c) => {
              if (v !== '') cells[c + 1] = v;
            });
            yield { r: i + 1, hidden: false, cells };
          }
        },
      },
    ],
  };
}

/**
 * The workbook reader never changes data quietly: 100,000 rows of Chinese text come back cell for
 * cell (the exceljs stream reader garbled characters on chunk boundaries); formulas read their cached
 * value, or are marked when they have none; a cell without `r` is the next one; a zip bomb is refused
 * before it is inflated (and a directory that lies about sizes is caught while inflating); an empty or
 * truncated file is "not a workbook", not a crash. CSV in UTF-8 and GB18030.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from './formats.ts';
import { formatKind, openXlsx, percentText, WorkbookError, type RawCell } from './workbook.ts';

async function allRows(file: Buffer, fileName = 'x.xlsx') {
  const wb = await openWorkbook(file, fileName);
  const out: { r: number; cells: RawCell[] }[] = [];
  for await (const row of wb.sheets[0].rows()) out.push(row);
  return out;
}

/** A minimal .xlsx from raw sheet XML (shared strings optional). */
async function rawXlsx(sheetXml: string, shared: string[] = []) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  // Bytes, not strings: JSZip's own UTF-8 encoder splits characters outside the BMP on its chunk boundaries.
  zip.file('xl/sharedStrings.xml', Buffer.from(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`));
  zip.file('xl/worksheets/sheet1.xml', Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A zip of one entry whose bytes are deflated by zlib; `declared` is what the directory claims it inflates to. */
function zipOf(name: string, content: Buffer, declared = content.length) {
  const data = deflateRawSync(content, { level: 9 });
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe('the workbook reader', () => {
  it('reads 100,000 rows of Chinese text back cell for cell', async () => {
    const chars = '经开区重点项目调度表建设单位责任人包联领导形象进度存在问题晋中太原大同运城招商引资线索台账𠀀𪚥';
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (n: number) => Array.from({ length: n }, () => [...chars][Math.floor(rand() * [...chars].length)]).join('');
    const rows: string[][] = Array.from({ length: 100_000 }, (_, i) => [`${word(3 + (i % 17))}有限公司`, word(1 + (i % 40))]);
    // Written as raw XML: the exceljs writer itself breaks characters outside the BMP on its chunk boundaries.
    const shared: string[] = ['企业名称', '备注'];
    const xml: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'];
    rows.forEach((r, i) => {
      shared.push(r[0], r[1]);
      xml.push(`<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${shared.length - 2}</v></c><c r="B${i + 2}" t="s"><v>${shared.length - 1}</v></c></row>`);
    });
    const file = await rawXlsx(xml.join(''), shared);
    const read = await allRows(file);
    expect(read).toHaveLength(100_001);
    let differ = 0;
    for (let i = 0; i < rows.length; i++)
      if (read[i + 1].cells[1] !== rows[i][0] || read[i + 1].cells[2] !== rows[i][1]) {
        differ++;
      }
    expect(differ).toBe(0);
  }, 120_000);

  it('reads formulas by their cached value and marks one without a value; dates, months and percentages as Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow([1, 2, { formula: 'A1+B1', result: 3 }, { formula: 'A1*B1' }, { formula: 'A1&"x"', result: '1x' }]);
    const d = ws.addRow([new Date(Date.UTC(2026, 2, 5)), new Date(Date.UTC(2026, 7, 1)), 0.789, 0.42700000000000005, 46080]);
    d.getCell(1).numFmt = 'yyyy"年"m"月"d"日"';
    d.getCell(2).numFmt = 'yyyy"年"m"月"';
    d.getCell(3).numFmt = '0.0%';
    d.getCell(4).numFmt = '0.0%';
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const [first, second] = await allRows(file);
    expect(first.cells.slice(1)).toEqual([1, 2, 3, { mark: 'formula_no_value', text: 'A1*B1' }, '1x']);
    expect(second.cells[1]).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(second.cells.slice(2)).toEqual(['2026年8月', '78.9%', '42.700000000000005%', 46080]);
  });

  it('takes a cell without `r` as the one after the previous cell, and decodes entities and _xHHHH_ escapes', async () => {
    const file = await rawXlsx('<row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>A&amp;B_x000D_</t></is></c><c><v>12.5</v></c></row><row r="3"><c r="C3" t="s"><v>1</v></c></row>', ['项目', '第三列']);
    const rows = await allRows(file);
    expect(rows[0]).toMatchObject({ r: 1, cells: [undefined, '项目', 'A&B\r', 12.5] });
    expect(rows[1]).toMatchObject({ r: 3 });
    expect(rows[1].cells[3]).toBe('第三列');
  });

  it('refuses a zip bomb cheaply by its directory, and one whose directory lies while inflating', async () => {
    const big = Buffer.alloc(400 * 1024 * 1024, 0x61);
    const honest = zipOf('xl/worksheets/sheet1.xml', big);
    expect(honest.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    await expect(openXlsx(honest)).rejects.toMatchObject({ reason: 'too_large_inflated' });
    expect(Date.now() - started).toBeLessThan(5000);
    // The directory says 1 kB; inflating stops at the budget.
    const lying = zipOf('xl/workbook.xml', big, 1024);
    await expect(openXlsx(lying)).rejects.toMatchObject({ reason: 'too_large_inflated' });
  }, 60_000);

  it('answers "not a workbook" for a truncated, an empty or a foreign zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['a']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    for (const bad of [file.subarray(0, file.length / 2), Buffer.alloc(0), zipOf('hello.txt', Buffer.from('hi'))]) {
      const err = await openWorkbook(bad, 'x.xlsx').catch((e) => e);
      expect(err).toBeInstanceOf(WorkbookError);
      expect(['not_xlsx', 'empty']).toContain((err as WorkbookError).reason);
    }
  });

  it('reads .csv in UTF-8 (with or without BOM) and in GB18030', async () => {
    const text = '项目名称,总投资\r\n"晋中""智能""农机, 一期",12000\r\n中药配方颗粒,"1,200"\r\n';
    for (const file of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), iconv.encode(text, 'gb18030')]) {
      const rows = await allRows(file, 'x.csv');
      expect(rows.map((r) => r.cells.slice(1))).toEqual([
        ['项目名称', '总投资'],
        ['晋中"智能"农机, 一期', '12000'],
        ['中药配方颗粒', '1,200'],
      ]);
    }
  });

  it('knows number formats and shifts percentages without residue', () => {
    expect(formatKind('yyyy-mm-dd')).toBe('date');
    expect(formatKind('yyyy"年"m"月"')).toBe('month');
    expect(formatKind('0.0%')).toBe('percent');
    expect(formatKind('#,##0.00')).toBe(null);
    expect(formatKind('[h]:mm:ss')).toBe('time');
    expect(percentText(0.789)).toBe('78.9');
    expect(percentText(0.5)).toBe('50');
    expect(percentText(1.25)).toBe('125');
    expect(percentText(0.001)).toBe('0.1');
  });
});

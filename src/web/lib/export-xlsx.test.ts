import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { safeFileName, sheetRows, xlsxBytes } from './export-xlsx';

const columns = [
  { key: 'name', label: '项目' },
  { key: 'amount', label: '金额（万元）' },
];

describe('export-xlsx', () => {
  it('writes the header of labels and the rows, numbers as numbers, formula-looking text inert', async () => {
    const rows = [
      { name: '新能源电池', amount: 12000 },
      { name: '=HYPERLINK("x")', amount: null },
    ];
    expect(sheetRows(columns, rows)).toEqual([
      ['项目', '金额（万元）'],
      ['新能源电池', 12000],
      [`'=HYPERLINK("x")`, null],
    ]);
    const wb = XLSX.read(await xlsxBytes('投资/计划', columns, rows), { type: 'array' });
    expect(wb.SheetNames).toEqual(['投资_计划']);
    const back = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['投资_计划']!, { header: 1, defval: null });
    expect(back).toEqual([
      ['项目', '金额（万元）'],
      ['新能源电池', 12000],
      [`'=HYPERLINK("x")`, null],
    ]);
    expect(wb.Sheets['投资_计划']!.B2!.t).toBe('n');
  });

  it('file names lose the characters Windows refuses', () => {
    expect(safeFileName('驾驶舱: 1/2月?')).toBe('驾驶舱_ 1_2月_');
  });
});

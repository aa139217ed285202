/**
 * A big list export is written in a worker thread (issue 17: exports must not block the event loop):
 * the main thread keeps turning while 5,000 rows become an .xlsx, and the file is the same people
 * file as a small one (title, header, rows, formula-looking text defused).
 */
import { describe, expect, it } from 'vitest';
import { listWorkbook, workerRowThreshold } from './list-export.ts';
import { loadExcel } from './xlsx.ts';

const clock = () => new Date('2026-11-18T02:00:00Z');
const columns = [
  { header: '名称', value: (r: { name: string; n: number; f: string }) => r.name },
  { header: '数量', value: (r: { name: string; n: number; f: string }) => r.n },
  { header: '备注', value: (r: { name: string; n: number; f: string }) => r.f },
];

async function rowsOf(buffer: Uint8Array) {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.worksheets[0];
  return { count: ws.rowCount, title: ws.getCell(1, 1).value, first: [1, 2, 3].map((c) => ws.getCell(3, c).value), formula: ws.getCell(10, 3).value };
}

describe('list export of many rows', () => {
  it('is written off the main thread, which keeps turning meanwhile; the file is the same as inline', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `企业${i}`, n: i, f: i % 7 === 0 ? '=HYPERLINK("x")' : '正常' }));
    expect(rows.length).toBeGreaterThan(workerRowThreshold);
    let turns = 0;
    let exporting = true;
    const spin = async () => {
      while (exporting) {
        turns++;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const spinning = spin();
    const big = await listWorkbook({ title: '测试清单', fileName: 'x.xlsx', rows, clock, columns });
    exporting = false;
    await spinning;
    // The main thread ran other work many times while the workbook was built and zipped.
    expect(turns).toBeGreaterThan(10);
    const read = await rowsOf(big.buffer);
    expect(read.count).toBe(5002);
    expect(read.title).toBe('测试清单（导出日期：2026-11-18，共 5000 条）');
    expect(read.first).toEqual(['企业0', 0, "'=HYPERLINK(\"x\")"]);
    const small = await rowsOf((await listWorkbook({ title: '测试清单', fileName: 'x.xlsx', rows: rows.slice(0, 10), clock, columns })).buffer);
    expect(small.first).toEqual(read.first);
    // A worker thread that loads ExcelJS (through tsx in tests) and zips 5,000 rows, then the file read
    // back twice: on a busy 2-core machine that is well past the default 30 s.
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { buildLead } from '../modules/leads/leads.factories.ts';
import { loadExcel } from './xlsx.ts';
import { inertText, xlsxBuffer } from './xlsx-export.ts';

const hostile = ['=HYPERLINK("http://evil.example","点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];

describe('exports: text a spreadsheet could run stays text (OWASP CSV injection)', () => {
  it('prefixes = + - @ tab CR with an apostrophe; numbers, formulas the export wrote, plain text unchanged', async () => {
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow([...hostile, -5, '正常文本', { formula: 'SUM(G1:G1)' }, { richText: [{ text: '=1+1' }, { text: ' 后面' }] }]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await xlsxBuffer(wb)) as never);
    const values = read.worksheets[0].getRow(1).values as unknown[];
    // (XML reads a stored CR back as LF.)
    expect(values.slice(1, 7)).toEqual(hostile.map((h) => `'${h.replace('\r', '\n')}`));
    expect(values[7]).toBe(-5);
    expect(values[8]).toBe('正常文本');
    expect((values[9] as { formula: string }).formula).toBe('SUM(G1:G1)');
    expect((values[10] as { richText: { text: string }[] }).richText[0].text).toBe("'=1+1");
    expect(inertText('a=b')).toBe('a=b');
    expect(inertText('-')).toBe('-'); // a lone sign (an empty cell's dash) is not a formula
  });

  it('no export writes a workbook any other way (every xlsx.writeBuffer in src/server goes through xlsxBuffer)', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$|\.bench\.ts$/.test(e.name) && !p.endsWith('xlsx-export.ts') && /xlsx\.writeBuffer\(|xlsx\.write\(/.test(fs.readFileSync(p, 'utf8')))
          offenders.push(path.relative(root, p));
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});

describe('the lead ledger export, end to end', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('a lead named like a formula is exported with the apostrophe', async () => {
    const officer = await ctx.login('officer');
    await buildLead(officer, { name: '=HYPERLINK("http://evil.example","台账")' });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/exports/lead-ledger.xlsx', headers: { cookie: officer.cookie! } });
    expect(res.statusCode).toBe(200);
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push(cell.value)));
    expect(texts).toContain('\'=HYPERLINK("http://evil.example","台账")');
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
  });
});

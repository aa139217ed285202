import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { enterpriseOperations } from '../../../contract/enterprises.ts';

let ctx: TestContext;
let officer: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
  const add = (name: string, capitalWan: string | null, industryCode: string | null, legalPerson?: string) =>
    officer.call(enterpriseOperations.create, { body: { name, noCreditCode: true, registeredCapitalWan: capitalWan, industryCode, legalPerson } });
  for (const res of await Promise.all([
    add('测列甲乙钢铁有限公司', '50000', '31'),
    add('测列丙丁电气机械有限公司', '1200', '38'),
    add('测列戊己软件有限公司', '300', '65'),
    add('测列庚辛新材料有限公司', null, '30', '=HYPERLINK("http://x.cn")'),
  ]))
    expect(res.status).toBe(201);
});
afterAll(() => ctx.close());

const list = (query: Record<string, unknown>) => officer.call(enterpriseOperations.list, { query: { pageSize: 100, ...query } });

describe('企业库 list: sort, industry filter, export of the filter', () => {
  it('sorts by registered capital, largest first, those without capital last', async () => {
    const res = await list({ q: '测列', sort: 'registeredCapital', order: 'desc' });
    expect(res.status).toBe(200);
    const names = res.body.items.map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['测列甲乙钢铁有限公司', '测列丙丁电气机械有限公司', '测列戊己软件有限公司']);
    expect(names.at(-1)).toBe('测列庚辛新材料有限公司');
    const asc = await list({ q: '测列', sort: 'registeredCapital', order: 'asc' });
    expect(asc.body.items.map((e) => e.name)[0]).toBe('测列戊己软件有限公司');
    expect(asc.body.items.map((e) => e.name).at(-1)).toBe('测列庚辛新材料有限公司');
  });

  it('filters by a GB/T 4754 section (C: manufacturing) or a division', async () => {
    const manufacturing = await list({ q: '测列', industry: 'C' });
    expect(manufacturing.body.items.map((e) => e.name).sort()).toEqual(['测列丙丁电气机械有限公司', '测列庚辛新材料有限公司', '测列甲乙钢铁有限公司'].sort());
    expect(manufacturing.body.total).toBe(3);
    const electrical = await list({ q: '测列', industry: '38' });
    expect(electrical.body.items.map((e) => e.name)).toEqual(['测列丙丁电气机械有限公司']);
    const bad = await list({ industry: 'manufacturing' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('querystring.industry');
  });

  it('exports exactly the filtered rows, titled with the date and count, a formula-looking cell kept as text', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/enterprises/export.xlsx?q=%E6%B5%8B%E5%88%97&industry=C&sort=registeredCapital&order=desc', headers: { cookie: officer.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/^企业库（导出日期：\d{4}-\d{2}-\d{2}，搜索“测列”，行业 C 制造业，共 3 条）$/);
    expect(ws.getRow(2).values).toContain('注册资本（万元）');
    const rows = [3, 4, 5].map((r) => ws.getRow(r).values as unknown[]);
    expect(rows.map((r) => r[1])).toEqual(['测列甲乙钢铁有限公司', '测列丙丁电气机械有限公司', '测列庚辛新材料有限公司']);
    expect(rows[0][4]).toBe(50000);
    expect(rows[0][5]).toBe('C31 黑色金属冶炼和压延加工业');
    // OWASP: a leading apostrophe, so Excel never runs it once someone edits the cell or saves as CSV.
    expect(rows[2][3]).toBe(`'=HYPERLINK("http://x.cn")`);
  });
});

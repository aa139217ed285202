import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

const download = (client: Client, query = '') => ctx.app.inject({ method: 'GET', url: `/api/users/export.xlsx${query}`, headers: { cookie: client.cookie! } });

describe('用户管理 export', () => {
  it('exports the filtered accounts with role, zones and status in words, and nothing of their passwords', async () => {
    const res = await download(admin, '?role=investment_officer');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const header = ws.getRow(2).values as unknown[];
    expect(header.slice(1)).toEqual(['登录名', '姓名', '角色', '职务', '开发区', '电话', '类型', '状态', '最近登录（北京时间）']);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n > 2 && rows.push(row.values as unknown[]));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[3] === '招商专员')).toBe(true);
    const officer = rows.find((r) => r[1] === 'officer')!;
    expect(officer.slice(2, 4)).toEqual(['李婷', '招商专员']);
    expect(officer[5]).toBe('汾东经开区');
    expect(officer.slice(7, 9)).toEqual(['登录账号', '启用']);
    expect(String(ws.getCell(1, 1).value)).toContain(`共 ${rows.length} 条`);
  });

  it('is for those who manage users', async () => {
    const officer = await ctx.login('officer');
    expect((await download(officer)).statusCode).toBe(403);
  });
});

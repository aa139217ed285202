import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildProject } from '../projects/projects.factories.ts';

let ctx: TestContext;
let leader: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  leader = await ctx.login('leader');
});
afterAll(() => ctx.close());

const download = (client: Client, query: string) => ctx.app.inject({ method: 'GET', url: `/api/audit/export.xlsx${query}`, headers: { cookie: client.cookie! } });

describe('操作日志 export', () => {
  it('exports one record\'s history as filtered, newest first, in words: who, what, which fields', async () => {
    const officer = await ctx.login('projects');
    const created = await officer.post('/api/projects', buildProject({ name: '日志导出测试项目' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const updated = await officer.patch(`/api/projects/${created.body.id}`, { version: created.body.version, totalInvestmentWan: 14000 });
    expect(updated.status).toBe(200);

    const res = await download(leader, `?entityType=project&entityId=${created.body.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/^操作日志（导出日期：\d{4}-\d{2}-\d{2}，共 2 条）$/);
    const [update, create] = [3, 4].map((r) => ws.getRow(r).values as unknown[]);
    expect(update.slice(2, 6)).toEqual(['王磊', '修改项目', '项目', '日志导出测试项目']);
    expect(String(update[6])).toContain('总投资');
    expect(create[3]).toBe('新建项目');
    expect(String(update[1])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('is for those who may read the log', async () => {
    const officer = await ctx.login('officer');
    expect((await download(officer, '')).statusCode).toBe(403);
  });
});

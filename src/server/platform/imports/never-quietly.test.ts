/**
 * The engine never changes data quietly (issue 11 item 9), through its operations on the real
 * database: a value too long for its field is a row error, not a cut; a formula without a cached
 * value is reported, not imported as "[object Object]"; a zip bomb, an empty or truncated file is a
 * clear 400 leaving nothing behind; generated lead codes past 999 do not collide.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { testToday } from '../../../../test/clock.ts';

let ctx: TestContext;
let officer: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

const upload = (kind: string, file: Buffer) => uploadXlsx(ctx, officer, `/api/imports?kind=${kind}`, file);
const batches = () => ctx.rowCount('import_batches');

describe('never changing data quietly', () => {
  it('refuses a 40,000-character name and a 1,000,000-character cell instead of cutting them', async () => {
    const file = await buildXlsx(
      ['项目名称', '下一步工作'],
      [
        ['长'.repeat(40_000), null],
        ['超长下一步测试项目', '步'.repeat(1_000_000)],
        ['正常长度测试项目', '下周拜访'],
      ],
    );
    const res = await upload('leads', file);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 3, validRows: 1, errorRows: 2 });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toEqual([
      { row: 2, column: '项目名称', reason: '内容过长（不会被截断）：请缩短' },
      { row: 3, column: '下一步工作', reason: '内容过长（不会被截断）：请缩短' },
    ]);
  });

  it('reports a formula without a cached value in a mapped column, and reads one with a value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['企业名称', '注册资本（万元）']);
    ws.addRow(['公式测试甲有限公司', { formula: '100*3', result: 300 }]);
    ws.addRow(['公式测试乙有限公司', { formula: 'B2*2' }]);
    const res = await upload('enterprises', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 2, validRows: 1 });
    expect(res.body.errors).toEqual([{ row: 3, column: '注册资本（万元）', reason: '公式没有计算结果：请在 Excel 中打开并保存后再上传' }]);
  });

  it('answers a clear 400 for a zip bomb, an empty file and a truncated one, leaving nothing', async () => {
    const before = await batches();
    // 400 MB of one letter deflates to about 400 kB.
    const content = deflateRawSync(Buffer.alloc(400 * 1024 * 1024, 0x61), { level: 9 });
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(400 * 1024 * 1024, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(400 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + content.length, 16);
    const bomb = Buffer.concat([local, name, content, central, name, end]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await upload('enterprises', bomb);
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields[0]).toEqual({ field: 'file', reason: '文件解压后过大（可能是压缩炸弹）' });

    const good = await buildXlsx(['企业名称'], [['截断测试有限公司']]);
    for (const bad of [good.subarray(0, Math.floor(good.length / 2)), Buffer.alloc(0), await buildXlsx(['企业名称'], [])]) {
      const res = await upload('enterprises', bad);
      expect(res.status).toBe(400);
      expect(res.body.details.fields[0].field).toBe('file');
    }
    expect(await batches()).toBe(before);
  });

  it('generates lead codes past 999 without a collision', async () => {
    const [zone] = await ctx.database.query<{ id: string; code: string }>(
      `select z.id, z.code from zones z join user_zones uz on uz.zone_id = z.id join users u on u.id = uz.user_id where u.username = 'officer' limit 1`,
    );
    // Codes carry the year of the day they are made (the test clock's), e.g. FDETDZ-2026-0999.
    const prefix = `${zone.code}-${testToday.slice(0, 4)}-`;
    await ctx.database.query(`insert into leads (zone_id, code, name, method) values ($1, $2, '编号999测试线索', 'other')`, [zone.id, `${prefix}999`]);
    const file = await buildXlsx(['项目名称'], [['编号溢出测试一'], ['编号溢出测试二']]);
    const staged = await upload('leads', file);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    const done = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const codes = await ctx.database.query<{ code: string }>(`select code from leads where zone_id = $1 and name like '编号溢出测试%' order by code`, [zone.id]);
    expect(codes.map((c) => c.code)).toEqual([`${prefix}1000`, `${prefix}1001`]);
  });
});

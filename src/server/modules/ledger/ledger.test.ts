import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { pipelineCreditCode } from '../leads/leads.seed.ts';
import { ledgerColumns } from './ledger.columns.ts';

let ctx: TestContext;
let officer: Client;
const fendong = demoId('zone:fendong');

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);

async function exportLedger(client: Client = officer, query = '') {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/exports/lead-ledger.xlsx${query}`, headers: { cookie: client.cookie! } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}

async function sheetOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb.worksheets[0];
}

/** The ledger's data rows as plain values (dates as YYYY-MM-DD), sorted by code. */
async function ledgerRows(buffer: Buffer) {
  const ws = await sheetOf(buffer);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    rows.push(
      ledgerColumns.map((_, i) => {
        const v = row.getCell(i + 1).value;
        return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
      }),
    );
  });
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe('the lead ledger export', () => {
  it('is an .xlsx with a merged title row, Chinese headers, a frozen header and 万元 formats', async () => {
    const ws = await sheetOf(await exportLedger());
    expect(String(ws.getCell(1, 1).value)).toContain('招商线索台账');
    expect(ws.model.merges).toContain(`A1:${ws.getColumn(ledgerColumns.length).letter}1`);
    expect(ws.getRow(2).values).toEqual([undefined, ...ledgerColumns.map((c) => c.header)]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const money = ledgerColumns.findIndex((c) => c.key === 'plannedInvestment') + 1;
    const chip = ws.getRows(3, ws.rowCount - 2)!.find((r) => r.getCell(2).value === '车规级芯片封装测试项目')!;
    expect(chip.getCell(money).value).toBe(26000);
    expect(chip.getCell(money).numFmt).toContain('#,##0');
    expect(chip.getCell(4).value).toBe(pipelineCreditCode('xinghe', '440300'));
    expect(chip.getCell(11).value).toBe('正式签约');
    // Only the caller's zones: 河津's lead is not in 汾东's ledger.
    const names: unknown[] = [];
    ws.eachRow((r) => names.push(r.getCell(2).value));
    expect(names).not.toContain('电池铝箔项目');
  });

  it('filters like the lead table', async () => {
    const ws = await sheetOf(await exportLedger(officer, '?stage=signed'));
    expect(ws.rowCount).toBe(2 + 2);
  });
});

describe('the lead ledger import', () => {
  it('re-importing an exported ledger reproduces the same data', async () => {
    const original = await exportLedger();
    const before = await ledgerRows(original);
    expect(before.length).toBeGreaterThan(10);
    // Empty the zone's pipeline, then bring it back from the spreadsheet alone.
    // Rows of other modules that point at the zone's leads (campaign entries, projects …) let go first.
    const refs = await ctx.database.query<{ t: string; col: string; nn: boolean }>(`select c.conrelid::regclass::text as t, a.attname as col, a.attnotnull as nn
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'public.leads'::regclass`);
    for (const r of refs) {
      const where = `"${r.col}" in (select id from leads where zone_id = $1)`;
      await ctx.database.query(r.nn ? `delete from ${r.t} where ${where}` : `update ${r.t} set "${r.col}" = null where ${where}`, [fendong]);
    }
    for (const t of ['agreements', 'activities', 'lead_files', 'lead_events', 'lead_partners'])
      await ctx.database.query(`delete from ${t} where zone_id = $1`, [fendong]);
    await ctx.database.query('delete from leads where zone_id = $1', [fendong]);
    const enterprisesBefore = await count('enterprises');

    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', original, '招商线索台账.xlsx');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ status: 'staged', totalRows: before.length, validRows: before.length, errorCount: 0 });
    expect(await count('leads where zone_id = ' + `'${fendong}'`)).toBe(0);
    const committed = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.committed).toMatchObject({ leadsCreated: before.length, enterprisesCreated: 0 });
    expect(await count('enterprises')).toBe(enterprisesBefore);
    expect(await ledgerRows(await exportLedger())).toEqual(before);
    const events = await ctx.database.query<{ kind: string }>('select distinct kind from lead_events where zone_id = $1', [fendong]);
    expect(events.map((e) => e.kind)).toEqual(['imported']);
  });

  it('reports row errors with row, column and reason; "all" refuses, "valid rows" imports only those', async () => {
    const header = ['线索编号', '项目名称', '投资方', '统一社会信用代码', '招商方式', '计划投资（亿元）', '推进阶段', '状态', '负责人', '首次接洽'];
    const good = pipelineCreditCode('import-good', '320500');
    const file = await buildXlsx(
      header,
      [
        ['IMP-001', '导入项目一', '苏州导入测试有限公司', good, '产业链招商', 1.5, '意向', '正常', '李婷', '2026年3月5日'],
        ['IMP-002', '导入项目二', '深圳星河微电子有限公司', null, '以商招商', '0.8', '接洽', '正常', null, new Date('2026-02-01T00:00:00Z')],
        ['IMP-003', '坏信用代码', '某公司', '91440300708461136A', '产业链招商', 1, '线索', '正常', null, null],
        ['IMP-004', '坏负责人', null, null, '飞鸽传书', 'abc', '火星', '流失', '张三', '2026-13-45'],
        ['IMP-001', '重复编号', null, null, null, null, null, null, null, null],
        ['IMP-006', '同投资方', '苏州导入测试股份有限公司', null, null, null, null, null, null, null],
      ],
      { title: '某开发区招商线索台账' },
    );
    const before = { leads: await count('leads'), enterprises: await count('enterprises') };
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', file);
    expect(staged.status).toBe(201);
    expect(staged.body).toMatchObject({ totalRows: 6, validRows: 3 });
    const errors = staged.body.errors as { row: number; column: string; reason: string }[];
    expect(errors).toContainEqual({ row: 5, column: '统一社会信用代码', reason: '统一社会信用代码校验位不正确，请核对' });
    expect(
      errors
        .filter((e) => e.row === 6)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['招商方式', '计划投资（亿元）', '推进阶段', '状态说明', '流失去向', '首次接洽'].sort());
    // An owner the zone does not have is not a refusal: listed once, the lead left without owner.
    expect(staged.body.names).toContainEqual({ field: 'owner', text: '张三', rows: 1, resolution: 'text', matchName: null });
    expect(errors).toContainEqual({ row: 7, column: '线索编号', reason: '与表格中前面的行重复' });
    expect(staged.body.columns).toContainEqual(expect.objectContaining({ header: '计划投资（亿元）', field: 'plannedInvestment' }));

    const all = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' });
    expect(all.status).toBe(400);
    expect(all.body.details.fields[0].field).toBe('mode');
    expect({ leads: await count('leads'), enterprises: await count('enterprises') }).toEqual(before);

    const valid = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' });
    expect(valid.status).toBe(200);
    // One new investor for rows 1 and 6 (same normalised name), 星河 matched by name.
    expect(valid.body.committed).toEqual({ leadsCreated: 3, enterprisesCreated: 1, enterprisesMatched: 1 });
    const imported = (await officer.get('/api/leads?q=IMP-00&sort=code&order=asc')).body.items;
    expect(imported.map((l: { code: string }) => l.code)).toEqual(['IMP-001', 'IMP-002', 'IMP-006']);
    expect(imported[0]).toMatchObject({
      plannedInvestmentYuan: 150_000_000,
      stage: 'intent',
      ownerName: '李婷',
      firstContactOn: '2026-03-05',
      enterpriseCreditCode: good,
    });
    expect(imported[2].enterpriseId).toBe(imported[0].enterpriseId);
    expect(imported[1].enterpriseId).toBe(demoId('pipeline-enterprise:xinghe'));
    expect((await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' })).status).toBe(400);
  });

  it('refuses wrong headers, a non-xlsx file and an empty sheet, leaving nothing behind', async () => {
    const batches = await count('import_batches');
    const wrong = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await buildXlsx(['姓名', '年龄'], [['张三', 30]]));
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields[0].field).toBe('file');
    const garbage = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', Buffer.from('not a spreadsheet'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.details.fields[0]).toEqual({ field: 'file', reason: '不是有效的 .xlsx 文件' });
    const empty = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await buildXlsx(['项目名称', '招商方式'], []));
    expect({ status: empty.status, field: empty.body.details?.fields?.[0]?.field, body: empty.body }).toMatchObject({ status: 400, field: 'file' });
    expect(await count('import_batches')).toBe(batches);
    const viewer = await ctx.login('viewer');
    expect((await uploadXlsx(ctx, viewer, '/api/imports?kind=leads', await buildXlsx(['项目名称'], [['x']]))).status).toBe(403);
  });

  it('imports enterprises with contacts, deduplicating against existing ones; discard writes nothing', async () => {
    const c1 = pipelineCreditCode('ent-import-1', '140802');
    const file = await buildXlsx(
      ['企业名称', '统一社会信用代码', '法定代表人', '注册资本（万元）', '所属行业', '行政区划代码', '联系人', '联系电话'],
      [
        ['运城导入测试一有限公司', c1, '王一', 500, 'C39', '140802', '赵六', '13800000000'],
        ['深圳星河微电子股份有限公司', pipelineCreditCode('xinghe', '440300'), null, null, '制造业', null, null, null],
        ['运城导入测试二有限公司', c1, null, null, null, null, null, null],
        ['运城导入测试三有限公司', null, null, null, '99 不存在', null, null, null],
      ],
    );
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=enterprises', file);
    expect(staged.body).toMatchObject({ totalRows: 4, validRows: 2, errorCount: 2 });
    expect(staged.body.errors).toEqual([
      { row: 4, column: '统一社会信用代码', reason: '与表格中前面的行重复' },
      { row: 5, column: '所属行业', reason: '行业代码不在国民经济行业分类（GB/T 4754）门类或大类中' },
    ]);
    const discarded = await officer.post(`/api/imports/${staged.body.id}/discard`, {});
    expect(discarded.body.status).toBe('discarded');
    expect((await officer.get(`/api/enterprises?q=${c1}`)).body.total).toBe(0);

    const again = await uploadXlsx(ctx, officer, '/api/imports?kind=enterprises', file);
    const committed = await officer.post(`/api/imports/${again.body.id}/commit`, { mode: 'valid' });
    expect(committed.body.committed, JSON.stringify(committed.body)).toMatchObject({ enterprisesCreated: 1, enterprisesMatched: 1 });
    const found = (await officer.get(`/api/enterprises?q=${c1}`)).body.items[0];
    expect(found).toMatchObject({ name: '运城导入测试一有限公司', registeredCapitalYuan: 5_000_000, industryCode: '39' });
    const page = (await officer.get(`/api/enterprises/${found.id}/page`)).body;
    expect(page.contacts).toEqual([expect.objectContaining({ name: '赵六', phone: '13800000000' })]);
    expect((await officer.get(`/api/imports/${again.body.id}/progress`)).body).toEqual({ phase: 'done', rowsRead: 4 });
  });
});

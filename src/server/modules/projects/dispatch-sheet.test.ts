import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { dispatchColumns, type DispatchKey } from './dispatch-sheet.columns.ts';
import { DISPATCH_MAX_ROWS } from './dispatch-sheet.importer.ts';
import { fendong, hejin, lastMonth } from './projects.factories.ts';

let ctx: TestContext;
let officer: Client;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);
const footprint = async () => ({
  projects: await count('projects'),
  reports: await count('progress_reports'),
  plans: await count('project_annual_plans'),
  enterprises: await count('enterprises'),
  // Staging an upload audits itself (import.stage); only the commit touches the records.
  audit: await count(`audit_log where action not like 'import.%'`),
});
const col = (key: DispatchKey) => dispatchColumns.findIndex((c) => c.key === key) + 1;

async function exportSheet(client: Client, zoneId: string, period: string) {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/exports/project-dispatch.xlsx?zoneId=${zoneId}&period=${period}`,
    headers: { cookie: client.cookie! },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}
async function sheetOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb.worksheets[0];
}
/** The data rows as plain values keyed by column, sorted by project name. */
async function rowsOf(buffer: Buffer, keys: DispatchKey[]) {
  const ws = await sheetOf(buffer);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n <= 3) return;
    rows.push(Object.fromEntries(keys.map((k) => [k, row.getCell(col(k)).value ?? null])));
  });
  return rows.sort((a, b) => String(a.name).localeCompare(String(b.name)));
}
/** One upload: the sheet is checked and staged; the answer is the preview. */
const preview = (client: Client, zoneId: string, period: string, file: Buffer) =>
  uploadXlsx(ctx, client, `/api/imports?kind=project-dispatch&zoneId=${zoneId}&period=${period}`, file);
/** Upload, then commit the staged rows (a refused upload is answered as is). */
const commit = async (client: Client, zoneId: string, period: string, file: Buffer, mode: 'all' | 'valid') => {
  const staged = await preview(client, zoneId, period, file);
  if (staged.status !== 201) return staged;
  return client.post(`/api/imports/${staged.body.id}/commit`, { mode });
};

const header = [
  '项目名称',
  '建设单位',
  '总投资（万元）',
  '年度计划投资（万元）',
  '本期完成投资（万元）',
  '年度累计完成（万元）',
  '自开工累计完成（万元）',
  '责任单位',
  '包联领导',
];

describe('dispatch sheet export', () => {
  it('has a merged title with zone and period, Chinese headers, a frozen header, 万元 numbers and flag fills', async () => {
    const period = lastMonth().start;
    const ws = await sheetOf(await exportSheet(officer, fendong, period));
    const title = String(ws.getCell(1, 1).value);
    expect(title).toContain('重点项目调度表');
    expect(title).toContain(`${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`);
    expect(ws.model.merges).toContain(`A1:${ws.getColumn(dispatchColumns.length).letter}1`);
    expect(ws.getRow(3).values).toEqual([undefined, ...dispatchColumns.map((c) => c.header)]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const rows = await rowsOf(await exportSheet(officer, fendong, period), ['name', 'total', 'flag', 'zone', 'sinceStart', 'ytd', 'periodDone']);
    const fendongCount = Number((await ctx.database.query<{ n: string }>('select count(*) as n from projects where zone_id = $1', [fendong]))[0].n);
    expect(rows).toHaveLength(fendongCount);
    expect(new Set(rows.map((r) => r.zone))).toEqual(new Set(['汾东经济技术开发区']));
    // Money in 万元, exactly: compare with the stored yuan.
    const [stored] = await ctx.database.query<{ name: string; total_investment_yuan: string }>(
      'select name, total_investment_yuan from projects where zone_id = $1 order by name limit 1',
      [fendong],
    );
    expect(rows.find((r) => r.name === stored.name)!.total).toBe(Number(stored.total_investment_yuan) / 10_000);
    for (const r of rows) expect(['绿灯', '黄灯', '红灯']).toContain(r.flag);
    const redRow = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(col('flag')).value === '红灯');
    if (redRow) expect((redRow.getCell(col('flag')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell(4, col('total')).numFmt).toContain('#,##0');
    // The figures follow from the reports: YTD ≤ since start, this period ≤ YTD.
    for (const r of rows) {
      expect(Number(r.ytd ?? 0)).toBeLessThanOrEqual(Number(r.sinceStart ?? 0));
      expect(Number(r.periodDone ?? 0)).toBeLessThanOrEqual(Number(r.ytd ?? 0));
    }
  });

  it("refuses a zone outside the caller's scope and a viewer's import", async () => {
    const res = await officer.get(`/api/exports/project-dispatch.xlsx?zoneId=${hejin}`);
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0].field).toBe('zoneId');
    const viewer = await ctx.login('viewer');
    expect((await preview(viewer, fendong, lastMonth().start, await buildXlsx(header, [['x项目', null, 1]]))).status).toBe(403);
  });
});

describe('dispatch sheet import', () => {
  it('re-imports an exported sheet into an empty zone to the same data', async () => {
    const period = lastMonth().start;
    // An empty zone with the same departments and people as 汾东.
    const [{ id: empty }] = await ctx.database.query<{ id: string }>(
      `insert into zones (code, name, short_name, kind, region_code, report_period)
       select 'EMPTY01', '空白测试开发区', '空白区', kind, region_code, report_period from zones where id = $1 returning id`,
      [fendong],
    );
    await ctx.database.query(`insert into departments (zone_id, name, kind) select $1, name, kind from departments where zone_id = $2`, [empty, fendong]);
    await ctx.database.query(`insert into user_zones (user_id, zone_id) select user_id, $1 from user_zones where zone_id = $2`, [empty, fendong]);

    const original = await exportSheet(admin, fendong, period);
    const compared: DispatchKey[] = [
      'name',
      'investor',
      'creditCode',
      'nature',
      'level',
      'sector',
      'content',
      'years',
      'total',
      'annualPlan',
      'periodPlan',
      'periodDone',
      'ytd',
      'ytdPct',
      'sinceStart',
      'sinceStartPct',
      'progressText',
      'problems',
      'department',
      'officer',
      'leader',
    ];
    const before = await rowsOf(original, compared);
    expect(before.length).toBeGreaterThan(5);
    expect(before.some((r) => r.sinceStart && r.ytd && r.sinceStart !== r.ytd)).toBe(true);
    const enterprises = await count('enterprises');

    const checked = await preview(admin, empty, period, original);
    expect(checked.status, JSON.stringify(checked.body)).toBe(201);
    expect(checked.body).toMatchObject({ status: 'staged', totalRows: before.length, validRows: before.length, errorCount: 0, committed: null });
    expect(checked.body.plan).toMatchObject({ projectsCreated: before.length, projectsUpdated: 0, enterprisesCreated: 0 });
    expect(await count(`projects where zone_id = '${empty}'`)).toBe(0);

    const done = await commit(admin, empty, period, original, 'all');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'committed', committed: { projectsCreated: before.length } });
    expect(await count(`projects where zone_id = '${empty}'`)).toBe(before.length);
    expect(await count('enterprises')).toBe(enterprises);
    expect(await rowsOf(await exportSheet(admin, empty, period), compared)).toEqual(before);
    // Each new project has a stage event and an audit entry; its template plan is written on first
    // use, not by the import: none of the zone's projects has a node until it is opened.
    const [one] = await ctx.database.query<{ id: string; version: number }>('select id, version from projects where zone_id = $1 limit 1', [empty]);
    expect(await count(`project_milestones m join projects p on p.id = m.project_id where p.zone_id = '${empty}'`)).toBe(0);
    expect(await count(`projects where zone_id = '${empty}' and plan_pending`)).toBe(before.length);
    // Opened twice at once: one writes the zone's template, the other reads it; nothing doubles.
    const [detail, twice] = await Promise.all([admin.get(`/api/projects/${one.id}`), admin.get(`/api/projects/${one.id}`)]);
    const template = (await admin.get(`/api/project-templates?zoneId=${empty}`)).body;
    expect(detail.body.milestones.map((m: { name: string }) => m.name)).toEqual(template.milestones.map((m: { name: string }) => m.name));
    expect(detail.body.approvals.map((a: { name: string }) => a.name)).toEqual(template.approvals.map((a: { name: string }) => a.name));
    expect(twice.body.milestones).toEqual(detail.body.milestones);
    expect(await count(`project_milestones where project_id = '${one.id}'`)).toBe(template.milestones.length);
    expect(await count(`projects where zone_id = '${empty}' and plan_pending`)).toBe(before.length - 1);
    // Writing the template is not an edit: the project's version stays (the export below still matches).
    expect(detail.body.version).toBe(one.version);
    expect(await count(`audit_log where entity_id = '${one.id}' and action = 'project.create'`)).toBe(1);

    // Importing the same sheet again updates, never duplicates.
    const again = await commit(admin, empty, period, original, 'all');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.plan).toMatchObject({ projectsCreated: 0, projectsUpdated: before.length });
    expect(await count(`projects where zone_id = '${empty}'`)).toBe(before.length);
    expect(await rowsOf(await exportSheet(admin, empty, period), compared)).toEqual(before);
  });

  it("writes an imported project's pending plan when its stage changes, with the entered stage's node filled", async () => {
    const period = lastMonth().start;
    const done = await commit(officer, fendong, period, await buildXlsx(['项目名称', '建设单位', '总投资（万元）'], [['首次使用计划测试项目', '首次使用计划测试有限公司', 900]]), 'all');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const [p] = await ctx.database.query<{ id: string; version: number; plan_pending: boolean }>(`select id, version, plan_pending from projects where name = '首次使用计划测试项目'`);
    expect(p.plan_pending).toBe(true);
    const moved = await officer.post(`/api/projects/${p.id}/stage`, { version: p.version, stage: 'land', signedOn: '2026-09-01', landOn: '2026-10-15' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const detail = (await officer.get(`/api/projects/${p.id}`)).body;
    const template = (await officer.get(`/api/project-templates?zoneId=${fendong}`)).body;
    expect(detail.milestones).toHaveLength(template.milestones.length);
    expect(detail.milestones.find((m: { stage: string | null }) => m.stage === 'land')).toMatchObject({ actualOn: '2026-10-15' });
    expect(detail.milestones.filter((m: { actualOn: string | null }) => m.actualOn)).toHaveLength(1);
    expect(await count(`project_approvals where project_id = '${p.id}'`)).toBe(template.approvals.length);
    expect(await count(`projects where id = '${p.id}' and plan_pending`)).toBe(0);
  });

  it('names the missing columns of a sheet with wrong headers, and refuses a file that is not .xlsx', async () => {
    const period = lastMonth().start;
    const wrong = await preview(officer, fendong, period, await buildXlsx(['项目名称', '建设单位', '投资额'], [['某项目', '某公司', 100]]));
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.missingColumns).toEqual(['总投资（万元）']);
    expect(wrong.body.details.fields[0]).toEqual({ field: 'file', reason: '表头缺少必需的列：总投资（万元）' });
    const none = await preview(officer, fendong, period, await buildXlsx(['姓名', '年龄'], [['张三', 30]]));
    expect(none.body.details.missingColumns).toEqual(['项目名称', '总投资（万元）']);
    // Header variants: spaces, other units, other words.
    const variants = await preview(officer, fendong, period, await buildXlsx([' 项 目 名 称 ', '业主单位', '总投资(亿元)'], [['变体表头测试项目', null, 1.5]]));
    expect(variants.status, JSON.stringify(variants.body)).toBe(201);
    expect(variants.body.columns.map(({ header, field }: { header: string; field: string | null }) => ({ header, field }))).toEqual([
      { header: '项 目 名 称', field: 'name' },
      { header: '业主单位', field: 'investor' },
      { header: '总投资(亿元)', field: 'total' },
    ]);
    const garbage = await preview(officer, fendong, period, Buffer.from('not a spreadsheet'));
    expect(garbage.body.details.fields[0]).toEqual({ field: 'file', reason: '不是有效的 .xlsx 文件' });
    const empty = await preview(officer, fendong, period, await buildXlsx(header, []));
    expect(empty.body.details.fields[0].field).toBe('file');
  });

  it('reports row errors (row, column, reason); "all" writes nothing, "valid" writes only the valid rows', async () => {
    const period = lastMonth().start;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调度表');
    ws.addRow(['某开发区重点项目调度表']);
    ws.mergeCells('A1:I1');
    ws.addRow(header);
    ws.addRow(['导入新建项目甲', '山西导入测试甲有限公司', 5000, 1200, 100, 300, 800, '项目推进办公室', '张建国']); // 3: valid
    ws.addRow(['导入新建项目乙', null, '五千万', 1200, 'abc', null, null, null, null]); // 4: text in number columns
    ws.addRow(['导入新建项目丙', null, 3000, null, null, null, null, '不存在的局', '不存在的人']); // 5: unknown names: a department made, a person kept as written
    ws.addRow(['导入新建项目丁', null, 3000, null, 500, 100, 50, null, null]); // 6: figures out of order
    ws.addRow(['导入新建项目戊', null, 3000, null, null, null, null, null, null]); // 7: merged with 8 (8 gets its name: a duplicate)
    ws.addRow([null, null, 3000, null, null, null, null, null, null]);
    ws.mergeCells('A7:A8');
    ws.addRow(['导入新建项目甲', null, 1, null, null, null, null, null, null]); // 9: duplicate
    ws.addRow(['导入新建项目己', null, -5, null, null, null, null, null, null]); // 10: negative
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const checked = await preview(officer, fendong, period, file);
    expect(checked.status, JSON.stringify(checked.body)).toBe(201);
    expect(checked.body).toMatchObject({ totalRows: 8, validRows: 3, errorRows: 5 });
    const errs = checked.body.errors as { row: number; column: string; reason: string }[];
    expect(errs.filter((e) => e.row === 4).map((e) => e.column)).toEqual(['总投资（万元）', '本期完成投资（万元）']);
    expect(errs).toContainEqual({ row: 4, column: '总投资（万元）', reason: '数字格式不正确' });
    expect(errs.filter((e) => e.row === 5)).toEqual([]);
    expect(checked.body.names).toEqual([
      // An investor no enterprise matches is listed too: created by default, or mapped or left unlinked.
      { field: 'investor', text: '山西导入测试甲有限公司', rows: 1, resolution: 'create', matchName: null },
      { field: 'department', text: '不存在的局', rows: 1, resolution: 'create', matchName: null },
      { field: 'leader', text: '不存在的人', rows: 1, resolution: 'text', matchName: null },
    ]);
    expect(errs).toContainEqual({ row: 6, column: '年度累计完成（万元）', reason: '应满足：本期完成 ≤ 年度累计 ≤ 自开工累计' });
    // A vertically merged cell gives its value to every row it covers.
    expect(errs.filter((e) => e.row === 7)).toEqual([]);
    expect(errs).toContainEqual({ row: 8, column: '项目名称', reason: '与表格中前面的行重复' });
    expect(errs).toContainEqual({ row: 9, column: '项目名称', reason: '与表格中前面的行重复' });
    expect(errs).toContainEqual({ row: 10, column: '总投资（万元）', reason: '金额不能为负数' });

    const before = await footprint();
    const all = await commit(officer, fendong, period, file, 'all');
    expect(all.status).toBe(400);
    expect(all.body.details.fields[0].field).toBe('mode');
    expect(await footprint()).toEqual(before);

    const valid = await commit(officer, fendong, period, file, 'valid');
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body.plan).toEqual({ projectsCreated: 3, projectsUpdated: 0, enterprisesCreated: 1, reportsWritten: 3, departmentsCreated: 1 });
    const list = (await officer.get(`/api/projects?zoneId=${fendong}&q=导入新建项目甲`)).body.items;
    expect(list.map((p: { name: string }) => p.name)).toEqual(['导入新建项目甲']);
    const detail = (await officer.get(`/api/projects/${list[0].id}`)).body;
    expect(detail).toMatchObject({ totalInvestmentYuan: 50_000_000, investorName: '山西导入测试甲有限公司', leader: { name: '张建国' } });
    const here = detail.reports.find((r: { periodStart: string }) => r.periodStart === period);
    expect(here).toMatchObject({ investedYuan: 1_000_000, sinceStartYuan: 8_000_000 });
    const after = await footprint();
    expect(after.projects - before.projects).toBe(3);
  });

  it('updates a project matched by name; its cumulatives must agree with the reports already filed', async () => {
    const period = lastMonth().start;
    const rows = await rowsOf(await exportSheet(officer, fendong, period), ['name', 'ytd', 'sinceStart', 'total']);
    const target = rows.find((r) => Number(r.sinceStart) > Number(r.ytd ?? 0) && Number(r.ytd) > 0)!;
    expect(target).toBeDefined();
    const [{ id, version }] = await ctx.database.query<{ id: string; version: number }>('select id, version from projects where zone_id = $1 and name = $2', [
      fendong,
      target.name,
    ]);
    const wrong = await preview(
      officer,
      fendong,
      period,
      await buildXlsx(['项目名称', '总投资（万元）', '自开工累计完成（万元）'], [[target.name, 99999, Number(target.sinceStart) + 1]]),
    );
    expect(wrong.body.errors[0]).toMatchObject({ row: 2, column: '自开工累计完成（万元）' });
    expect(wrong.body.errors[0].reason).toContain('与系统中已填报的累计不一致');
    const ok = await commit(
      officer,
      fendong,
      period,
      await buildXlsx(['项目名称', '总投资（万元）', '建设性质', '项目级别'], [[target.name, 99999, '技改', '省重点']]),
      'all',
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.plan).toMatchObject({ projectsCreated: 0, projectsUpdated: 1 });
    const detail = (await officer.get(`/api/projects/${id}`)).body;
    expect(detail).toMatchObject({ totalInvestmentYuan: 999_990_000, nature: 'upgrade', level: 'province', version: version + 1 });
  });

  it("keeps the phases' rule: a 总投资 below the project's phases together is a row error", async () => {
    const name = `调度表分期规则测试项目${Date.now().toString(36)}`;
    const created = await officer.post('/api/projects', {
      zoneId: fendong,
      name,
      nature: 'new',
      level: 'none',
      totalInvestmentWan: 12000,
      phases: [
        { name: '一期', investmentWan: 6000 },
        { name: '二期', investmentWan: 4000 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const checked = await preview(officer, fendong, lastMonth().start, await buildXlsx(['项目名称', '总投资（万元）'], [[name, 8000]]));
    expect(checked.body.errors).toEqual([{ row: 2, column: '总投资（万元）', reason: '各期投资合计不能大于项目总投资' }]);
    const fine = await preview(officer, fendong, lastMonth().start, await buildXlsx(['项目名称', '总投资（万元）'], [[name, 10000]]));
    expect(fine.body.errors).toEqual([]);
  });

  it('checks a sheet longer than one batch as one sheet: a name repeated in a later batch is a duplicate, a project met there an update', async () => {
    // The engine checks and stages 2000 rows at a time; the zone's projects are read once for all of them.
    const [{ name: existing, wan }] = await ctx.database.query<{ name: string; wan: number }>(
      'select name, (total_investment_yuan / 10000)::int as wan from projects where zone_id = $1 order by name limit 1',
      [fendong],
    );
    const rows: (string | number)[][] = Array.from({ length: 2300 }, (_, i) => [`跨批次项目${i}`, 100]);
    rows[2200] = [existing, wan + 1];
    rows[2250] = ['跨批次项目3', 100];
    const before = await footprint();
    const checked = await preview(officer, fendong, lastMonth().start, await buildXlsx(['项目名称', '总投资（万元）'], rows));
    expect(checked.status, JSON.stringify(checked.body).slice(0, 500)).toBe(201);
    expect(checked.body.errors).toEqual([{ row: 2252, column: '项目名称', reason: '与表格中前面的行重复' }]);
    expect(checked.body.plan).toMatchObject({ projectsCreated: 2298, projectsUpdated: 1 });
    expect(checked.body.updates.items).toMatchObject([{ row: 2202, label: existing, changes: [{ field: 'total', before: String(wan), after: String(wan + 1) }] }]);
    expect(await footprint()).toEqual(before);
  }, 60_000);

  it(`refuses more than ${DISPATCH_MAX_ROWS} rows without writing anything`, async () => {
    const rows = Array.from({ length: DISPATCH_MAX_ROWS + 1 }, (_, i) => [`超量项目${i}`, 1]);
    const big = await buildXlsx(['项目名称', '总投资（万元）'], rows);
    const before = await footprint();
    const res = await commit(officer, fendong, lastMonth().start, big, 'valid');
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0].reason).toContain('行数超过上限');
    expect(await footprint()).toEqual(before);
  }, 120_000);

  it('reports progress by the client-chosen id', async () => {
    const importId = '7d1f6a3e-1c2b-4d5e-9f00-0a1b2c3d4e5f';
    const file = await buildXlsx(['项目名称', '总投资（万元）'], [['进度测试项目', 1]]);
    const res = await uploadXlsx(ctx, officer, `/api/imports?kind=project-dispatch&zoneId=${fendong}&importId=${importId}`, file);
    expect(res.status).toBe(201);
    expect((await officer.get(`/api/imports/${importId}/progress`)).body).toEqual({ phase: 'done', rowsRead: 1 });
    expect((await (await ctx.login('hejin')).get(`/api/imports/${importId}/progress`)).status).toBe(404);
    void demoId;
  });
});

/**
 * The Excel samples of issue 11 (test/samples/excel, copied from shared/samples/excel with their
 * expected facts): each sheet is read by the import engine's reader and table finder and every fact
 * of its .expected.json compared (rows, skipped rows and why, the period, values as typed); then each
 * is uploaded through the engine with its importer, every data row valid, and committed, and what
 * the database holds compared again. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageLabels } from '../src/contract/pipeline-enums.ts';
import { campaignListColumns } from '../src/server/modules/dispatch/campaign-lists.importer.ts';
import { ledgerColumns } from '../src/server/modules/ledger/ledger.columns.ts';
import { dispatchColumns, levelByText } from '../src/server/modules/projects/dispatch-sheet.columns.ts';
import { bareDepartment } from '../src/server/modules/projects/dispatch-sheet.importer.ts';
import { fendong } from '../src/server/modules/projects/projects.factories.ts';
import { openWorkbook } from '../src/server/platform/imports/formats.ts';
import { findTables, headerUnitOf, type DataRow, type SkippedRow, type TableInfo, type TotalCheck } from '../src/server/platform/imports/table.ts';
import * as v from '../src/server/platform/imports/values.ts';
import { createTestContext, type Client, type TestContext } from './harness.ts';
import { uploadXlsx } from './pipeline-fixtures.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'samples', 'excel');
const load = (name: string) => ({ file: readFileSync(path.join(dir, `${name}.xlsx`)), expected: JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) });

type Fields = { key: string; header: string; aliases: string[]; kind?: 'money' | 'date' | 'percent' | 'number'; exportOnly?: boolean }[];

/** Reads a workbook as the engine does: tables, data rows, skipped rows. */
async function read(file: Buffer, fields: Fields, required: string[]) {
  const wb = await openWorkbook(file, 'sample.xlsx');
  const tables: TableInfo[] = [];
  const rows: (DataRow & { sheet: string })[] = [];
  const skipped: SkippedRow[] = [];
  const checks: TotalCheck[] = [];
  let base = 0;
  for (const sheet of wb.sheets) {
    const gen = findTables(sheet, { fields, required }, base);
    let step = await gen.next();
    while (!step.done) {
      const e = step.value;
      if (e.type === 'table') tables.push(e.table);
      else if (e.type === 'skip') skipped.push(e.skip);
      else if (e.type === 'check') checks.push(e.check);
      else rows.push({ ...e.row, sheet: sheet.name });
      step = await gen.next();
    }
    base += step.value;
  }
  /** A row's cell by field, or by header text for a column no field takes. */
  const reader = (row: DataRow) => {
    const t = tables.find((x) => x.table === row.table)!;
    const col = (field: string) => t.columns.find((c) => c.field === field) ?? t.columns.find((c) => c.header === field);
    const cell = (field: string) => {
      const c = col(field);
      return c ? (row.cells[c.index] ?? null) : null;
    };
    const unit = (field: string) => headerUnitOf(col(field)?.header ?? '') ?? t.unit ?? 'wan';
    const ok = <T>(x: T | v.Problem): T => {
      if (v.isProblem(x)) throw new Error(`row ${row.r} ${JSON.stringify(x)}`);
      return x;
    };
    const year = t.period?.asOf ? Number(t.period.asOf.slice(0, 4)) : undefined;
    return {
      table: t,
      text: (f: string) => ok(v.textValue(cell(f), 2000)),
      wan: (f: string) => {
        const y = ok(v.moneyValue(cell(f), unit(f)));
        return y == null ? 0 : y / 10_000;
      },
      percent: (f: string) => {
        const p = ok(v.percentValue(cell(f)));
        return p == null ? 0 : Math.round(p * 10) / 10;
      },
      years: (f: string) => ok(v.yearsValue(cell(f))),
      day: (f: string) => {
        const d = ok(v.dayOrMonth(cell(f), year));
        return d ? (d.day ?? d.month) : null;
      },
      people: (f: string) => v.peopleValue(cell(f)),
      flag: (f: string) => {
        const c = col(f);
        return ok(v.flagValue(cell(f), c ? row.fills?.[c.index] : null));
      },
      number: (f: string) => ok(v.numberValue(cell(f))),
    };
  };
  return { tables, rows, skipped, checks, reader };
}

const flagZh = { red: '红', yellow: '黄', green: '绿' } as const;
const sortedRows = (list: { row: number }[]) => list.map((x) => x.row).sort((a, b) => a - b);

describe('the Excel samples, as the engine reads them', () => {
  it.each(['01-taiyuan-progress', '02-datong-progress-wps'])('%s: every project fact, the skipped rows and the period', async (name) => {
    const { file, expected } = load(name);
    const { tables, rows, skipped, checks, reader } = await read(file, dispatchColumns, ['name', 'total']);
    // The samples' own 合计/小计 agree with their rows.
    expect(checks).toEqual([]);
    for (const sheet of expected.sheets) {
      const mine = rows.filter((r) => r.sheet === sheet.name);
      expect(mine.map((r) => r.r)).toEqual(sheet.projects.map((p: { row: number }) => p.row));
      expect(skipped.filter((s) => s.sheet === sheet.name).map((s) => s.row)).toEqual(sortedRows(sheet.skip));
      const t = tables.find((x) => x.sheet === sheet.name)!;
      expect(t.headerRows).toEqual(sheet.header_rows);
      expect(t.period).toMatchObject({ asOf: expected.period.as_of, month: expected.period.month });
      for (const col of sheet.columns_ignored ?? []) expect(t.columns.find((c) => c.header.replace(/\n/g, '') === col.header)).toMatchObject({ hidden: true, field: null });
      for (const p of sheet.projects) {
        const row = mine.find((r) => r.r === p.row)!;
        const r = reader(row);
        const leader = r.people('leader')?.[0];
        const years = r.years('years')!;
        const got: Record<string, unknown> = {
          name: r.text('name'),
          investor: r.text('investor'),
          start: years.start,
          end: years.end,
          total_investment_wan: r.wan('total'),
          annual_plan_wan: r.wan('annualPlan'),
          month_done_wan: r.wan('periodDone'),
          ytd_done_wan: r.wan('ytd'),
          ytd_percent_of_plan: r.percent('ytdPct'),
          progress_text: r.text('progressText'),
          issues_text: r.text('problems'),
          responsible_unit: r.text('department'),
          responsible_persons: r.people('officer')?.map((x) => x.name),
          leader: leader?.name,
          rag: flagZh[r.flag('flag')!],
        };
        if ('content' in p) got.content = r.text('content');
        if ('since_start_done_wan' in p) got.since_start_done_wan = r.wan('sinceStart');
        if ('since_start_percent_of_total' in p) got.since_start_percent_of_total = r.percent('sinceStartPct');
        if ('leader_title' in p) got.leader_title = leader?.title;
        if ('nature' in p) got.nature = /新建/.test(row.section ?? '') ? '新建' : /续建/.test(row.section ?? '') ? '续建' : null;
        if ('level' in p) got.level = levelByText.get(row.sheet) ? row.sheet : null;
        if ('remark' in p) got.remark = r.text('备注');
        const want = Object.fromEntries(Object.keys(got).map((k) => [k, p[k]]));
        expect(got, `${name} row ${p.row}`).toEqual(want);
      }
      if (sheet.totals) {
        const totals = 'all' in sheet.totals ? sheet.totals.all : sheet.totals;
        const sum = (f: string) => Math.round(mine.reduce((a, row) => a + reader(row).wan(f), 0) * 100) / 100;
        expect(sum('total')).toBe(totals.total_investment_wan);
        expect(sum('ytd')).toBe(totals.ytd_done_wan);
      }
    }
  });

  it('03-yuncheng-leads: every lead fact, the skipped rows and the as-of date', async () => {
    const { file, expected } = load('03-yuncheng-leads');
    const { tables, rows, skipped, reader } = await read(file, ledgerColumns, ['name']);
    const sheet = expected.sheets[0];
    expect(rows.map((r) => r.r)).toEqual(sheet.leads.map((l: { row: number }) => l.row));
    expect(skipped.map((s) => s.row)).toEqual(sortedRows(sheet.skip));
    expect(tables[0].period?.asOf).toBe(expected.period.as_of);
    for (const l of sheet.leads) {
      const r = reader(rows.find((x) => x.r === l.row)!);
      const cell = r.text('plannedInvestment');
      const range = cell && /^\d+(\.\d+)?-\d+(\.\d+)?$/.test(cell);
      expect(
        {
          project_name: r.text('name'),
          enterprise: r.text('enterpriseName'),
          credit_code: r.text('creditCode'),
          planned_investment_wan: range ? null : r.wan('plannedInvestment'),
          first_contact: r.day('firstContactOn'),
          owner: r.people('owner')?.[0].name,
          stage: stageLabels[
            (
              {
                洽谈中: 'contact',
                已签约框架协议: 'framework',
                已签约: 'signed',
                已落地: 'registered',
              } as const
            )[r.text('stage') as '已签约']
          ][0],
        },
        `row ${l.row}`,
      ).toEqual({
        project_name: l.project_name,
        enterprise: l.enterprise,
        credit_code: l.credit_code,
        planned_investment_wan: l.planned_investment_wan,
        first_contact: l.first_contact,
        owner: l.owner,
        stage: l.stage,
      });
    }
  });

  it('04-jinzhong-three-batches: three blocks with their own headers, the quarter, every fact', async () => {
    const { file, expected } = load('04-jinzhong-three-batches');
    const { tables, rows, skipped, checks, reader } = await read(file, campaignListColumns, ['name']);
    expect(checks).toEqual([]);
    const sheet = expected.sheets[0];
    expect(skipped.map((s) => s.row)).toEqual(sortedRows(sheet.skip));
    expect(tables.map((t) => t.headerRows[0])).toEqual(sheet.blocks.map((b: { header_row: number }) => b.header_row));
    expect(tables[0].period).toMatchObject({ quarter: expected.period.quarter, from: expected.period.from, to: expected.period.to });
    for (const [i, block] of sheet.blocks.entries()) {
      expect(tables[i].block).toContain(block.batch);
      const mine = rows.filter((r) => r.table === tables[i].table);
      expect(mine.map((r) => r.r)).toEqual(block.rows.map((x: { row: number }) => x.row));
      for (const x of block.rows) {
        const r = reader(mine.find((m) => m.r === x.row)!);
        const got: Record<string, unknown> = { name: r.text('name'), owner: r.text('owner'), remark: r.text('remark') };
        if ('enterprise' in x) got.enterprise = r.text('investor');
        if ('investor' in x) got.investor = r.text('investor');
        if ('agreement' in x) got.agreement = r.text('agreement');
        if ('signed_amount_wan' in x) got.signed_amount_wan = r.wan('signedAmount');
        if ('signed' in x) got.signed = r.day('signedOn');
        if ('total_investment_wan' in x) got.total_investment_wan = r.wan('total');
        if ('annual_plan_wan' in x) got.annual_plan_wan = r.wan('annualPlan');
        if ('planned_start' in x) got.planned_start = r.day('plannedStart')?.slice(0, 7);
        if ('started' in x) got.started = r.day('startedOn');
        if ('production' in x) got.production = r.day('productionOn');
        if ('output_value_wan' in x) got.output_value_wan = r.wan('outputValue');
        if ('tax_wan' in x) got.tax_wan = r.wan('tax');
        if ('jobs' in x) got.jobs = r.number('jobs');
        if ('leader' in x) got.leader = r.text('leader');
        if ('content' in x) got.content = r.text('content');
        expect(got, `row ${x.row}`).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, x[k]])));
      }
    }
    const signed = rows.filter((r) => r.table === tables[0].table).reduce((a, row) => a + reader(row).wan('signedAmount'), 0);
    expect(Math.round(signed)).toBe(expected.summary.signed_amount_wan);
  });
});

it('reports a 合计 or 小计 that differs from the sum of its rows', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow(['某开发区重点项目调度表']);
  ws.addRow(['项目名称', '总投资（万元）', '本月完成投资']);
  ws.addRow(['合计', 300.5, 30]);
  ws.addRow(['一、新建项目']);
  ws.addRow(['甲项目', 100.25, 10]);
  ws.addRow(['乙项目', '100.25', '—']);
  ws.addRow(['小计', 200.5, 11]);
  const { checks } = await read(Buffer.from(await wb.xlsx.writeBuffer()), dispatchColumns, ['name', 'total']);
  expect(checks).toEqual([
    { sheet: '表', row: 7, column: '本月完成投资', sheetValue: '11', rowsSum: '10' },
    { sheet: '表', row: 3, column: '总投资（万元）', sheetValue: '300.5', rowsSum: '200.5' },
    { sheet: '表', row: 3, column: '本月完成投资', sheetValue: '30', rowsSum: '10' },
  ]);
});

describe('the Excel samples, imported through the engine', () => {
  let ctx: TestContext;
  let officer: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.login('officer');
  });
  afterAll(() => ctx.close());

  const stage = (kind: string, file: Buffer, name: string) => uploadXlsx(ctx, officer, `/api/imports?kind=${kind}&zoneId=${fendong}`, file, `${name}.xlsx`);
  const skippedOf = (body: { skipped: { sheet: string; row: number }[] }, sheet: string) => body.skipped.filter((s) => s.sheet === sheet).map((s) => s.row);

  it.each(['01-taiyuan-progress', '02-datong-progress-wps'])('%s: every project row valid, the period read, committed as the sheet says', async (name) => {
    const { file, expected } = load(name);
    const projects = expected.sheets.flatMap((s: { projects: unknown[] }) => s.projects) as Record<string, unknown>[];
    const staged = await stage('project-dispatch', file, name);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body.errors).toEqual([]);
    expect(staged.body).toMatchObject({ totalRows: projects.length, validRows: projects.length, errorRows: 0 });
    expect(staged.body.period).toMatchObject({ asOf: expected.period.as_of, month: expected.period.month });
    expect(staged.body.details).toMatchObject({ periodStart: `${expected.period.month}-01` });
    for (const sheet of expected.sheets) expect(skippedOf(staged.body, sheet.name)).toEqual(sortedRows(sheet.skip));
    // Names the zone does not know are listed once each, not refused.
    const units = new Set(projects.map((p) => p.responsible_unit));
    const departments = staged.body.names.filter((n: { field: string }) => n.field === 'department');
    // Listed unless the zone has that exact name (an earlier sample may have made it).
    for (const n of departments) expect(units.has(n.text)).toBe(true);
    expect(departments.length).toBeGreaterThan(0);
    for (const n of departments) expect(['create', 'matched']).toContain(n.resolution);
    const done = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.committed).toMatchObject({ projectsCreated: projects.length });
    const stored = await ctx.database.query<{
      name: string;
      total: string;
      sy: number | null;
      ey: number | null;
      nature: string;
      level: string;
      investor: string | null;
      department: string | null;
      month: string | null;
      ytd: string | null;
    }>(
      `select p.name, p.total_investment_yuan as total, p.planned_start_year as sy, p.planned_end_year as ey, p.nature, p.level, e.name as investor, d.name as department,
         (select invested_yuan from progress_reports r where r.project_id = p.id and r.period_start = $2::date) as month,
         (select sum(invested_yuan) from progress_reports r where r.project_id = p.id and r.period_start >= $3::date) as ytd
       from projects p left join enterprises e on e.id = p.investor_enterprise_id left join departments d on d.id = p.department_id
       where p.zone_id = $1 and p.name = any($4::text[])`,
      [fendong, `${expected.period.month}-01`, `${expected.period.month.slice(0, 4)}-01-01`, projects.map((p) => p.name)],
    );
    expect(stored).toHaveLength(projects.length);
    for (const p of projects) {
      const s = stored.find((x) => x.name === p.name)!;
      expect(
        {
          total: Number(s.total) / 10_000,
          sy: s.sy,
          ey: s.ey,
          investor: s.investor,
          // 经开区投资促进局 is the zone's 投资促进局 (listed as a near match); a department the zone lacks is made.
          department: s.department && bareDepartment(s.department) === bareDepartment(String(p.responsible_unit)) ? p.responsible_unit : s.department,
          month: Number(s.month ?? 0) / 10_000,
          ytd: Number(s.ytd ?? 0) / 10_000,
          nature: s.nature,
          level: s.level,
        },
        String(p.name),
      ).toEqual({
        total: p.total_investment_wan,
        sy: Number(String(p.start).slice(0, 4)),
        ey: Number(String(p.end).slice(0, 4)),
        investor: p.investor,
        department: p.responsible_unit,
        month: p.month_done_wan,
        ytd: p.ytd_done_wan,
        nature: p.nature === '续建' ? 'continued' : 'new',
        level: p.level === '省级重点' ? 'province' : p.level === '市级重点' ? 'city' : 'none',
      });
    }
  });

  it('03-yuncheng-leads: every lead valid, amounts in 亿元 exact, stages and methods mapped', async () => {
    const { file, expected } = load('03-yuncheng-leads');
    const leads = expected.sheets[0].leads as Record<string, unknown>[];
    const staged = await stage('leads', file, 'leads');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    // The one credit code with a wrong check character is the only refusal.
    const bad = leads.filter((l) => l.credit_code_valid === false).map((l) => l.row);
    expect(staged.body.errors.map((e: { row: number }) => e.row)).toEqual(bad);
    expect(staged.body).toMatchObject({ totalRows: leads.length, validRows: leads.length - bad.length });
    expect(skippedOf(staged.body, '线索台账')).toEqual(sortedRows(expected.sheets[0].skip));
    expect(staged.body.period).toMatchObject({ asOf: expected.period.as_of });
    const done = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const stored = await ctx.database.query<{ name: string; planned: string | null; stage: string; method: string; first: string | null }>(
      `select name, planned_investment_yuan as planned, stage, method, to_char(first_contact_on, 'YYYY-MM-DD') as first from leads where zone_id = $1 and name = any($2::text[])`,
      [fendong, leads.map((l) => l.project_name)],
    );
    for (const l of leads.filter((x) => x.credit_code_valid !== false)) {
      const s = stored.find((x) => x.name === l.project_name)!;
      expect(s, String(l.project_name)).toBeDefined();
      expect({ planned: s.planned == null ? null : Number(s.planned) / 10_000, stage: stageLabels[s.stage as 'signed'][0], first: s.first }).toEqual({
        planned: l.planned_investment_wan,
        stage: l.stage,
        first: l.first_contact,
      });
    }
  });

  it('03-yuncheng-leads: a lead at 正式签约 or 框架协议 carries its agreement, dated from its progress text', async () => {
    const { expected } = load('03-yuncheng-leads');
    const leads = (expected.sheets[0].leads as Record<string, string | number | boolean | null>[]).filter(
      (l) => (l.stage === '正式签约' || l.stage === '框架协议') && l.credit_code_valid !== false,
    );
    const stored = await ctx.database.query<{ name: string; kind: string; signed: string; amount: string; note: string | null }>(
      `select l.name, a.kind, to_char(a.signed_on, 'YYYY-MM-DD') as signed, a.amount_yuan as amount, a.note from agreements a join leads l on l.id = a.lead_id
       where l.zone_id = $1 and l.name = any($2::text[])`,
      [fendong, leads.map((l) => l.project_name)],
    );
    expect(stored).toHaveLength(leads.length);
    for (const l of leads) {
      const a = stored.find((x) => x.name === l.project_name)!;
      const [month, day] = a.signed.slice(5).split('-').map(Number);
      expect(String(l.latest_progress_contains)).toContain(`${month}月${day}日`);
      expect({ kind: a.kind, amount: Number(a.amount) / 10_000 }).toEqual({ kind: l.stage === '正式签约' ? 'investment' : 'framework', amount: l.planned_investment_wan });
      expect(a.note).toContain('最新进展');
    }
  });

  it('04-jinzhong-three-batches: the quarter from the title, three lists of nominations', async () => {
    const { file, expected } = load('04-jinzhong-three-batches');
    const blocks = expected.sheets[0].blocks as { batch: string; rows: Record<string, unknown>[] }[];
    const count = blocks.reduce((a, b) => a + b.rows.length, 0);
    const staged = await stage('campaign-lists', file, 'three');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body.errors).toEqual([]);
    expect(staged.body).toMatchObject({ totalRows: count, validRows: count, details: { quarter: expected.period.quarter } });
    expect(staged.body.tables).toHaveLength(3);
    expect(skippedOf(staged.body, '三个一批')).toEqual(sortedRows(expected.sheets[0].skip));
    const done = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const entries = await ctx.database.query<{ batch: string; name: string; planned: string | null }>(
      `select e.batch, e.name, e.planned_amount_yuan as planned from campaign_entries e join campaigns c on c.id = e.campaign_id
       where c.zone_id = $1 and c.year = 2026 and c.quarter = 3 order by e.batch, e.sort_order`,
      [fendong],
    );
    const batchKey: Record<string, string> = { 签约一批: 'sign', 开工一批: 'start', 投产一批: 'production' };
    for (const b of blocks) {
      const mine = entries.filter((e) => e.batch === batchKey[b.batch]);
      expect(mine.map((e) => e.name)).toEqual(expect.arrayContaining(b.rows.map((r) => r.name)));
      for (const r of b.rows) {
        const e = mine.find((x) => x.name === r.name)!;
        expect(Number(e.planned) / 10_000).toBe((r.signed_amount_wan ?? r.total_investment_wan) as number);
      }
    }
  });

  it('a legacy .xls (BIFF8) of the 01 sheet imports like the .xlsx', async () => {
    const { file, expected } = load('01-taiyuan-progress');
    const xls = XLSX.write(XLSX.read(file, { type: 'buffer', cellNF: true }), { type: 'buffer', bookType: 'biff8' }) as Buffer;
    expect(xls.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const projects = expected.sheets[0].projects as { row: number }[];
    const staged = await uploadXlsx(ctx, officer, `/api/imports?kind=project-dispatch&zoneId=${fendong}`, xls, 'taiyuan.xls');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ validRows: projects.length, errorRows: 0, period: { asOf: expected.period.as_of } });
    expect(skippedOf(staged.body, expected.sheets[0].name)).toEqual(sortedRows(expected.sheets[0].skip));
    await officer.post(`/api/imports/${staged.body.id}/discard`, {});
  });

  it('a GB18030 .csv of the 03 ledger imports like the .xlsx', async () => {
    const { file, expected } = load('03-yuncheng-leads');
    const wb = XLSX.read(file, { type: 'buffer', cellDates: true });
    const csv = XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0]], { blankrows: true });
    const leads = expected.sheets[0].leads as { credit_code_valid: boolean | null }[];
    const staged = await uploadXlsx(ctx, officer, `/api/imports?kind=leads&zoneId=${fendong}`, iconv.encode(csv, 'gb18030'), 'yuncheng.csv');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body.tables[0].columns.map((c: { header: string }) => c.header)).toContain('拟投资额（亿元）');
    expect(staged.body).toMatchObject({ totalRows: leads.length, validRows: leads.length - leads.filter((l) => l.credit_code_valid === false).length });
    await officer.post(`/api/imports/${staged.body.id}/discard`, {});
  });
});

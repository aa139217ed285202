/**
 * Imports at speed (issue 11 Speed, issue 17 item 4), each figure beside the bare SQL doing the same
 * writes, on PostgreSQL and PGlite, over HTTP against a real server process (the demo data):
 * - the 重点项目调度表 of 20,000 new projects: the upload's preview (read, map, check, stage), the
 *   preview again after a new mapping, the commit, and the undo of the whole batch;
 * - the enterprise directory of 100,000 rows: upload + commit, with the server's peak RSS (a fresh
 *   server for it, so the peak is the import's).
 * `BENCH_CPU_PROF=<dir>` writes each server's CPU profile there (node --cpu-prof).
 * To run one part: `BENCH_IMPORTS_ONLY=dispatch|enterprises` (one of the two imports, with its bare
 * lines) and `BENCH_IMPORTS_DB=pg|pglite` (one database).
 */
import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { line, loginHeaders, peakRssMb, percentile, pgUrl, probeHealth, startServer, tempDir, type RunningServer } from './lib.ts';
import { dispatchSheetOf } from './projects.bench.ts';
import { writeEnterpriseFile } from './pipeline.bench.ts';
import { migrateDatabase, openDatabase } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';
import { previousPeriod } from '../src/contract/periods.ts';
import { chinaToday } from '../src/server/platform/clock.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const ROWS = 20_000;

type Query = (text: string) => Promise<unknown>;

async function post(url: string, headers: Record<string, string>, body: unknown, expected = 200, method = 'POST') {
  const res = await fetch(url, { method, headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as { id: string; validRows: number; errorCount: number; committed?: Record<string, number> };
}

async function upload(url: string, headers: Record<string, string>, file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const { 'content-type': _json, ...auth } = headers;
  const res = await fetch(url, { method: 'POST', headers: auth, body: form });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as { id: string; validRows: number; errorCount: number };
}

const seconds = (ms: number) => ms / 1000;

/** An empty zone for an import to fill (the demo's zones already hold projects). */
async function newZone(query: (text: string) => Promise<{ id: string }[]>, code: string) {
  const [{ id }] = await query(
    `insert into zones (code, name, short_name, kind, region_code) select '${code}' || floor(random() * 1e6)::int, '${code}开发区', '${code}区', kind, region_code from zones limit 1 returning id`,
  );
  return id;
}

/**
 * The preview's own writes as bare SQL, printed beside it: 20,000 staged rows of the dispatch sheet's
 * size (cells and the importer's data, ~1.3 kB of jsonb each) copied by one insert … select, and
 * rewritten as a new mapping rewrites them (validity and the importer's data).
 */
async function bareStaging(query: Query): Promise<{ stage: number; rewrite: number; bytes: number }> {
  await query(`drop table if exists bare_import_rows`);
  await query(`drop table if exists bare_import_source`);
  await query(`create table bare_import_rows (like import_rows including defaults including constraints including indexes)`);
  const report = (g: string, k: number) =>
    `jsonb_build_object('projectId', md5(g::text || 'p')::uuid, 'periodStart', '2026-10-01', 'periodEnd', '2026-10-31', 'investedYuan', 2000000 + ${k}, 'progressText', case when ${k} = 0 then '主体施工' else '期初数（调度表导入：以前年度累计）' end, 'problems', case when ${g} % 7 = 0 then '用地指标待落实' end)`;
  const value = `jsonb_build_object('newDepartment', null, 'unresolved', '[]'::jsonb, 'updated', null, 'planYuan', 30000000,
      'created', jsonb_build_object('id', md5(g::text || 'x')::uuid, 'investorEnterpriseId', md5(g::text || 'e')::uuid, 'sectorText', '新材料', 'constructionContent', '新建厂房及生产线', 'plannedStartYear', 2025, 'plannedEndYear', 2027,
        'departmentId', null, 'officerUserId', null, 'leaderUserId', null, 'name', '迁移基准项目' || g, 'nature', 'new', 'level', 'city', 'totalInvestmentYuan', 100000000 + g % 500),
      'enterprise', jsonb_build_object('id', md5(g::text || 'n')::uuid, 'name', '基准迁移测试' || g % 2000 || '有限公司', 'normalizedName', '基准迁移测试' || g % 2000, 'creditCode', null),
      'reports', jsonb_build_array(${report('g', 0)}, ${report('g', 1)}, ${report('g', 2)}))`;
  // The rows made first (untimed), so that the figure is the write alone, as the engine's insert is.
  await query(`create table bare_import_source as
    select '00000000-0000-4000-8000-000000000000'::uuid as import_id, g as row_no, true as valid,
      jsonb_build_object('cells', jsonb_build_array(null, '迁移基准项目' || g, '基准迁移测试' || g % 2000 || '有限公司', '新建', '市重点', '新材料', '新建厂房及生产线', '2025-2027', 10000 + g % 500, 3000, 200, 600, 1800.5, '主体施工', null),
      'n', g, 't', 0, 's', null, 'value', ${value}) as data
    from generate_series(3, ${ROWS + 2}) g`);
  let t0 = performance.now();
  await query(`insert into bare_import_rows (import_id, row_no, valid, data) select import_id, row_no, valid, data from bare_import_source`);
  const stage = performance.now() - t0;
  t0 = performance.now();
  await query(`update bare_import_rows set valid = true, data = (data - 'value') || jsonb_build_object('value', data->'value')`);
  const rewrite = performance.now() - t0;
  const rows = (await query(`select sum(octet_length(data::text))::int as n from bare_import_rows`)) as { rows: { n: number }[] } | { n: number }[];
  const bytes = Number((Array.isArray(rows) ? rows : rows.rows)[0].n);
  await query(`drop table bare_import_rows`);
  await query(`drop table bare_import_source`);
  return { stage, rewrite, bytes };
}

type BareStaging = () => Promise<{ stage: number; rewrite: number; bytes: number }>;

async function dispatchFigures(server: RunningServer, zoneOf: (code: string) => Promise<string>, file: Buffer, label: string, bare: BareStaging) {
  const admin = await loginHeaders(server.url, 'admin');
  const zone = await zoneOf('IMPB');
  const period = previousPeriod('month', chinaToday()).start;
  let t0 = performance.now();
  const staged = await upload(`${server.url}/api/imports?kind=project-dispatch&zoneId=${zone}&period=${period}`, admin, file, 'dispatch.xlsx');
  const previewSeconds = seconds(performance.now() - t0);
  t0 = performance.now();
  // Another mapping (存在问题 ignored, then mapped back): the staged cells checked again, no new upload.
  await post(`${server.url}/api/imports/${staged.id}`, admin, { columns: [{ index: 14, field: null }] }, 200, 'PATCH');
  const remapSeconds = seconds(performance.now() - t0);
  // Each beside its bare SQL (run after both, so that neither figure waits on it).
  const b = await bare();
  line(`dispatch sheet preview (upload: read, map, check, stage), ${ROWS} rows, ${label}`, previewSeconds, 's', `${staged.validRows} valid; target < 2 s`);
  line(`  bare: the preview's ${ROWS} staged rows (${(b.bytes / 1e6).toFixed(0)} MB of jsonb) copied in 1 insert … select, ${label}`, seconds(b.stage), 's');
  line(`dispatch sheet preview after a new mapping, ${ROWS} rows, ${label}`, remapSeconds, 's', 'target < 2 s');
  line(`  bare: those rows rewritten (validity, the importer's data) in 1 update, ${label}`, seconds(b.rewrite), 's');
  await post(`${server.url}/api/imports/${staged.id}`, admin, { columns: [{ index: 14, field: 'problems' }] }, 200, 'PATCH');
  t0 = performance.now();
  const done = await post(`${server.url}/api/imports/${staged.id}/commit`, admin, { mode: 'all' });
  const target = label === 'PostgreSQL' ? 10 : 15;
  line(
    `dispatch sheet commit, ${ROWS} rows, ${label}`,
    seconds(performance.now() - t0),
    's',
    `${done.committed?.projectsCreated} projects, ${done.committed?.reportsWritten} reports, ${done.committed?.enterprisesCreated} enterprises; target < ${target} s`,
  );
  t0 = performance.now();
  const undo = await fetch(`${server.url}/api/imports/${staged.id}/undo`, { method: 'POST', headers: admin, body: '{}' });
  const undone = await undo.text();
  line(`dispatch sheet undo of the whole batch, ${ROWS} rows, ${label}`, undo.ok ? seconds(performance.now() - t0) : `refused (${undo.status} ${undone.slice(0, 120)})`, undo.ok ? 's' : '');
}

/** The dispatch commit's writes as bare SQL: projects, their stage event, plans, 3 reports, 2,000 investors, audit (template plans are written on first use, decision 027). */
const bareDispatch = (zone: string, period: string) => `begin;
  insert into enterprises (name, normalized_name, created_in_zone_id) select '裸写企业' || g || '有限公司', '裸写企业' || g, '${zone}' from generate_series(1, 2000) g;
  insert into projects (zone_id, name, nature, level, sector_text, construction_content, planned_start_year, planned_end_year, total_investment_yuan, stage, stage_entered_on)
    select '${zone}', '裸写基准项目' || g, 'new', 'city', '新材料', '新建厂房及生产线', 2025, 2027, 100000000, 'planning', current_date from generate_series(1, ${ROWS}) g;
  insert into project_stage_events (zone_id, project_id, from_stage, to_stage, "on", actor_name) select zone_id, id, null, 'planning', current_date, 'bench' from projects where zone_id = '${zone}';
  insert into project_annual_plans (project_id, zone_id, year, plan_yuan) select id, zone_id, ${Number(period.slice(0, 4))}, 30000000 from projects where zone_id = '${zone}';
  insert into progress_reports (zone_id, project_id, period_kind, period_start, period_end, invested_yuan, reported_by_name)
    select zone_id, id, 'month', '${period}'::date - k * interval '1 month', '${period}'::date - k * interval '1 month' + interval '27 days', 1000000, 'bench'
    from projects, generate_series(0, 2) k where zone_id = '${zone}';
  insert into audit_log (zone_id, action, entity_type, entity_id, after, actor_name) select zone_id, 'project.create', 'project', id, to_jsonb(p), 'bench' from projects p where zone_id = '${zone}';
  commit`;

async function enterpriseFigure(server: RunningServer, file: string, label: string) {
  const leader = await loginHeaders(server.url, 'leader');
  // The peak before the import (start-up, demo data): what the import adds is the difference.
  const startPeak = peakRssMb(server.process.pid!);
  const probe = probeHealth(server.url);
  const t0 = performance.now();
  const staged = await upload(`${server.url}/api/imports?kind=enterprises&zoneId=${fendong}`, leader, fs.readFileSync(file), 'enterprises.xlsx');
  const tStaged = performance.now();
  const done = await post(`${server.url}/api/imports/${staged.id}/commit`, leader, { mode: 'all' });
  const probes = await probe.stop();
  line(
    `enterprise directory import end to end, 100,000 rows, ${label}`,
    seconds(performance.now() - t0),
    's',
    `upload ${seconds(tStaged - t0).toFixed(1)} s, commit ${seconds(performance.now() - tStaged).toFixed(1)} s, ${done.committed?.enterprisesCreated} created; target < 10 s`,
  );
  line(`  server peak RSS (start + import), ${label}`, peakRssMb(server.process.pid!), 'MB', `before the import ${startPeak.toFixed(0)} MB; target < 500 MB`);
  line(`  /api/health during the upload and commit, worst, ${label}`, Math.max(...probes), 'ms', `p50 ${percentile(probes, 50).toFixed(0)} ms over ${probes.length} probes`);
}

const bareEnterprises = `begin;
  insert into enterprises (credit_code, name, normalized_name, legal_person, registered_capital_yuan, industry_code, region_code, address)
    select null, '裸插入企业' || g || '有限公司', '裸插入企业' || g, '张三', 1000000 + g, 'C39', '140802', '运城市盐湖区工业路' || g || '号' from generate_series(1, 100000) g;
  insert into enterprise_contacts (enterprise_id, name, phone) select id, '李四', '13800000000' from enterprises where name like '裸插入企业%' and random() < 0.34;
  commit`;

async function bareFigures(query: Query, zoneOf: (code: string) => Promise<string>, label: string) {
  const period = previousPeriod('month', chinaToday()).start;
  const zone = await zoneOf('BARE');
  let t0 = performance.now();
  if (doDispatch) {
    await query(bareDispatch(zone, period));
    line(`  bare: the dispatch commit's rows in 7 insert … select, ${label}`, seconds(performance.now() - t0), 's');
  }
  t0 = performance.now();
  if (doEnterprises) {
    await query(bareEnterprises);
    line(`  bare: 100k enterprises + contacts in 2 insert … select, ${label}`, seconds(performance.now() - t0), 's');
  }
}

const only = process.env.BENCH_IMPORTS_ONLY;
const onDb = process.env.BENCH_IMPORTS_DB;
const doDispatch = !only || only === 'dispatch';
const doEnterprises = !only || only === 'enterprises';

export async function benchImports(): Promise<void> {
  const dir = tempDir('zonedesk-bench-imports-');
  const sheet = doDispatch ? await dispatchSheetOf(ROWS) : Buffer.alloc(0);
  const directory = `${dir}/enterprises-100k.xlsx`;
  if (doEnterprises) await writeEnterpriseFile(directory, 100_000, 0);
  if (onDb !== 'pglite') await benchPostgres(directory, sheet, profArgsOf);
  if (onDb !== 'pg') await benchPglite(dir, directory, sheet, profArgsOf);
  fs.rmSync(dir, { recursive: true, force: true });
}

function profArgsOf(name: string) {
  const prof = process.env.BENCH_CPU_PROF;
  // One folder per server: the main thread's profile and tsx's loader thread's lie side by side.
  return prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}/${name}`] : [];
}

async function benchPostgres(directory: string, sheet: Buffer, profArgs: (name: string) => string[]) {
  // PostgreSQL: the demo.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_imports';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  try {
    const database = await openDatabase({ kind: 'postgres', url: dbUrl });
    await migrateDatabase(database);
    await seedDemo(database);
    await database.exec('analyze');
    await database.close();
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const query = async (text: string) => (await client.query(text)) as unknown;
    const zoneOf = (code: string) => newZone(async (t) => (await client.query<{ id: string }>(t)).rows, code);
    try {
      if (doDispatch) {
        const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' }, profArgs('pg-dispatch'));
        try {
          await dispatchFigures(server, zoneOf, sheet, 'PostgreSQL', () => bareStaging(query));
        } finally {
          await server.stop();
        }
      }
      if (doEnterprises) {
        const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' }, profArgs('pg-enterprises'));
        try {
          await enterpriseFigure(server, directory, 'PostgreSQL');
        } finally {
          await server.stop();
        }
      }
      await bareFigures(query, zoneOf, 'PostgreSQL');
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function benchPglite(dir: string, directory: string, sheet: Buffer, profArgs: (name: string) => string[]) {
  // PGlite: the demo in a data directory, as a zone runs it.
  const dataDir = `${dir}/data`;
  const lite = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(lite);
  await seedDemo(lite);
  await lite.exec('analyze');
  const zones: string[] = [];
  for (const code of ['IMPB', 'BARE']) zones.push(await newZone((t) => lite.query<{ id: string }>(t), code));
  // PGlite is one process's: the preview's bare SQL runs before the server opens the directory.
  const liteBare = doDispatch ? await bareStaging((q) => lite.query(q)) : null;
  await lite.close();
  const ready = [...zones];
  const zoneOf = async () => ready.shift()!;
  if (doDispatch) {
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' }, profArgs('lite-dispatch'));
    try {
      await dispatchFigures(server, zoneOf, sheet, 'PGlite', async () => liteBare!);
    } finally {
      await server.stop();
    }
  } else ready.shift();
  if (doEnterprises) {
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' }, profArgs('lite-enterprises'));
    try {
      await enterpriseFigure(server, directory, 'PGlite');
    } finally {
      await server.stop();
    }
  }
  const bare = await PGlite.create(`${dataDir}/pgdata`);
  try {
    await bareFigures((q) => bare.exec(q), zoneOf, 'PGlite');
  } finally {
    await bare.close();
  }
}

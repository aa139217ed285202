/**
 * Projects at scale: list (filtered, paginated, with flags) and detail p50 over HTTP, and batch
 * entry of 1,000 projects, each beside the same query run bare on the database.
 * PostgreSQL: `seed --scale province` (100 zones, 20k projects, 1M reports).
 * PGlite: the demo plus 200 synthetic projects (50 reports each) in 汾东, the size of one zone.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer, tempDir } from './lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';
import { seedScaleProjects } from '../src/server/modules/projects/projects.seed.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';
import { periodOf, previousPeriod } from '../src/contract/periods.ts';
import { chinaToday } from '../src/server/platform/clock.ts';
import ExcelJS from 'exceljs';

const fendong = demoId('zone:fendong');
const today = () => chinaToday();

/** The list query as the repository sends it, for the "bare" figure. */
const bareList = (zoneFilter: string) => `
  select p.*, (select short_name from zones z where z.id = p.zone_id), (select name from parks pk where pk.id = p.park_id),
    (select name from enterprises e where e.id = p.investor_enterprise_id), (select display_name from users u where u.id = p.leader_user_id),
    (select display_name from users u where u.id = p.officer_user_id), (select name from departments d where d.id = p.department_id)
  from projects p where ${zoneFilter} and p.flag = 'red' order by p.updated_at desc, p.id desc limit 20;
  select count(*) from projects p where ${zoneFilter} and p.flag = 'red'`;
const bareDetail = (id: string) => [
  `select p.*, (select short_name from zones z where z.id = p.zone_id), (select name from enterprises e where e.id = p.investor_enterprise_id) from projects p where p.id = '${id}'`,
  `select (select jsonb_agg(m order by m.sort_order) from project_milestones m where m.project_id = '${id}'),
     (select jsonb_agg(a order by a.sort_order) from project_approvals a where a.project_id = '${id}'),
     (select jsonb_agg(r order by r.period_start desc) from (select r.*, sum(r.invested_yuan) over (order by r.period_start) from progress_reports r where r.project_id = '${id}') r),
     (select jsonb_agg(e) from project_stage_events e where e.project_id = '${id}'), (select jsonb_agg(ph) from project_phases ph where ph.project_id = '${id}')`,
];

async function p50Bare(run: () => Promise<unknown>, runs = 50): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

/** Gives the `projects` officer 1,000 projects in 汾东 (copies of the synthetic ones) for the batch figure. */
async function assignThousand(database: Database) {
  await database.exec(`
    insert into projects (zone_id, park_id, name, sector_text, nature, level, total_investment_yuan, stage, stage_entered_on, signed_on, officer_user_id, leader_user_id, department_id)
    select '${fendong}', null, '批量填报基准项目' || g, '新材料', 'new', 'none', 100000000, 'construction', current_date - 100, current_date - 400,
      '${demoId('user:projects')}', '${demoId('user:leader')}', '${demoId('dept:fendong:project')}'
    from generate_series(1, 1000) g`);
}

async function batchFigure(url: string, headers: Record<string, string>, label: string) {
  const grid = await (await fetch(`${url}/api/progress-batch?zoneId=${fendong}&periodStart=${periodOf('month', today()).start}`, { headers })).json();
  const rows = (grid.rows as { projectId: string; report: unknown }[]).filter((r) => !r.report).slice(0, 1000);
  if (rows.length < 1000) throw new Error(`only ${rows.length} projects for the batch`);
  const body = JSON.stringify({
    zoneId: fendong,
    periodStart: periodOf('month', today()).start,
    rows: rows.map((r, i) => ({ projectId: r.projectId, investedWan: 10 + (i % 50), percentComplete: 50, progressText: '按计划推进' })),
  });
  const t0 = performance.now();
  const res = await fetch(`${url}/api/progress-batch`, { method: 'POST', headers, body });
  const ms = performance.now() - t0;
  if (res.status !== 201) throw new Error(`batch: ${res.status} ${await res.text()}`);
  line(`batch progress entry, 1,000 projects, ${label}`, ms, 'ms');
}

async function bareBatch(query: (text: string) => Promise<unknown>, label: string) {
  const t0 = performance.now();
  await query(`
    insert into progress_reports (zone_id, project_id, period_kind, period_start, period_end, invested_yuan, percent_complete, progress_text, reported_by_name)
    select zone_id, id, 'month', date_trunc('month', current_date)::date - interval '2 months', date_trunc('month', current_date)::date - interval '1 month' - interval '1 day', 100000, 50, '按计划推进', 'bench'
    from projects where name like '批量填报基准项目%' and not exists (select 1 from progress_reports r where r.project_id = projects.id and r.period_start = date_trunc('month', current_date)::date - interval '2 months')`);
  line(`  bare: the same 1,000 rows in one insert … select, ${label}`, performance.now() - t0, 'ms');
}

/** The export's query as the dispatch-sheet repository sends it, for the "bare" figure. */
const bareDispatchExport = (zoneId: string, periodStart: string) => `
  select p.id, p.name, e.name, e.credit_code, p.nature, p.level, p.sector_text, p.construction_content, p.planned_start_year, p.planned_end_year,
    p.total_investment_yuan, ap.plan_yuan, rep.period_yuan, rep.ytd_yuan, rep.since_yuan, cur.progress_text, cur.problems, d.name, o.display_name, l.display_name,
    (select min(m.planned_on) from project_milestones m where m.project_id = p.id and m.actual_on is null and m.planned_on is not null), p.flag
  from projects p
  left join enterprises e on e.id = p.investor_enterprise_id left join departments d on d.id = p.department_id
  left join users o on o.id = p.officer_user_id left join users l on l.id = p.leader_user_id
  left join project_annual_plans ap on ap.project_id = p.id and ap.year = ${Number(periodStart.slice(0, 4))}
  left join progress_reports cur on cur.project_id = p.id and cur.period_start = '${periodStart}'
  left join lateral (select sum(r.invested_yuan) as since_yuan, sum(r.invested_yuan) filter (where r.period_start >= '${periodStart.slice(0, 4)}-01-01') as ytd_yuan,
    sum(r.invested_yuan) filter (where r.period_start = '${periodStart}') as period_yuan
    from progress_reports r where r.project_id = p.id and r.period_start <= '${periodStart}') rep on true
  where p.zone_id = '${zoneId}' order by p.name, p.id`;

/** A 重点项目调度表 of `n` new projects (2,000 investors, three figures each), as a zone migrating from Excel has it. */
export async function dispatchSheetOf(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow(['基准开发区重点项目调度表']);
  ws.addRow([
    '项目名称',
    '建设单位',
    '建设性质',
    '项目级别',
    '所属板块',
    '建设规模及内容',
    '建设年限',
    '总投资（万元）',
    '年度计划投资（万元）',
    '本期完成投资（万元）',
    '年度累计完成（万元）',
    '自开工累计完成（万元）',
    '形象进度',
    '存在问题',
  ]);
  for (let i = 0; i < n; i++)
    ws.addRow([
      `迁移基准项目${i}`,
      `基准迁移测试${i % 2000}有限公司`,
      i % 3 ? '新建' : '续建',
      i % 5 ? '市重点' : '省重点',
      '新材料',
      '新建厂房及生产线',
      '2025-2027',
      10000 + (i % 500),
      3000,
      200,
      600,
      1800.5,
      '主体施工',
      i % 7 ? null : '用地指标待落实',
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One upload to the import engine: the sheet is read, checked and staged (the preview). */
async function upload(url: string, headers: Record<string, string>, file: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'dispatch.xlsx');
  const { 'content-type': _drop, ...rest } = headers;
  const res = await fetch(url, { method: 'POST', headers: rest, body: form });
  const body = (await res.json()) as { id: string; validRows?: number };
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function commitImport(url: string, headers: Record<string, string>, id: string) {
  const res = await fetch(`${url}/api/imports/${id}/commit`, { method: 'POST', headers, body: JSON.stringify({ mode: 'all' }) });
  if (res.status !== 200) throw new Error(`commit: ${res.status} ${await res.text()}`);
}

/** Export of a 300-project zone and import of a 20k-row sheet into an empty zone, over HTTP, each beside bare SQL. */
async function dispatchSheetFigures(url: string, database: Database, query: (text: string) => Promise<unknown>, zoneId: string, label: string) {
  const period = previousPeriod('month', today()).start;
  const [{ n }] = await database.query<{ n: string }>(`select count(*) as n from projects where zone_id = '${zoneId}'`);
  const admin = await loginHeaders(url, 'admin');
  line(
    `dispatch sheet export p50, ${label}, ${n} projects`,
    await p50Get(`${url}/api/exports/project-dispatch.xlsx?zoneId=${zoneId}&period=${period}`, admin, 10),
    'ms',
  );
  line('  bare: the same export query', await p50Bare(() => query(bareDispatchExport(zoneId, period)), 10), 'ms');

  const [{ id: empty }] = await database.query<{ id: string }>(
    `insert into zones (code, name, short_name, kind, region_code) select 'BENCH' || floor(random() * 1e6)::int, '迁移基准开发区', '迁移区', kind, region_code from zones limit 1 returning id`,
  );
  const file = await dispatchSheetOf(20_000);
  const q = `kind=project-dispatch&zoneId=${empty}&period=${period}`;
  let t0 = performance.now();
  const staged = await upload(`${url}/api/imports?${q}`, admin, file);
  line(`dispatch sheet import upload (read, check, stage), 20,000 rows, ${label}`, performance.now() - t0, 'ms', `${staged.validRows} valid`);
  t0 = performance.now();
  await commitImport(url, admin, staged.id);
  line(`dispatch sheet import commit of the staged rows, 20,000 rows, ${label}`, performance.now() - t0, 'ms', '20k projects, 200k nodes, 260k approvals, 60k reports');
  const [{ id: bare }] = await database.query<{ id: string }>(
    `insert into zones (code, name, short_name, kind, region_code) select 'BARE' || floor(random() * 1e6)::int, '裸写基准开发区', '裸写区', kind, region_code from zones limit 1 returning id`,
  );
  t0 = performance.now();
  await query(`begin;
    insert into projects (zone_id, name, nature, level, sector_text, total_investment_yuan, stage, stage_entered_on)
      select '${bare}', '裸写基准项目' || g, 'new', 'city', '新材料', 100000000, 'planning', current_date from generate_series(1, 20000) g;
    insert into project_milestones (zone_id, project_id, sort_order, name) select zone_id, id, m, '节点' || m from projects, generate_series(1, 10) m where zone_id = '${bare}';
    insert into project_approvals (zone_id, project_id, sort_order, name) select zone_id, id, a, '审批' || a from projects, generate_series(1, 13) a where zone_id = '${bare}';
    insert into progress_reports (zone_id, project_id, period_kind, period_start, period_end, invested_yuan, reported_by_name)
      select zone_id, id, 'month', '${period}'::date - k * interval '1 month', '${period}'::date - k * interval '1 month' + interval '27 days', 1000000, 'bench'
      from projects, generate_series(0, 2) k where zone_id = '${bare}';
    commit`);
  line(`  bare: the same rows in 4 insert … select, ${label}`, performance.now() - t0, 'ms');
}

export async function benchProjects(): Promise<void> {
  // PostgreSQL at province scale.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_projects';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrateDatabase(database);
  let t0 = performance.now();
  await seedDemo(database, { scale: 'province' });
  const [{ n: projectCount }] = await database.query<{ n: string }>('select count(*) as n from projects');
  const [{ n: reportCount }] = await database.query<{ n: string }>('select count(*) as n from progress_reports');
  line(`seed --scale province, PostgreSQL (${projectCount} projects, ${reportCount} reports)`, (performance.now() - t0) / 1000, 's');
  await assignThousand(database);
  // What autovacuum does on a live server after a bulk load: visibility map and statistics.
  await database.exec('vacuum analyze');
  const sampleZone = (await database.query<{ id: string }>(`select id from zones where code = 'SX010'`))[0].id;
  const sampleProject = (
    await database.query<{ id: string }>(`select id from projects where zone_id = '${sampleZone}' and investor_enterprise_id is null limit 1`)
  )[0].id;
  const pgClient = new pg.Client({ connectionString: dbUrl });
  await pgClient.connect();

  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const province = await loginHeaders(server.url, 'province');
    const zoneLeader = await loginHeaders(server.url, 'sx010-leader');
    line(
      'project list p50, PostgreSQL, province viewer (100 zones), flag=red, page 1 of 20',
      await p50Get(`${server.url}/api/projects?flag=red&pageSize=20`, province),
      'ms',
    );
    // The province viewer's scope is every zone of Shanxi (region 14): the API filters through the
    // region predicate of platform/scope.ts (zoneScope), as the bare query does.
    const scopeFilter = `p.zone_id in (select z.id from zones z where left(z.region_code, 2) = '14')`;
    line('  bare: the same list query + count', await p50Bare(() => pgClient.query(bareList(scopeFilter))), 'ms');
    line(
      'project list p50, PostgreSQL, zone leader (1 zone), flag=red, sorted by investment',
      await p50Get(`${server.url}/api/projects?flag=red&sort=totalInvestment&pageSize=20`, zoneLeader),
      'ms',
    );
    line('  bare: the same list query + count', await p50Bare(() => pgClient.query(bareList(`p.zone_id = '${sampleZone}'`))), 'ms');
    line('project detail p50, PostgreSQL (50 reports, 10 nodes, 13 approvals)', await p50Get(`${server.url}/api/projects/${sampleProject}`, zoneLeader), 'ms');
    line(
      '  bare: the same 2 queries',
      await p50Bare(async () => {
        for (const q of bareDetail(sampleProject)) await pgClient.query(q);
      }),
      'ms',
    );
    const officer = await loginHeaders(server.url, 'projects');
    await batchFigure(server.url, officer, 'PostgreSQL');
    await bareBatch((q) => pgClient.query(q), 'PostgreSQL');
    await database.exec(`
      insert into projects (zone_id, name, sector_text, nature, level, total_investment_yuan, stage, stage_entered_on, signed_on)
      select '${sampleZone}', '调度表基准项目' || g, '新材料', 'new', 'city', 100000000, 'construction', current_date - 100, current_date - 400
      from generate_series(1, 300 - (select count(*) from projects where zone_id = '${sampleZone}')::int) g`);
    await dispatchSheetFigures(server.url, database, (q) => pgClient.query(q), sampleZone, 'PostgreSQL');
  } finally {
    await server.stop();
    await pgClient.end();
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  // PGlite, one zone.
  const dataDir = `${tempDir('zonedesk-bench-projects-')}/data`;
  const lite = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(lite);
  t0 = performance.now();
  await seedDemo(lite);
  await lite.db.transaction((tx) => seedScaleProjects(tx, today(), { zoneIds: [fendong] }));
  await assignThousand(lite);
  line('seed demo + 200 projects × 50 reports in one zone, PGlite', (performance.now() - t0) / 1000, 's');
  const liteProject = (
    await lite.query<{ id: string }>(
      `select id from projects where zone_id = '${fendong}' and investor_enterprise_id is null and name not like '批量%' limit 1`,
    )
  )[0].id;
  await lite.close();
  const liteServer = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const leader = await loginHeaders(liteServer.url, 'leader');
    line('project list p50, PGlite, one zone, flag=red', await p50Get(`${liteServer.url}/api/projects?flag=red&pageSize=20`, leader), 'ms');
    line('project detail p50, PGlite', await p50Get(`${liteServer.url}/api/projects/${liteProject}`, leader), 'ms');
    await batchFigure(liteServer.url, await loginHeaders(liteServer.url, 'projects'), 'PGlite');
  } finally {
    await liteServer.stop();
  }
  // Bare figures on PGlite: the same directory opened in this process once the server is gone.
  const bare = await PGlite.create(`${dataDir}/pgdata`);
  try {
    line('  bare PGlite: list query + count', await p50Bare(() => bare.exec(bareList(`p.zone_id = '${fendong}'`))), 'ms');
    line(
      '  bare PGlite: detail queries',
      await p50Bare(async () => {
        for (const q of bareDetail(liteProject)) await bare.query(q);
      }),
      'ms',
    );
    await bareBatch((q) => bare.query(q), 'PGlite');
  } finally {
    await bare.close();
  }
}

/**
 * The investment pipeline at scale, each figure beside the bare SQL doing the same work:
 * lead list filtered + paginated p50, funnel group-by p50, list throughput at 10 connections, and
 * the import of a 100k-row enterprise .xlsx (end to end over HTTP: upload, stream-read, validate,
 * stage, commit) with the server's peak RSS.
 * PostgreSQL: `seed --scale province` (100 zones, ~50k leads, ~100k activities).
 * PGlite: the demo plus 5,000 synthetic leads in 汾东 (one big zone).
 */
import fs from 'node:fs';
import pg from 'pg';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import { PGlite } from '@electric-sql/pglite';
import { line, loginHeaders, p50Get, peakRssMb, percentile, pgUrl, startServer, tempDir, type RunningServer } from './lib.ts';
import { migrateDatabase, openDatabase } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';
import { seedScaleLeads } from '../src/server/modules/leads/leads.seed.ts';
import { chinaToday } from '../src/server/platform/clock.ts';
import { creditCodeCheckChar } from '../src/contract/credit-code.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const listQuery = 'stage=contact,intent,framework&status=active&sort=updatedAt&order=desc&page=2&pageSize=20';

/** The list query as the repository sends it (one page + the count), for the "bare" figure. */
const bareList = (zone: string) => [
  `select l.*, e.name, e.credit_code, u.display_name from leads l left join enterprises e on e.id = l.enterprise_id left join users u on u.id = l.owner_id
   where l.zone_id in ('${zone}') and l.stage in ('contact','intent','framework') and l.status in ('active')
   order by l.updated_at desc nulls last, l.id desc limit 20 offset 20`,
  `select count(*)::int from leads l where l.zone_id in ('${zone}') and l.stage in ('contact','intent','framework') and l.status in ('active')`,
];
/** `zones`: the zone predicate, as the repository sends the caller's scope (platform/scope.ts zoneScope). */
const bareFunnel = (zones: string) =>
  `select stage, status, count(*)::int, coalesce(sum(planned_investment_yuan), 0)::bigint from leads where zone_id in (${zones}) group by stage, status`;
/** A province viewer's scope as platform/scope.ts writes it: the region's zones, computed once in SQL. */
const provinceZones = (prefix: string) => `select z.id from zones z where z.region_code like '${prefix}%'`;
const bareFunnelInScope = (zonesQuery: string) =>
  `select stage, status, count(*)::int, coalesce(sum(planned_investment_yuan), 0)::bigint from leads where zone_id = any(array(${zonesQuery})) group by stage, status`;

/** The duplicate-lead check of the lead form: a demo lead's investor and its project name typed again. */
const duplicateQuery = `name=${encodeURIComponent('光伏玻璃深加工')}&enterpriseId=${demoId('pipeline-enterprise:lingnan')}`;
const bareDuplicates = `select l.id, l.code, l.name, l.enterprise_id, e.name, l.stage, l.status, l.project_id, l.version
  from leads l left join enterprises e on e.id = l.enterprise_id
  where l.zone_id = '${fendong}' and (l.enterprise_id = '${demoId('pipeline-enterprise:lingnan')}'
    or e.normalized_name = (select x.normalized_name from enterprises x where x.id = '${demoId('pipeline-enterprise:lingnan')}')
    or replace(l.name, ' ', '') ilike '%光伏玻璃深加工%')
  order by l.created_at limit 200`;

async function p50Bare(run: () => Promise<unknown>, runs = 50): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCodeFor(i: number): string {
  let body = '';
  for (let n = i, k = 0; k < 9; k++, n = Math.floor(n / 31)) body = alphabet[n % 31] + body;
  const first17 = `91140802${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A 100k-row enterprise list as people keep it, written with the streaming writer. */
export async function writeEnterpriseFile(file: string, rows: number, offset: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['企业名称', '统一社会信用代码', '法定代表人', '注册资本（万元）', '所属行业', '行政区划代码', '地址', '联系人', '联系电话']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      `基准导入企业${offset + i}号有限公司`,
      creditCodeFor(offset + i),
      '张三',
      100 + (i % 5000),
      'C39',
      '140802',
      `运城市盐湖区工业路${i}号`,
      i % 3 ? null : '李四',
      i % 3 ? null : '13800000000',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}


async function importFigure(server: RunningServer, headers: Record<string, string>, file: string, label: string) {
  const { 'content-type': _json, ...auth } = headers;
  const blob = new Blob([fs.readFileSync(file)]);
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', blob, 'enterprises.xlsx');
  const staged = await fetch(`${server.url}/api/imports?kind=enterprises&zoneId=${fendong}`, { method: 'POST', headers: auth, body: form });
  if (staged.status !== 201) throw new Error(`import: ${staged.status} ${await staged.text()}`);
  const summary = (await staged.json()) as { id: string; validRows: number; errorCount: number };
  const tStaged = performance.now();
  const committed = await fetch(`${server.url}/api/imports/${summary.id}/commit`, { method: 'POST', headers, body: JSON.stringify({ mode: 'all' }) });
  if (committed.status !== 200) throw new Error(`commit: ${committed.status} ${await committed.text()}`);
  const total = performance.now() - t0;
  line(
    `import 100k-row enterprise .xlsx end to end, ${label} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${summary.validRows} valid)`,
    total / 1000,
    's',
    `read+validate+stage ${((tStaged - t0) / 1000).toFixed(1)} s, commit ${((performance.now() - tStaged) / 1000).toFixed(1)} s`,
  );
  line(`  server peak RSS during the import, ${label}`, peakRssMb(server.process.pid!), 'MB');
}

async function throughput(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: 8, headers });
  if (result.non2xx > 0) throw new Error(`list bench: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

export async function benchPipeline(): Promise<void> {
  const dir = tempDir('zonedesk-bench-pipeline-');
  const file = `${dir}/enterprises-100k.xlsx`;
  let t0 = performance.now();
  await writeEnterpriseFile(file, 100_000, 0);
  line('write the 100k-row enterprise .xlsx (streaming writer)', (performance.now() - t0) / 1000, 's');

  // PostgreSQL at province scale.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_pipeline';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrateDatabase(database);
  t0 = performance.now();
  await seedDemo(database, { scale: 'province' });
  const [{ n: leadCount }] = await database.query<{ n: string }>('select count(*) as n from leads');
  const [{ n: activityCount }] = await database.query<{ n: string }>('select count(*) as n from activities');
  line(`seed --scale province, PostgreSQL (${leadCount} leads, ${activityCount} activities)`, (performance.now() - t0) / 1000, 's');
  await database.exec('vacuum analyze');
  const sampleZone = (await database.query<{ id: string }>(`select id from zones where code = 'SX010'`))[0].id;
  await database.close();
  const pgClient = new pg.Client({ connectionString: dbUrl });
  await pgClient.connect();
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const officer = await loginHeaders(server.url, 'sx010-officer');
    const listUrl = `${server.url}/api/leads?${listQuery}`;
    line('lead list p50, PostgreSQL, one zone of 100, 3 stages + status, page 2 of 20', await p50Get(listUrl, officer), 'ms');
    line('  bare: the same page + count', await p50Bare(() => Promise.all(bareList(sampleZone).map((q) => pgClient.query(q)))), 'ms');
    line('funnel group-by p50, PostgreSQL, one zone', await p50Get(`${server.url}/api/leads/funnel`, officer), 'ms');
    line('  bare: the same group-by', await p50Bare(() => pgClient.query(bareFunnel(`'${sampleZone}'`))), 'ms');
    const province = await loginHeaders(server.url, 'province');
    line('funnel group-by p50, PostgreSQL, province viewer (100 zones)', await p50Get(`${server.url}/api/leads/funnel`, province), 'ms');
    const [{ region_code: provinceRegion }] = (await pgClient.query<{ region_code: string }>(`select region_code from users where username = 'province'`)).rows;
    line(
      '  bare: the same group-by, region predicate',
      await p50Bare(() => pgClient.query(bareFunnelInScope(provinceZones(provinceRegion.slice(0, 2))))),
      'ms',
    );
    const allZones = (await pgClient.query<{ id: string }>('select id from zones')).rows.map((r) => `'${r.id}'`).join(',');
    line('  bare: the same group-by, 100 ids pasted in (the old way)', await p50Bare(() => pgClient.query(bareFunnel(allZones))), 'ms');
    line('lead list throughput, PostgreSQL, 10 connections', await throughput(listUrl, officer), 'req/s');
    const leader = await loginHeaders(server.url, 'leader');
    await importFigure(server, leader, file, 'PostgreSQL');
    t0 = performance.now();
    await pgClient.query(
      `insert into enterprises (credit_code, name, normalized_name) select null, '裸插入企业' || g || '有限公司', '裸插入企业' || g from generate_series(1, 100000) g`,
    );
    line('  bare: insert 100k enterprises in one insert … select', performance.now() - t0, 'ms');
  } finally {
    await server.stop();
    await pgClient.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  // PGlite, one big zone.
  const dataDir = `${dir}/data`;
  const lite = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(lite);
  t0 = performance.now();
  await seedDemo(lite);
  const n = await lite.db.transaction((tx) => seedScaleLeads(tx, chinaToday(), { zoneIds: [fendong], perZone: 5000 }));
  line(`seed demo + ${n} synthetic leads in one zone, PGlite`, (performance.now() - t0) / 1000, 's');
  await lite.exec('analyze');
  await lite.close();
  const liteServer = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const officer = await loginHeaders(liteServer.url, 'officer');
    const listUrl = `${liteServer.url}/api/leads?${listQuery}`;
    line('lead list p50, PGlite, one zone (5k leads), 3 stages + status, page 2', await p50Get(listUrl, officer), 'ms');
    line('funnel group-by p50, PGlite, one zone', await p50Get(`${liteServer.url}/api/leads/funnel`, officer), 'ms');
    line('lead list throughput, PGlite, 10 connections', await throughput(listUrl, officer), 'req/s');
    line(
      'duplicate-lead check p50, PGlite, one zone (5k leads), investor + name',
      await p50Get(`${liteServer.url}/api/leads/duplicates?${duplicateQuery}`, officer),
      'ms',
    );
    await importFigure(liteServer, await loginHeaders(liteServer.url, 'leader'), file, 'PGlite');
  } finally {
    await liteServer.stop();
  }
  const bare = await PGlite.create(`${dataDir}/pgdata`);
  try {
    line(
      '  bare PGlite: list page + count',
      await p50Bare(async () => {
        for (const q of bareList(fendong)) await bare.query(q);
      }),
      'ms',
    );
    line('  bare PGlite: funnel group-by', await p50Bare(() => bare.query(bareFunnel(`'${fendong}'`))), 'ms');
    line('  bare PGlite: the duplicate candidates (same or same-named investor, or the name inside)', await p50Bare(() => bare.query(bareDuplicates)), 'ms');
    t0 = performance.now();
    await bare.query(
      `insert into enterprises (credit_code, name, normalized_name) select null, '裸插入企业' || g || '有限公司', '裸插入企业' || g from generate_series(1, 100000) g`,
    );
    line('  bare PGlite: insert 100k enterprises in one insert … select', performance.now() - t0, 'ms');
  } finally {
    await bare.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

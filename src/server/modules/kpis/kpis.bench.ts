/**
 * Zone KPIs at `seed --scale province` (`npm run bench -- kpis`): the first refresh of every zone
 * by the job, the province roll-up and ranking (PostgreSQL, province viewer) and a zone's 驾驶舱
 * (PostgreSQL and PGlite, leader) over HTTP, each beside the bare SQL: the read model's own
 * statement, and the records' SQL computing the same figures from scratch (kpis.repository
 * fromScratch; the 三个一批 and chain figures, which come from other modules' services, not included).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer, tempDir } from '../../../../bench/lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { seedDemo } from '../../cli/seed.ts';
import { chinaToday } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { modules } from '../modules.ts';
import { rankSources } from './kpis.figures.ts';
import { createKpisRepository, zonesIn, type ZoneSet } from './kpis.repository.ts';

const fendong = demoId('zone:fendong');

async function p50(run: () => Promise<unknown>, runs = 30): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 3) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `seed --scale province`; should one module's seed fail (the whole seed is one transaction, so
 * nothing stays), seeds again without it and says so: the KPIs do not read that module.
 */
async function seedProvince(database: Database, label: string) {
  const t0 = performance.now();
  try {
    await seedDemo(database, { scale: 'province' });
  } catch (err) {
    const failed = modules.find((m) => m.seed && String((err as Error).stack).includes(`/${m.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}/`));
    if (!failed) throw err;
    line(`  seed of module ${failed.name} failed at province scale (${String((err as Error).cause ?? err).split('\n')[0]}): seeding without it`, 0, '');
    const seeds = modules.filter((m) => m.seed && m !== failed).map((m) => m.seed!).sort((a, b) => a.order - b.order);
    await database.db.transaction(async (tx) => {
      for (const seed of seeds) await seed.run(tx, { scale: 'province', clock: () => new Date() });
    });
  }
  line(`seed --scale province, ${label}`, Math.round((performance.now() - t0) / 1000), 's');
}

function ranges() {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  return { year, today, fromMonth: `${year - 1}-01-01`, currentMonth: `${today.slice(0, 7)}-01` };
}

/** The read model's statements and the records' SQL, timed on one database. */
async function bareFigures(database: Database, label: string, province: boolean) {
  const repo = createKpisRepository();
  const r = ranges();
  const region: ZoneSet = (col) => sql`${col} = any(array(select z.id from zones z where z.region_code like '14%'))`;
  const zone = zonesIn([fendong]);
  const out: string[] = [];
  const windows = [
    { from: `${r.year}-01-01`, to: r.currentMonth },
    { from: `${r.year - 1}-01-01`, to: `${r.year - 1}${r.currentMonth.slice(4)}` },
  ];
  if (province) {
    out.push(line(`  bare ${label}: the ranking's read of the summaries (100 zones × windows)`, await p50(() => repo.windowSums(database.db, region, windows, rankSources)), 'ms'));
    out.push(line(`  bare ${label}: the roll-up's read of the summaries`, await p50(() => repo.aggregated(database.db, region, `${r.year}-01-01`, r.currentMonth)), 'ms'));
    out.push(line(`  bare ${label}: the same figures from scratch, 100 zones (records' SQL)`, await p50(() => repo.fromScratch(database.db, region, r), 10), 'ms'));
  }
  out.push(line(`  bare ${label}: a zone's read of the summaries`, await p50(() => repo.aggregated(database.db, zone, `${r.year}-01-01`, r.currentMonth)), 'ms'));
  out.push(line(`  bare ${label}: the zone's figures from scratch (records' SQL)`, await p50(() => repo.fromScratch(database.db, zone, r)), 'ms'));
  return out;
}

async function waitForRefresh(url: string, headers: Record<string, string>, zones: number, timeoutMs = 600_000) {
  const t0 = performance.now();
  for (;;) {
    const res = await fetch(`${url}/api/kpis/dashboard`, { headers });
    const body = (await res.json()) as { zones: unknown[]; refreshedAt: string | null; asOf: string };
    // refreshedAt is the oldest zone's refresh: set once every zone of the caller has one.
    if (res.ok && body.refreshedAt && body.zones.length >= zones) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error('the KPI job did not refresh every zone in time');
    await sleep(500);
  }
}

export async function benchKpis(): Promise<void> {
  // ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_kpis';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrateDatabase(database);
  await seedProvince(database, 'PostgreSQL');
  await database.exec('vacuum analyze');
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const province = await loginHeaders(server.url, 'province');
    const leader = await loginHeaders(server.url, 'leader');
    const [{ n: zones }] = await database.query<{ n: string }>(`select count(*) as n from zones where region_code like '14%'`);
    const refreshMs = await waitForRefresh(server.url, province, Number(zones));
    const [{ rows: summaryRows }] = await database.query<{ rows: string }>('select count(*) as rows from kpi_summaries');
    line(`first refresh of ${zones} zones by the job after start (${summaryRows} summary rows), PostgreSQL`, Math.round(refreshMs), 'ms', 'job runs a second after start');
    await database.exec('analyze kpi_summaries; analyze kpi_refreshes');
    line('province roll-up p50 (驾驶舱 over 100 zones, HTTP, province viewer), PostgreSQL', await p50Get(`${server.url}/api/kpis/dashboard`, province), 'ms', 'target < 100 ms');
    line('province ranking p50 (100 zones on 签约额, HTTP, province viewer), PostgreSQL', await p50Get(`${server.url}/api/kpis/ranking?indicator=signedYuan`, province), 'ms', 'target < 100 ms');
    line('province ranking p50 (100 zones on 工业投资 growth, HTTP), PostgreSQL', await p50Get(`${server.url}/api/kpis/ranking?indicator=industrialInvestment&basis=growth`, province), 'ms', 'target < 100 ms');
    line('province ranking p50 (100 zones on 亩均税收, HTTP), PostgreSQL', await p50Get(`${server.url}/api/kpis/ranking?indicator=taxPerMu`, province), 'ms', 'target < 100 ms');
    line('city ranking p50 (cities of the province, HTTP), PostgreSQL', await p50Get(`${server.url}/api/kpis/ranking?indicator=signedYuan&groupBy=city`, province), 'ms');
    line('zone 驾驶舱 p50 (汾东, HTTP, leader), PostgreSQL', await p50Get(`${server.url}/api/kpis/dashboard?zoneId=${fendong}`, leader), 'ms', 'target < 50 ms');
    await bareFigures(database, 'PostgreSQL', true);
  } finally {
    await server.stop();
    await database.close();
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  // ── PGlite ──────────────────────────────────────────────────────────────────────────────────
  const dir = tempDir('zonedesk-bench-kpis-');
  const dataDir = path.join(dir, 'data');
  const lite = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(lite);
  await seedProvince(lite, 'PGlite');
  await bareFigures(lite, 'PGlite', false);
  await lite.close();
  const liteServer = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const leader = await loginHeaders(liteServer.url, 'leader');
    const refreshMs = await waitForRefresh(liteServer.url, leader, 1);
    line('first refresh of every zone by the job after start, PGlite', Math.round(refreshMs), 'ms');
    line('zone 驾驶舱 p50 (汾东, HTTP, leader), PGlite', await p50Get(`${liteServer.url}/api/kpis/dashboard?zoneId=${fendong}`, leader), 'ms', 'target < 50 ms');
  } finally {
    await liteServer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Statistics at `seed --scale province` on PostgreSQL (`npm run bench -- statistics`), each figure
 * beside the bare SQL doing the same work: the seed itself, a zone's grid (a year of months, with
 * last year's for the growth), and the province-wide read the ranking makes (100 zones × two
 * indicators × two years; the latest and previous month per zone).
 */
import pg from 'pg';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer } from '../../../../bench/lib.ts';
import { migrateDatabase, openDatabase } from '../../db/client.ts';
import { seedDemo } from '../../cli/seed.ts';
import { modules } from '../modules.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createStatisticsRepository } from './statistics.repository.ts';
import { seedStatistics } from './statistics.seed.ts';

const fendong = demoId('zone:fendong');
const NOW = '2026-11-18T10:00:00+08:00';

async function p50(run: () => Promise<unknown>, runs = 50): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

export async function benchStatistics(): Promise<void> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_statistics';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  let database = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrateDatabase(database);
  const t0 = performance.now();
  let seedMs: number;
  let skipped = '';
  try {
    await seedDemo(database, { scale: 'province', clock: fixedClock(NOW) });
    seedMs = performance.now() - t0;
  } catch (err) {
    // Another module's province seed failing must not hide these figures: seed every other module.
    const failed = String((err as Error).stack ?? err).match(/modules\/([a-z-]+)\/[a-z-]+\.seed\.ts/)?.[1];
    if (!failed || failed === 'statistics') throw err;
    skipped = ` (without ${failed}: its province seed failed)`;
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    database = await openDatabase({ kind: 'postgres', url: dbUrl });
    await migrateDatabase(database);
    const folderName = (m: { name: string }) => m.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const seeds = modules.flatMap((m) => (m.seed && folderName(m) !== failed ? [m.seed] : [])).sort((a, b) => a.order - b.order);
    const t = performance.now();
    await database.db.transaction(async (tx) => {
      for (const seed of seeds) await seed.run(tx, { scale: 'province', clock: fixedClock(NOW) });
    });
    seedMs = performance.now() - t;
  }
  // The statistics part alone, again from empty tables (the same rows, in one transaction).
  await database.exec('delete from assessment_results; delete from assessment_schemes; delete from statistic_revisions; delete from statistic_values;');
  const t1 = performance.now();
  await database.db.transaction((tx) => seedStatistics(tx, { scale: 'province', clock: fixedClock(NOW) }));
  const statisticsSeedMs = performance.now() - t1;
  await database.exec('vacuum analyze');
  const [counts] = await database.query<{ v: string; r: string; z: string }>(
    `select (select count(*) from statistic_values) v, (select count(*) from statistic_revisions) r, (select count(distinct zone_id) from statistic_values) z`,
  );
  line(`seed --scale province, whole demo (every module${skipped}), PostgreSQL`, Math.round(seedMs), 'ms');
  line(`  of which statistics: ${counts.v} values, ${counts.r} revisions over ${counts.z} zones, schemes and results (batched inserts)`, Math.round(statisticsSeedMs), 'ms');

  const repo = createStatisticsRepository();
  const provinceScope = { scope: { all: false, zoneIds: [], rule: { kind: 'region' as const, prefix: '14' } } };
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const leader = await loginHeaders(server.url, 'leader');
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const lastYear = months.map((m) => m.replace('2026', '2025'));
    line(
      'statistics grid p50, one zone, 12 months × 16 indicators (HTTP, leader), PostgreSQL',
      await p50Get(`${server.url}/api/statistics/grid?zoneId=${fendong}&kind=month&from=2026-01&to=2026-12`, leader),
      'ms',
    );
    const gridSql = `select v.*, (select count(*) from statistic_revisions r where r.zone_id = v.zone_id and r.indicator = v.indicator and r.period = v.period) from statistic_values v
      where v.zone_id = $1 and v.period = any($2::text[])`;
    line('  bare PostgreSQL: the same select', await p50(() => client.query(gridSql, [fendong, [...months, ...lastYear]])), 'ms');

    const indicators = ['industrial_investment', 'tax_revenue', 'supplied_land'];
    const periods = ['2024', '2025'];
    const read = await repo.values(database.db, provinceScope, { indicators, periods });
    line(
      `province values read p50, ${new Set(read.map((r) => r.zoneId)).size} zones × ${indicators.length} indicators × ${periods.length} years (${read.length} values, repository), PostgreSQL`,
      await p50(() => repo.values(database.db, provinceScope, { indicators, periods })),
      'ms',
    );
    const valuesSql = `select zone_id, indicator, period, amount_yuan, quantity from statistic_values
      where zone_id = any(array(select z.id from zones z where z.region_code like '14%')) and indicator = any($1::text[]) and period = any($2::text[])`;
    line('  bare PostgreSQL: the same select', await p50(() => client.query(valuesSql, [indicators, periods])), 'ms');
    line(
      'latest and previous month per zone p50, 工业投资, province (repository), PostgreSQL',
      await p50(() => repo.latestPerZone(database.db, provinceScope, { indicator: 'industrial_investment', kind: 'month' })),
      'ms',
    );
    const latestSql = `select * from (select zone_id, period, amount_yuan, row_number() over (partition by zone_id order by period desc) rn from statistic_values
      where zone_id = any(array(select z.id from zones z where z.region_code like '14%')) and indicator = 'industrial_investment' and period_kind = 'month') t where rn <= 2`;
    line('  bare PostgreSQL: the same window', await p50(() => client.query(latestSql)), 'ms');
  } finally {
    await client.end();
    await server.stop();
    await database.close();
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

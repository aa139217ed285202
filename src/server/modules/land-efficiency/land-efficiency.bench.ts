/**
 * 亩均效益评价 of 5,000 enterprises (`npm run bench -- land-efficiency`), on PGlite and PostgreSQL: a
 * zone with 5,000 enterprises on land and their figures (made here, set-based; 2% without 综合能耗), then
 * the service's run (read the candidates, score with the default policy, replace the year's results,
 * store the run and its audit, in one transaction) beside one bare SQL statement that computes the same
 * scores and classes from scratch. The bench also checks that both agree.
 */
import pg from 'pg';
import { defaultLandEfficiencyPolicy } from '../../../contract/land-efficiency.ts';
import { line, percentile, pgUrl } from '../../../../bench/lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { systemClock } from '../../platform/clock.ts';
import './land-efficiency.policy.ts';
import { createLandEfficiencyRepository } from './land-efficiency.repository.ts';
import { createLandEfficiencyService } from './land-efficiency.service.ts';

const zone = '00000000-0000-4000-8000-00000000b001';
const userId = '00000000-0000-4000-8000-00000000b002';
const N = 5000;
const year = Number(new Date().toISOString().slice(0, 4)) - 1;

async function fill(database: Database) {
  await database.exec(`
    insert into regions (code, name, level, parent_code) values ('140000', '山西省', 'province', null), ('140800', '运城市', 'city', '140000'), ('140802', '盐湖区', 'county', '140800')
      on conflict do nothing;
    insert into zones (id, code, name, short_name, kind, region_code) values ('${zone}', 'LEBENCH', '亩均基准开发区', '亩均基准区', 'etdz', '140802');
    insert into users (id, username, display_name, password_hash, role) values ('${userId}', 'le-bench', '基准管理员', 'x', 'system_admin');
    insert into enterprises (id, name, normalized_name, created_in_zone_id)
      select md5('le-bench-' || k)::uuid, '亩均基准企业' || k || '有限公司', '亩均基准企业' || k, '${zone}' from generate_series(1, ${N}) k;
    insert into enterprise_yearly_figures (enterprise_id, year, output_yuan, revenue_yuan, tax_yuan, value_added_yuan, land_mu, energy_tce, emissions_tonnes, employees, rnd_yuan)
      select md5('le-bench-' || k)::uuid, ${year}, o, o * 95 / 100, o * (2 + k % 5) / 100, o * (20 + k % 15) / 100, 10 + (k * 37) % 390,
        case when k % 50 = 0 then null else o / 1000000 * (5 + k % 7) end, o / 1000000 * (9 + k % 11), 40 + (k * 13) % 400, o * (1 + k % 4) / 100
      from generate_series(1, ${N}) k, lateral (select ((5 + (k * 7) % 60) * 10000000)::bigint as o) oo;
  `);
}

/** The default policy (six indicators against the zone average, cap 1.2, A 20% / B 50% / C 20% / D 10%) in one statement. */
const bareSql = `
  with f as (select f.* from enterprise_yearly_figures f where f.year = ${year} and f.land_mu > 0 and f.enterprise_id in (
      select e.id from enterprises e where e.created_in_zone_id = '${zone}'
      union select p.investor_enterprise_id from projects p where p.zone_id = '${zone}' and p.investor_enterprise_id is not null
      union select cle.enterprise_id from chain_link_enterprises cle where cle.zone_id = '${zone}')),
    c as (select * from f where tax_yuan is not null and value_added_yuan is not null and energy_tce > 0 and emissions_tonnes > 0 and employees > 0
      and rnd_yuan is not null and revenue_yuan > 0),
    b as (select sum(tax_yuan) / sum(land_mu) / 10000 as tax, sum(value_added_yuan) / sum(land_mu) / 10000 as vam, sum(value_added_yuan) / sum(energy_tce) / 10000 as ve,
      sum(value_added_yuan) / sum(emissions_tonnes) / 10000 as vem, sum(value_added_yuan) / sum(employees) / 10000 as lp, sum(rnd_yuan)::numeric / sum(revenue_yuan) * 100 as rnd from c),
    s as (select c.enterprise_id,
        round(least(c.tax_yuan / c.land_mu / 10000 / b.tax, 1.2) * 30, 2) + round(least(c.value_added_yuan / c.land_mu / 10000 / b.vam, 1.2) * 20, 2)
        + round(least(c.value_added_yuan / c.energy_tce / 10000 / b.ve, 1.2) * 15, 2) + round(least(c.value_added_yuan / c.emissions_tonnes / 10000 / b.vem, 1.2) * 10, 2)
        + round(least(c.value_added_yuan::numeric / c.employees / 10000 / b.lp, 1.2) * 15, 2) + round(least(c.rnd_yuan::numeric / c.revenue_yuan * 100 / b.rnd, 1.2) * 10, 2) as score
      from c, b),
    r as (select s.*, rank() over (order by score desc) as rk, row_number() over (order by score desc) as rn, count(*) over () as n from s)
  select enterprise_id, score, rk, case when rn <= round(n * 0.2) then 'A' when rn <= round(n * 0.7) then 'B' when rn <= round(n * 0.9) then 'C' else 'D' end as grade from r`;

async function measure(database: Database, label: string) {
  const service = createLandEfficiencyService({ db: database.db, repo: createLandEfficiencyRepository(), audit: recordAudit, clock: systemClock });
  const session = {
    user: { id: userId, username: 'le-bench', displayName: '基准管理员', role: 'system_admin', locale: 'zh-CN', mustChangePassword: false, regionCode: null },
    scope: { all: true, zoneIds: [], rule: { kind: 'all' } },
  } as unknown as SessionContext;
  await service.saveConfig(session, { zoneId: zone, year, version: 0, ...defaultLandEfficiencyPolicy }, 'bench');
  // This process's CPU per run beside the wall time: on PGlite the database runs in this process, so
  // it is the run's whole cost whatever else loads the machine (on PostgreSQL only the JS side).
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const runs: number[] = [];
  const runsCpu: number[] = [];
  let first = 0;
  let firstCpu = 0;
  let counts: unknown;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const run = await service.run(session, { zoneId: zone, year }, 'bench');
    if (i > 0) {
      runs.push(performance.now() - t0);
      runsCpu.push(cpuMs(c0));
    } else {
      first = performance.now() - t0;
      firstCpu = cpuMs(c0);
    }
    counts = run.counts;
  }
  // A re-run after 1% of the enterprises reported new tax figures (their rows, and the ranks they move, are written).
  const changed: number[] = [];
  const changedCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    await database.exec(`update enterprise_yearly_figures set tax_yuan = tax_yuan * ${i % 2 ? 10 : 11} / ${i % 2 ? 11 : 10} where year = ${year} and enterprise_id in (select md5('le-bench-' || k)::uuid from generate_series(1, ${N}, 100) k)`);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await service.run(session, { zoneId: zone, year }, 'bench');
    changed.push(performance.now() - t0);
    changedCpu.push(cpuMs(c0));
  }
  const bare: number[] = [];
  let rows: { enterprise_id: string; score: string; grade: string }[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    rows = await database.query(bareSql);
    if (i > 0) bare.push(performance.now() - t0);
  }
  // Both ways give the same scores and classes.
  const stored = new Map(
    (await database.query<{ enterprise_id: string; score: string; grade: string }>(`select enterprise_id, score, grade from land_efficiency_results where zone_id = '${zone}' and grade is not null`)).map(
      (r) => [r.enterprise_id, r],
    ),
  );
  let maxDiff = 0;
  let gradeDiff = 0;
  for (const r of rows) {
    const s = stored.get(r.enterprise_id);
    if (!s) throw new Error(`bare SQL scored ${r.enterprise_id}, the run did not`);
    maxDiff = Math.max(maxDiff, Math.abs(Number(s.score) - Number(r.score)));
    if (s.grade !== r.grade) gradeDiff += 1;
  }
  if (rows.length !== stored.size || maxDiff > 0.05) throw new Error(`bare SQL and the run disagree: ${rows.length} vs ${stored.size}, score diff ${maxDiff}`);
  line(`亩均 evaluation of ${N} enterprises, first run of the year (every row written), ${label}`, first, 'ms', `target < 2 s; this process's CPU ${firstCpu.toFixed(0)} ms`);
  line(`亩均 re-run of ${N} enterprises p50, figures unchanged (read, score, write what changed, audit), ${label}`, percentile(runs, 50), 'ms', `CPU ${percentile(runsCpu, 50).toFixed(0)} ms; ${JSON.stringify(counts)}`);
  line(`亩均 re-run of ${N} enterprises p50, 1% of the tax figures changed, ${label}`, percentile(changed, 50), 'ms', `CPU ${percentile(changedCpu, 50).toFixed(0)} ms`);
  line(`  bare ${label}: the same scores and classes in one statement`, percentile(bare, 50), 'ms', `${rows.length} scored; max score difference ${maxDiff.toFixed(2)}, classes differing ${gradeDiff}`);
}

export async function benchLandEfficiency(): Promise<void> {
  const lite = await openDatabase({ kind: 'pglite-memory' });
  await migrateDatabase(lite);
  await fill(lite);
  await measure(lite, 'PGlite');
  await lite.close();

  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_land_efficiency';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  try {
    const database = await openDatabase({ kind: 'postgres', url: Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString() });
    await migrateDatabase(database);
    await fill(database);
    await database.exec('vacuum analyze');
    await measure(database, 'PostgreSQL');
    await database.close();
  } finally {
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

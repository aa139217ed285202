/**
 * Enterprise services at province scale, each figure beside the bare SQL doing the same work
 * (`npm run bench -- services`), on PostgreSQL: the demo plus 97 synthetic zones of Shanxi, each with
 * 6 programmes, 40 reserve entries (2 programmes each), 30 applications, 50 对接记录, 50 demand posts
 * and 5 job fairs, written set-based. The figures: the funding summary and the hiring totals for a
 * province viewer (100 zones) and for one zone's leader.
 */
import pg from 'pg';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer } from '../../../../bench/lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { seedDemo } from '../../cli/seed.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');

async function addProvince(database: Database) {
  await database.exec(`
    insert into zones (id, code, name, short_name, kind, region_code)
      select md5('bench-zone-' || i)::uuid, 'BZ' || lpad(i::text, 3, '0'), '基准开发区' || i, '基准区' || i, 'etdz', '140802' from generate_series(1, 97) i;
    insert into funding_programmes (id, zone_id, year, level, kind, department, name, opens_on, deadline_on, typical_amount_yuan)
      select md5('bp-' || z || '-' || k)::uuid, md5('bench-zone-' || z)::uuid, 2026, 'province', 'tech_upgrade', '省工业和信息化厅', '基准资金项目' || k, '2026-03-01', '2026-06-30', 10000000
      from generate_series(1, 97) z, generate_series(1, 6) k;
    insert into funding_reserve (id, zone_id, name, total_investment_yuan, added_on)
      select md5('br-' || z || '-' || k)::uuid, md5('bench-zone-' || z)::uuid, '基准储备项目' || k, 100000000, '2026-02-01'::date + (k % 200)
      from generate_series(1, 97) z, generate_series(1, 40) k;
    insert into funding_reserve_programmes (zone_id, reserve_id, programme_id)
      select md5('bench-zone-' || z)::uuid, md5('br-' || z || '-' || k)::uuid, md5('bp-' || z || '-' || (1 + (k + j) % 6))::uuid
      from generate_series(1, 97) z, generate_series(1, 40) k, generate_series(0, 1) j;
    insert into funding_applications (zone_id, reserve_id, programme_id, status, asked_yuan, granted_yuan)
      select md5('bench-zone-' || z)::uuid, md5('br-' || z || '-' || k)::uuid, md5('bp-' || z || '-' || (1 + k % 6))::uuid,
        (array['planning','submitted','review','approved','disbursed'])[1 + k % 5], 5000000, case when k % 5 >= 3 then 3000000 end
      from generate_series(1, 97) z, generate_series(1, 30) k;
    insert into funding_contacts (zone_id, contacted_on, department, subject, programme_id)
      select md5('bench-zone-' || z)::uuid, '2026-01-05'::date + k * 5, '省发展改革委', '汇报储备项目', md5('bp-' || z || '-' || (1 + k % 6))::uuid
      from generate_series(1, 97) z, generate_series(1, 50) k;
    insert into enterprises (id, name, normalized_name, created_in_zone_id)
      select md5('be-' || z || '-' || k)::uuid, '基准用工企业' || z || '-' || k || '有限公司', '基准用工企业' || z || '-' || k, md5('bench-zone-' || z)::uuid
      from generate_series(1, 97) z, generate_series(1, 10) k;
    insert into hiring_posts (zone_id, enterprise_id, sector, position, category, headcount, filled, posted_on)
      select md5('bench-zone-' || z)::uuid, md5('be-' || z || '-' || (1 + k % 10))::uuid, (array['光机电','新材料','新能源'])[1 + k % 3], '基准岗位' || k,
        (array['skilled_worker','rd_engineer','management'])[1 + k % 3], 10 + k % 20, k % 10, '2026-03-01'
      from generate_series(1, 97) z, generate_series(1, 50) k;
    insert into hiring_fairs (zone_id, name, held_on, kind, applicants, hires)
      select md5('bench-zone-' || z)::uuid, '基准招聘会' || k, '2026-04-01'::date + k, 'special', 300, 60 from generate_series(1, 97) z, generate_series(1, 5) k;
  `);
}

const province = `any(array(select z.id from zones z where z.region_code like '14%'))`;
/** The funding summary's statements (funding.repository.ts summary), as plain SQL. */
const bareFunding = (zones: string) => [
  `select p.id, p.name, p.year, count(*) filter (where a.status <> 'planning') as applied, sum(a.asked_yuan), sum(a.granted_yuan) filter (where a.status in ('approved','disbursed')), a.status, count(*)
     from funding_applications a join funding_programmes p on p.id = a.programme_id where a.zone_id = ${zones} group by grouping sets ((p.id, p.name, p.year), (a.status))`,
  `select p.year, count(*) filter (where a.status <> 'planning'), sum(a.asked_yuan), sum(a.granted_yuan) filter (where a.status in ('approved','disbursed'))
     from funding_applications a join funding_programmes p on p.id = a.programme_id where a.zone_id = ${zones} group by p.year`,
  `select extract(year from r.added_on)::int, count(*) from funding_reserve r where r.zone_id = ${zones} group by 1`,
  `select extract(year from c.contacted_on)::int, count(*) from funding_contacts c where c.zone_id = ${zones} group by 1`,
];
const bareHiring = (zones: string) => [
  `select p.sector, p.enterprise_id, e.name, p.category, count(*), sum(p.headcount), sum(p.filled) from hiring_posts p join enterprises e on e.id = p.enterprise_id
     where p.zone_id = ${zones} group by grouping sets ((p.sector), (p.enterprise_id, e.name), (p.category), ())`,
  `select count(*), sum(applicants), sum(hires) from hiring_fairs f where f.zone_id = ${zones}`,
  `select count(*), sum(class_size) from hiring_partnerships h where h.zone_id = ${zones}`,
];

async function p50(run: () => Promise<unknown>, runs = 50): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

export async function benchServices(): Promise<void> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_services';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrateDatabase(database);
  await seedDemo(database);
  await addProvince(database);
  await database.exec('vacuum analyze');
  const [counts] = await database.query<{ a: string; r: string; c: string; p: string }>(
    `select (select count(*) from funding_applications) a, (select count(*) from funding_reserve) r, (select count(*) from funding_contacts) c, (select count(*) from hiring_posts) p`,
  );
  await database.close();
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  // One connection runs them one after another, as the server's pool would for one request.
  const all = (qs: string[]) => async () => {
    for (const q of qs) await client.query(q);
  };
  try {
    const viewer = await loginHeaders(server.url, 'province');
    const leader = await loginHeaders(server.url, 'leader');
    const scale = `${counts.r} reserve, ${counts.a} applications, ${counts.c} contacts, 100 zones`;
    line(`funding summary p50, province viewer (${scale}), PostgreSQL`, await p50Get(`${server.url}/api/funding/summary`, viewer), 'ms');
    line('  bare PostgreSQL: the four aggregates', await p50(all(bareFunding(province))), 'ms');
    line('funding summary p50, one zone’s leader, PostgreSQL', await p50Get(`${server.url}/api/funding/summary?zoneId=${fendong}`, leader), 'ms');
    line('  bare PostgreSQL: the four aggregates', await p50(all(bareFunding(`'${fendong}'::uuid`))), 'ms');
    line(`hiring totals p50, province viewer (${counts.p} posts, 100 zones), PostgreSQL`, await p50Get(`${server.url}/api/hiring/summary`, viewer), 'ms');
    line('  bare PostgreSQL: the three aggregates', await p50(all(bareHiring(province))), 'ms');
  } finally {
    await client.end();
    await server.stop();
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Enterprise services at province scale, each figure beside the bare SQL doing the same work
 * (`npm run bench -- services`), on PostgreSQL and on PGlite: the demo plus 97 synthetic zones of
 * Shanxi, each with 6 programmes, 40 reserve entries (2 programmes each), 30 applications, 50 对接记录,
 * 50 demand posts, 5 job fairs, and for 银企对接 5 institutions, 40 financing needs, 60 referrals (a third
 * of them loans) and 4 对接会 over the last four quarters, written set-based. The figures: the funding
 * summary, the hiring totals and the finance quarterly summary for a province viewer (100 zones), and
 * the funding and finance summaries for one zone's leader.
 */
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer, tempDir } from '../../../../bench/lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { seedDemo } from '../../cli/seed.ts';
import { chinaToday } from '../../platform/clock.ts';
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
    insert into finance_institutions (id, zone_id, name, kind)
      select md5('bi-' || z || '-' || k)::uuid, md5('bench-zone-' || z)::uuid, '基准银行' || k, 'bank' from generate_series(1, 97) z, generate_series(1, 5) k;
    insert into finance_events (id, zone_id, name, held_on)
      select md5('bv-' || z || '-' || k)::uuid, md5('bench-zone-' || z)::uuid, '基准银企对接会' || k, current_date - k * 80 from generate_series(1, 97) z, generate_series(0, 3) k;
    insert into finance_needs (id, zone_id, enterprise_id, amount_yuan, purpose, raised_on, status)
      select md5('bn-' || z || '-' || k)::uuid, md5('bench-zone-' || z)::uuid, md5('be-' || z || '-' || (1 + k % 10))::uuid, 10000000, '流动资金',
        current_date - 30 - k * 7, case when k % 4 = 0 then 'open' when k % 3 = 0 then 'granted' else 'referred' end
      from generate_series(1, 97) z, generate_series(1, 40) k;
    insert into finance_referrals (zone_id, need_id, institution_id, event_id, referred_on, outcome, granted_yuan, granted_on)
      select md5('bench-zone-' || z)::uuid, md5('bn-' || z || '-' || k)::uuid, md5('bi-' || z || '-' || (1 + (k + j) % 5))::uuid,
        md5('bv-' || z || '-' || (k % 4))::uuid, current_date - 20 - k * 7,
        case when (k + j) % 3 = 0 then 'granted' when (k + j) % 3 = 1 then 'pending' else 'declined' end,
        case when (k + j) % 3 = 0 then 6000000 end, case when (k + j) % 3 = 0 then current_date - 10 - k * 7 end
      from generate_series(1, 97) z, generate_series(1, 40) k, generate_series(0, 1) j where k % 4 <> 0 and (j = 0 or k % 2 = 0);
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

/** The finance summary's statements (finance.repository.ts quarterFigures and standing) over the last four quarters, as plain SQL. */
function bareFinance(zones: string) {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const from = `'${q === 3 ? year : year - 1}-${String(((q + 1) % 4) * 3 + 1).padStart(2, '0')}-01'::date`;
  const to = `'${q === 3 ? year + 1 : year}-${String(((q + 1) % 4) * 3 + 1).padStart(2, '0')}-01'::date - 1`;
  const quarter = (col: string) => `extract(year from ${col})::int || 'Q' || extract(quarter from ${col})::int`;
  return [
    `select ${quarter('held_on')}, 'events', count(*)::int, null::bigint from finance_events where zone_id = ${zones} and held_on between ${from} and ${to} group by 1
     union all select ${quarter('raised_on')}, 'needs', count(*)::int, sum(amount_yuan)::bigint from finance_needs where zone_id = ${zones} and raised_on between ${from} and ${to} group by 1
     union all select ${quarter('referred_on')}, 'referrals', count(*)::int, null from finance_referrals where zone_id = ${zones} and referred_on between ${from} and ${to} group by 1
     union all select ${quarter('referred_on')}, 'declined', count(*)::int, null from finance_referrals where zone_id = ${zones} and outcome = 'declined' and referred_on between ${from} and ${to} group by 1
     union all select ${quarter('granted_on')}, 'granted', count(*)::int, sum(granted_yuan)::bigint from finance_referrals where zone_id = ${zones} and outcome = 'granted' and granted_on between ${from} and ${to} group by 1`,
    `select (select count(*) from finance_referrals where zone_id = ${zones} and outcome = 'pending'), (select count(*) from finance_needs where zone_id = ${zones} and status = 'open')`,
    `select i.id, i.name, i.kind, count(*) filter (where f.referred_on between ${from} and ${to}),
            count(*) filter (where f.outcome = 'granted' and f.granted_on between ${from} and ${to}),
            sum(f.granted_yuan) filter (where f.outcome = 'granted' and f.granted_on between ${from} and ${to})
       from finance_institutions i join finance_referrals f on f.zone_id = i.zone_id and f.institution_id = i.id where i.zone_id = ${zones} group by i.id, i.name, i.kind`,
  ];
}

async function p50(run: () => Promise<unknown>, runs = 50): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

type Counts = { a: string; r: string; c: string; p: string; n: string; f: string };
const fendongSql = `'${fendong}'::uuid`;

/** Demo, then the 97 synthetic zones; analysed; the record counts. */
async function fill(database: Database): Promise<Counts> {
  await migrateDatabase(database);
  await seedDemo(database);
  await addProvince(database);
  await database.exec('vacuum analyze');
  const [counts] = await database.query<Counts>(
    `select (select count(*) from funding_applications) a, (select count(*) from funding_reserve) r, (select count(*) from funding_contacts) c,
            (select count(*) from hiring_posts) p, (select count(*) from finance_needs) n, (select count(*) from finance_referrals) f`,
  );
  return counts!;
}

type BareKey = 'fundingProvince' | 'fundingZone' | 'hiringProvince' | 'financeProvince' | 'financeZone';

/** The bare statements' p50, each set run one after another on one connection (as the server's pool would run one request's). */
async function bareFigures(run: (q: string) => Promise<unknown>): Promise<Record<BareKey, number>> {
  const all = (qs: string[]) => async () => {
    for (const q of qs) await run(q);
  };
  return {
    fundingProvince: await p50(all(bareFunding(province))),
    fundingZone: await p50(all(bareFunding(fendongSql))),
    hiringProvince: await p50(all(bareHiring(province))),
    financeProvince: await p50(all(bareFinance(province))),
    financeZone: await p50(all(bareFinance(fendongSql))),
  };
}

/** The API figures of one server, each followed by its bare SQL (measured before, on the same database). */
async function apiLines(url: string, kind: string, counts: Counts, bare: Record<BareKey, number>) {
  const viewer = await loginHeaders(url, 'province');
  const leader = await loginHeaders(url, 'leader');
  const scale = `${counts.r} reserve, ${counts.a} applications, ${counts.c} contacts, 100 zones`;
  const finance = `${counts.n} needs, ${counts.f} referrals, 100 zones`;
  line(`funding summary p50, province viewer (${scale}), ${kind}`, await p50Get(`${url}/api/funding/summary`, viewer), 'ms');
  line(`  bare ${kind}: the four aggregates`, bare.fundingProvince, 'ms');
  line(`funding summary p50, one zone’s leader, ${kind}`, await p50Get(`${url}/api/funding/summary?zoneId=${fendong}`, leader), 'ms');
  line(`  bare ${kind}: the four aggregates`, bare.fundingZone, 'ms');
  line(`hiring totals p50, province viewer (${counts.p} posts, 100 zones), ${kind}`, await p50Get(`${url}/api/hiring/summary`, viewer), 'ms');
  line(`  bare ${kind}: the three aggregates`, bare.hiringProvince, 'ms');
  line(`finance quarterly summary p50, province viewer (${finance}), ${kind}`, await p50Get(`${url}/api/finance/summary`, viewer), 'ms');
  line(`  bare ${kind}: the quarters, the open counts, by institution`, bare.financeProvince, 'ms');
  line(`finance quarterly summary p50, one zone’s leader, ${kind}`, await p50Get(`${url}/api/finance/summary?zoneId=${fendong}`, leader), 'ms');
  line(`  bare ${kind}: the quarters, the open counts, by institution`, bare.financeZone, 'ms');
}

export async function benchServices(): Promise<void> {
  // ── PostgreSQL ──
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_services';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl });
  const counts = await fill(database);
  await database.close();
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const bare = await bareFigures((q) => client.query(q));
    await apiLines(server.url, 'PostgreSQL', counts, bare);
  } finally {
    await client.end();
    await server.stop();
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  // ── PGlite: one process holds the data directory, so the bare SQL runs before the server opens it ──
  const dir = tempDir('zonedesk-bench-services-');
  const dataDir = path.join(dir, 'data');
  try {
    const lite = await openDatabase({ kind: 'pglite', dataDir });
    const liteCounts = await fill(lite);
    const bare = await bareFigures((q) => lite.query(q));
    await lite.close();
    const liteServer = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
    try {
      await apiLines(liteServer.url, 'PGlite', liteCounts, bare);
    } finally {
      await liteServer.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Chains at scale, each figure beside the bare SQL doing the same work:
 * - the chain view of one chain of 30 links and 500 enterprises (with two years of figures each),
 *   on PGlite and on PostgreSQL;
 * - a province viewer's cross-zone view of one chain (铜基新材料) held by 100 zones (the demo's three and
 *   97 synthetic zones of Shanxi), on PostgreSQL.
 * The data is synthetic, written set-based into the demo database; `npm run bench -- chains`.
 */
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer, tempDir } from '../../../../bench/lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { seedDemo } from '../../cli/seed.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { chainTemplates } from './chain-templates.ts';
import { linkRowsSql } from './chains.repository.ts';

const fendong = demoId('zone:fendong');
const bigChain = demoId('bench-chain:30');

/** The chain view's statements as the repository sends them (chains.repository.ts chainsWhere + linkRowsSql), as plain SQL text. */
const bareLinkRows = (where: string) => new PgDialect().sqlToQuery(linkRowsSql(sql.raw(where))).sql;
const bareChains = (where: string) =>
  `select c.id, c.name, z.short_name, s.name from chains c join zones z on z.id = c.zone_id join sectors s on s.id = c.sector_id and s.zone_id = c.zone_id where ${where}`;
const chainViewWhere = `c.zone_id = '${fendong}' and c.id = '${bigChain}'`;
const provinceWhere = `c.template_key = 'copper' and c.zone_id = any(array(select z.id from zones z where z.region_code like '14%'))`;

/** One chain of 30 links (a tree: 3 roots, branching) and 500 enterprises placed on it, with two years of figures. */
async function addBigChain(database: Database) {
  const sector = demoId('sector:fendong:materials');
  await database.exec(`
    insert into chains (id, zone_id, sector_id, name) values ('${bigChain}', '${fendong}', '${sector}', '基准产业链（30 环节）');
    insert into chain_links (id, zone_id, chain_id, parent_link_id, name, stage, position)
      select md5('bench-link-' || i)::uuid, '${fendong}', '${bigChain}', case when i > 3 then md5('bench-link-' || ((i - 1) / 3))::uuid end,
        '基准环节' || i, case when i <= 10 then 'upstream' when i <= 20 then 'midstream' else 'downstream' end, i
      from generate_series(1, 30) i;
    insert into enterprises (id, name, normalized_name, created_in_zone_id)
      select md5('bench-ent-' || i)::uuid, '基准链上企业' || i || '有限公司', '基准链上企业' || i, '${fendong}' from generate_series(1, 500) i;
    insert into chain_link_enterprises (zone_id, link_id, enterprise_id, role)
      select '${fendong}', md5('bench-link-' || (1 + i % 28))::uuid, md5('bench-ent-' || i)::uuid, case when i <= 28 then 'leader' when i % 3 = 0 then 'backbone' else 'supporting' end
      from generate_series(1, 500) i;
    insert into enterprise_yearly_figures (enterprise_id, year, output_yuan, tax_yuan, land_mu)
      select md5('bench-ent-' || i)::uuid, y, 10000000 * (1 + i % 50), 500000 * (1 + i % 50), 50 from generate_series(1, 500) i, generate_series(2024, 2025) y;
    insert into enterprise_honours (enterprise_id, kind, year) select md5('bench-ent-' || i)::uuid, 'high_tech', 2024 from generate_series(1, 500, 5) i;
  `);
}

/** 铜基新材料 in every zone of the province (the demo zones' own stay), 5 enterprises on most links, a figure each. */
async function addProvinceChains(database: Database) {
  const copper = chainTemplates.find((t) => t.key === 'copper')!;
  const values = copper.links.map((l, i) => `('${l.key}', '${l.name}', '${l.stage}', ${l.parentKey ? `'${l.parentKey}'` : 'null'}, ${i})`).join(', ');
  await database.exec(`
    create temporary table bench_tl (key text, name text, stage text, parent text, pos int);
    insert into bench_tl values ${values};
    insert into sectors (id, zone_id, name, role) select md5('bench-sector-' || z.id)::uuid, z.id, '基准新材料', 'leading' from zones z
      where not exists (select 1 from chains c where c.zone_id = z.id and c.template_key = 'copper');
    insert into chains (id, zone_id, sector_id, name, template_key) select md5('bench-chain-' || s.zone_id)::uuid, s.zone_id, s.id, '铜基新材料产业链', 'copper'
      from sectors s where s.name = '基准新材料';
    insert into chain_links (id, zone_id, chain_id, parent_link_id, name, stage, position, template_link_key)
      select md5('bench-pl-' || c.zone_id || t.key)::uuid, c.zone_id, c.id, case when t.parent is not null then md5('bench-pl-' || c.zone_id || t.parent)::uuid end, t.name, t.stage, t.pos, t.key
      from chains c cross join bench_tl t where c.name = '铜基新材料产业链' and c.id = md5('bench-chain-' || c.zone_id)::uuid order by t.pos;
    insert into enterprises (id, name, normalized_name, created_in_zone_id)
      select md5('bench-pe-' || l.id || k)::uuid, '省基准企业' || left(l.id::text, 8) || k || '有限公司', '省基准企业' || left(l.id::text, 8) || k, l.zone_id
      from chain_links l, generate_series(1, 5) k where l.id = md5('bench-pl-' || l.zone_id || l.template_link_key)::uuid and (hashtext(l.id::text) % 7) <> 0;
    insert into chain_link_enterprises (zone_id, link_id, enterprise_id, role)
      select l.zone_id, l.id, md5('bench-pe-' || l.id || k)::uuid, case when k = 1 then 'leader' else 'supporting' end
      from chain_links l, generate_series(1, 5) k where l.id = md5('bench-pl-' || l.zone_id || l.template_link_key)::uuid and (hashtext(l.id::text) % 7) <> 0;
    insert into enterprise_yearly_figures (enterprise_id, year, output_yuan)
      select cle.enterprise_id, 2025, 300000000 from chain_link_enterprises cle join enterprises e on e.id = cle.enterprise_id where e.name like '省基准企业%';
  `);
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

export async function benchChains(): Promise<void> {
  // PGlite: the demo and the big chain, in one zone.
  const dataDir = tempDir('zonedesk-bench-chains-');
  const lite = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(lite);
  await seedDemo(lite);
  await addBigChain(lite);
  await lite.close();
  const liteServer = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const leader = await loginHeaders(liteServer.url, 'leader');
    line('chain view p50, 30 links / 500 enterprises, PGlite', await p50Get(`${liteServer.url}/api/chains/${bigChain}`, leader), 'ms');
  } finally {
    await liteServer.stop();
  }
  const bare = await PGlite.create(`${dataDir}/pgdata`);
  try {
    line('  bare PGlite: the chain and its link rows', await p50(() => bare.exec(`${bareChains(chainViewWhere)}; ${bareLinkRows(chainViewWhere)}`)), 'ms');
  } finally {
    await bare.close();
  }

  // PostgreSQL: the demo, the big chain, and 铜基新材料 in 100 zones of the province.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = 'zonedesk_bench_chains';
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const dbUrl = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrateDatabase(database);
  await seedDemo(database);
  // 97 more zones in Shanxi (the demo has three): the province viewer's region holds 100.
  await database.exec(`insert into zones (id, code, name, short_name, kind, region_code)
    select md5('bench-zone-' || i)::uuid, 'BZ' || lpad(i::text, 3, '0'), '基准开发区' || i, '基准区' || i, 'etdz', '140802' from generate_series(1, 97) i`);
  await addBigChain(database);
  await addProvinceChains(database);
  await database.exec('vacuum analyze');
  const [{ n: zonesHolding }] = await database.query<{ n: string }>(`select count(distinct zone_id) as n from chains where template_key = 'copper'`);
  const [{ n: placements }] = await database.query<{ n: string }>(`select count(*) as n from chain_link_enterprises`);
  await database.close();
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const leader = await loginHeaders(server.url, 'leader');
    const province = await loginHeaders(server.url, 'province');
    line('chain view p50, 30 links / 500 enterprises, PostgreSQL', await p50Get(`${server.url}/api/chains/${bigChain}`, leader), 'ms');
    line(
      '  bare PostgreSQL: the chain and its link rows',
      await p50(() => Promise.all([client.query(bareChains(chainViewWhere)), client.query(bareLinkRows(chainViewWhere))])),
      'ms',
    );
    line(
      `province cross-zone view p50, 铜基新材料 in ${zonesHolding} zones (${placements} placements in all), PostgreSQL`,
      await p50Get(`${server.url}/api/chain-templates/copper/zones`, province),
      'ms',
    );
    line(
      '  bare PostgreSQL: the zones’ chains and their link rows',
      await p50(() => Promise.all([client.query(bareChains(provinceWhere)), client.query(bareLinkRows(provinceWhere))])),
      'ms',
    );
  } finally {
    await client.end();
    await server.stop();
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

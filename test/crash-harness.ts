/**
 * What the crash tests share (test/crash.test.ts, test/crash-import.test.ts): a database of the
 * test's own (a PGlite data directory, or a PostgreSQL database when TEST_DATABASE_URL is set), the
 * real server process started on it as `npm start` does, killed with SIGKILL, and logged in to over HTTP.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { testDatabaseUrl, withDatabaseName } from './templates.ts';

export interface CrashDatabase {
  /** 'PGlite' or 'PostgreSQL', for test titles. */
  label: string;
  pgUrl: string | undefined;
  /** The test's own PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
  /** The PGlite data directory (unused on PostgreSQL). */
  dataDir: string;
  /** What the server needs in its environment to open this database. */
  env: Record<string, string>;
  /** Opens it directly (the server must be stopped on PGlite: one process per data directory). */
  open(): Promise<Database>;
  /** Creates it, migrated, then `fill` (users, demo data) on a direct connection. */
  create(fill: (database: Database) => Promise<void>): Promise<void>;
  drop(): Promise<void>;
}

export function crashDatabase(name: string): CrashDatabase {
  const pgUrl = testDatabaseUrl();
  const dbName = `zonedesk_${name}_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zonedesk-${name}-`));
  const url = pgUrl ? withDatabaseName(pgUrl, dbName) : undefined;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const open = () => (url ? openDatabase({ kind: 'postgres', url, poolSize: 2 }) : openDatabase({ kind: 'pglite', dataDir }));
  return {
    label: pgUrl ? 'PostgreSQL' : 'PGlite',
    pgUrl,
    url,
    dataDir,
    env: url ? { DATABASE_URL: url } : { DATA_DIR: dataDir, DATABASE_URL: '' },
    open,
    async create(fill) {
      if (pgUrl) {
        await admin(`drop database if exists ${dbName} with (force)`);
        await admin(`create database ${dbName}`);
      }
      const database = await open();
      try {
        await migrateDatabase(database);
        await fill(database);
      } finally {
        await database.close();
      }
    },
    async drop() {
      if (pgUrl) await admin(`drop database if exists ${dbName} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface CrashServer {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote (stdout and stderr: pino writes to stdout) so far. */
  log(): string;
  /** SIGKILL, then waits for the process to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean stop), then waits for the process to be gone. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));

/** The server as `npm start` runs it, on `db`; resolves once /api/health answers. */
export async function startServer(db: CrashDatabase, extraEnv: Record<string, string> = {}): Promise<CrashServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
      NODE_ENV: 'production',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const server: CrashServer = {
    child,
    url,
    log: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 180_000) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Logs in as a browser does: the session cookie and the CSRF token every mutation sends back. */
export async function login(url: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0], 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/**
 * Crash safety (issue 17 item 5): the real server process, killed with SIGKILL in the middle of a
 * stream of writes (8 connections creating enterprises), then started again on the same data. Every
 * write the server acknowledged is there; nothing is half written (each enterprise has its audit
 * entry, written in the same transaction, and no entry lacks its enterprise); the data directory
 * (PGlite) or database opens again without any manual step. On PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set (a database of its own).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { addUser } from '../src/server/cli/user-add.ts';
import { testDatabaseUrl, withDatabaseName } from './templates.ts';

const pgUrl = testDatabaseUrl();
const dbName = `zonedesk_crash_${process.pid}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-crash-'));
const env: Record<string, string> = pgUrl ? { DATABASE_URL: withDatabaseName(pgUrl, dbName) } : { DATA_DIR: dataDir, DATABASE_URL: '' };
const password = 'crash-test passphrase 7';

async function open(): Promise<Database> {
  return pgUrl ? openDatabase({ kind: 'postgres', url: withDatabaseName(pgUrl, dbName), poolSize: 2 }) : openDatabase({ kind: 'pglite', dataDir });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', NODE_ENV: 'production', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 180_000) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'crash.admin', password }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0], 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

beforeAll(async () => {
  if (pgUrl) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
    await admin.end();
  }
  const database = await open();
  await migrateDatabase(database);
  await addUser(database, { username: 'crash.admin', password, role: 'system_admin', name: '崩溃测试管理员' });
  await database.close();
}, 180_000);

afterAll(async () => {
  if (pgUrl) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`kill -9 during a stream of writes (${pgUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('every acknowledged write survives, none is half written, and the server starts again by itself', async () => {
    const first = await start();
    const headers = await login(first.url);
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const name = `崩溃测试企业${w}-${i}有限公司`;
        sent++;
        try {
          const res = await fetch(`${first.url}/api/enterprises`, { method: 'POST', headers, body: JSON.stringify({ name, noCreditCode: true }) });
          if (res.status === 201) acknowledged.push(name);
          else if (!killed) throw new Error(`write answered ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (!killed) throw err;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once('exit', r)));
    expect(sent).toBeGreaterThan(acknowledged.length); // writes were in flight when it died

    // Started again on the same data, no manual step (no lock file to delete, no recovery command).
    const second = await start();
    try {
      const again = await login(second.url);
      const res = await fetch(`${second.url}/api/enterprises?q=${encodeURIComponent('崩溃测试企业')}&pageSize=100`, { headers: again });
      expect(res.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
    const database = await open();
    try {
      const rows = await database.query<{ id: string; name: string; audits: string }>(
        `select e.id, e.name, (select count(*) from audit_log a where a.entity_type = 'enterprise' and a.entity_id = e.id::text and a.action = 'enterprise.create')::text as audits
         from enterprises e where e.name like '崩溃测试企业%'`,
      );
      const stored = new Set(rows.map((r) => r.name));
      expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
      expect(rows.filter((r) => r.audits !== '1').map((r) => r.name)).toEqual([]);
      const [orphans] = await database.query<{ n: string }>(
        `select count(*)::text as n from audit_log a where a.entity_type = 'enterprise' and a.action = 'enterprise.create' and not exists (select 1 from enterprises e where e.id::text = a.entity_id)`,
      );
      expect(orphans.n).toBe('0');
    } finally {
      await database.close();
    }
  }, 600_000);
});

/**
 * Crash safety of imports (issue 17 item 5): the real server process, killed with SIGKILL while it
 * commits a 100,000-row enterprise directory and while it stages one, then started again on the same
 * data, through the HTTP API as the web uses it (upload → preview → commit, docs/imports.md).
 * - Commit: no enterprise of the batch exists (the commit is one transaction), the batch is still
 *   staged with every row and can be committed again, which writes each row exactly once; the audit
 *   log holds no `import.commit` for the commit that did not happen, one for the one that did.
 * - Upload: the half-staged batch is removed at the next start and audited `import.abandoned`
 *   (platform/imports/abandoned.test.ts), nothing of it stays, and a new upload (same id) works.
 * - Both: the server answers /api/health again with no manual step (no lock to delete).
 * On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (a database of its own).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/server/cli/seed.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';
import { writeEnterpriseFile } from '../bench/pipeline.bench.ts';
import { crashDatabase, login, startServer, type CrashServer } from './crash-harness.ts';

/** The whole directory, as the issue asks: its commit takes seconds even on a quiet machine (docs/imports.md). */
const ROWS = 100_000;
/** The file a new upload after the crash sends: other companies (offset), so counts stay apart. */
const SMALL_ROWS = 500;
const SMALL_OFFSET = 5_000_000;

const db = crashDatabase('crash_import');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-crash-import-files-'));
const bigFile = path.join(dir, 'enterprises-100k.xlsx');
const smallFile = path.join(dir, 'enterprises-small.xlsx');
const fendong = demoId('zone:fendong');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Enterprises of the 100k directory (基准导入企业0号有限公司 …), by name: count and distinct names. */
const directoryRows = `select count(*)::int as n, count(distinct name)::int as names from enterprises
  where name like '基准导入企业%号有限公司' and substring(name from '^基准导入企业([0-9]+)号')::int < ${ROWS}`;

async function upload(server: CrashServer, headers: Record<string, string>, file: string, importId?: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), path.basename(file));
  const { 'content-type': _json, ...auth } = headers;
  return fetch(`${server.url}/api/imports?kind=enterprises&zoneId=${fendong}${importId ? `&importId=${importId}` : ''}`, { method: 'POST', headers: auth, body: form });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${res.url}: ${res.status}, expected ${status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

type Summary = { id: string; status: string; totalRows: number; validRows: number; errorCount: number; committed?: Record<string, number> | null };

/** Queries the database directly, the server stopped (PGlite: one process per data directory). */
async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const database = await db.open();
  try {
    return await database.query<T>(text, params);
  } finally {
    await database.close();
  }
}

/**
 * Call before sending the commit; the answer resolves once the commit's transaction is writing
 * enterprises: on PostgreSQL the table's heap has grown (its uncommitted rows, seen from another
 * connection); on PGlite (no second connection) the WAL has been written since — WAL buffers spill
 * to pg_wal only after megabytes of inserts, and nothing else runs.
 */
async function commitWatch(): Promise<(answered: () => boolean) => Promise<void>> {
  const client = db.url ? new pg.Client({ connectionString: db.url }) : null;
  await client?.connect();
  const heap = async () => Number((await client!.query<{ n: string }>(`select pg_relation_size('enterprises')::text as n`)).rows[0].n);
  const before = client ? await heap() : 0;
  const sentAt = Date.now() - 1;
  const wal = path.join(db.dataDir, 'pgdata', 'pg_wal');
  return async (answered) => {
    try {
      for (;;) {
        if (answered()) return; // the commit finished first: the caller's assertions say so
        if (client ? (await heap()) > before : fs.readdirSync(wal).some((f) => fs.statSync(path.join(wal, f)).mtimeMs > sentAt)) return;
        await sleep(20);
      }
    } finally {
      await client?.end();
    }
  };
}

beforeAll(async () => {
  await db.create(async (database) => {
    await seedDemo(database);
  });
  await writeEnterpriseFile(bigFile, ROWS, 0);
  await writeEnterpriseFile(smallFile, SMALL_ROWS, SMALL_OFFSET);
}, 600_000);

afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`kill -9 during a 100k-row import (${db.label})`, () => {
  it('a commit cut short writes nothing, leaves the batch staged, and commits again exactly once', async () => {
    const first = await startServer(db);
    const headers = await login(first.url, 'leader', 'zonedesk');
    const staged = await json<Summary>(await upload(first, headers, bigFile), 201);
    expect(staged).toMatchObject({ status: 'staged', totalRows: ROWS, validRows: ROWS, errorCount: 0 });

    let answered = false;
    const writing = await commitWatch();
    const commit = fetch(`${first.url}/api/imports/${staged.id}/commit`, { method: 'POST', headers, body: JSON.stringify({ mode: 'all' }) }).then(
      (res) => ((answered = true), res.status),
      () => 'cut' as const,
    );
    await writing(() => answered);
    const answeredBeforeKill = answered;
    await first.kill9();
    // The case this test is for: the server died while the commit was running (not after it answered).
    expect(answeredBeforeKill).toBe(false);
    expect(await commit).toBe('cut');

    // Started again on the same data: no lock to remove, no recovery command.
    let server = await startServer(db);
    let again = await login(server.url, 'leader', 'zonedesk');
    const after = await json<Summary>(await fetch(`${server.url}/api/imports/${staged.id}`, { headers: again }), 200);
    await server.stop();
    const [rows] = await query<{ n: number; names: number }>(directoryRows);
    const [audit] = await query<{ commits: number; stagedRows: number }>(
      `select (select count(*)::int from audit_log where action = 'import.commit' and entity_id = $1) as commits,
              (select count(*)::int from import_rows where import_id = $1::uuid) as "stagedRows"`,
      [staged.id],
    );
    // All or nothing: never some of the rows. Nothing is the case the kill above makes.
    if (after.status === 'committed') {
      expect(rows).toEqual({ n: ROWS, names: ROWS });
      expect(audit.commits).toBe(1);
      return;
    }
    expect(after).toMatchObject({ status: 'staged', validRows: ROWS, errorCount: 0 });
    expect(rows.n).toBe(0);
    expect(audit).toEqual({ commits: 0, stagedRows: ROWS });

    // The user commits again: every row written once, one audit entry, the staged rows gone.
    server = await startServer(db);
    again = await login(server.url, 'leader', 'zonedesk');
    const done = await json<Summary>(await fetch(`${server.url}/api/imports/${staged.id}/commit`, { method: 'POST', headers: again, body: JSON.stringify({ mode: 'all' }) }), 200);
    expect(done.status).toBe('committed');
    expect(done.committed?.enterprisesCreated).toBe(ROWS);
    await server.stop();
    const [written] = await query<{ n: number; names: number }>(directoryRows);
    expect(written).toEqual({ n: ROWS, names: ROWS });
    const [final] = await query<{ commits: number; stagedRows: number }>(
      `select (select count(*)::int from audit_log where action = 'import.commit' and entity_id = $1) as commits,
              (select count(*)::int from import_rows where import_id = $1::uuid) as "stagedRows"`,
      [staged.id],
    );
    expect(final).toEqual({ commits: 1, stagedRows: 0 });
  }, 1_200_000);

  it('an upload cut short leaves no batch behind: removed at the next start, audited, and a new upload works', async () => {
    const first = await startServer(db);
    const headers = await login(first.url, 'leader', 'zonedesk');
    // The client picks the id, as the web does, so it can watch the upload's progress.
    const importId = randomUUID();
    const sending = upload(first, headers, bigFile, importId).then(
      (res) => res.status,
      () => 'cut' as const,
    );
    // Rows read past two staging chunks: the batch row exists and the first chunks are staged.
    for (;;) {
      const p = await json<{ phase: string; rowsRead: number }>(await fetch(`${first.url}/api/imports/${importId}/progress`, { headers }), 200);
      if (p.rowsRead >= ROWS / 4) break;
      if (p.phase === 'done') throw new Error('the upload finished before it could be cut short');
      await sleep(50);
    }
    await first.kill9();
    expect(await sending).toBe('cut');

    const server = await startServer(db);
    try {
      expect(server.log()).toContain('removed import batches a crash left half staged');
      const again = await login(server.url, 'leader', 'zonedesk');
      // Not stuck: nobody has to discard it (there is nothing left to discard).
      expect((await fetch(`${server.url}/api/imports/${importId}`, { headers: again })).status).toBe(404);
      expect((await fetch(`${server.url}/api/imports/${importId}/discard`, { method: 'POST', headers: again, body: '{}' })).status).toBe(404);
      // A new upload, under the same id, stages and commits.
      const staged = await json<Summary>(await upload(server, again, smallFile, importId), 201);
      expect(staged).toMatchObject({ id: importId, status: 'staged', totalRows: SMALL_ROWS, validRows: SMALL_ROWS });
      const done = await json<Summary>(await fetch(`${server.url}/api/imports/${importId}/commit`, { method: 'POST', headers: again, body: JSON.stringify({ mode: 'all' }) }), 200);
      expect(done.committed?.enterprisesCreated).toBe(SMALL_ROWS);
    } finally {
      await server.stop();
    }
    const [state] = await query<{ abandoned: number; stages: number; commits: number; rows: number; small: number }>(
      `select (select count(*)::int from audit_log where action = 'import.abandoned' and entity_id = $1 and actor_id is null) as abandoned,
              (select count(*)::int from audit_log where action = 'import.stage' and entity_id = $1) as stages,
              (select count(*)::int from audit_log where action = 'import.commit' and entity_id = $1) as commits,
              (select count(*)::int from import_rows where import_id = $1::uuid) as rows,
              (select count(*)::int from enterprises where name like '基准导入企业%号有限公司' and substring(name from '^基准导入企业([0-9]+)号')::int >= ${SMALL_OFFSET}) as small`,
      [importId],
    );
    // The cut upload: removed by the start-up clean-up (audited as the system's); then the new one staged and committed once.
    expect(state).toEqual({ abandoned: 1, stages: 1, commits: 1, rows: 0, small: SMALL_ROWS });
  }, 1_200_000);
});

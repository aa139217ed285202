/**
 * Crash safety (issue 17 item 5): the real server process, killed with SIGKILL in the middle of a
 * stream of writes (8 connections creating enterprises), then started again on the same data. Every
 * write the server acknowledged is there; nothing is half written (each enterprise has its audit
 * entry, written in the same transaction, and no entry lacks its enterprise); the data directory
 * (PGlite) or database opens again without any manual step. On PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set (a database of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/server/cli/user-add.ts';
import { crashDatabase, login as loginAs, startServer } from './crash-harness.ts';

const db = crashDatabase('crash');
const password = 'crash-test passphrase 7';
const start = () => startServer(db);
const login = (url: string) => loginAs(url, 'crash.admin', password);

beforeAll(async () => {
  await db.create(async (database) => {
    await addUser(database, { username: 'crash.admin', password, role: 'system_admin', name: '崩溃测试管理员' });
  });
}, 180_000);
afterAll(() => db.drop());

describe(`kill -9 during a stream of writes (${db.label})`, () => {
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
    const killing = first.kill9();
    await Promise.all(writers);
    await killing;
    expect(sent).toBeGreaterThan(acknowledged.length); // writes were in flight when it died

    // Started again on the same data, no manual step (no lock file to delete, no recovery command).
    const second = await start();
    try {
      const again = await login(second.url);
      const res = await fetch(`${second.url}/api/enterprises?q=${encodeURIComponent('崩溃测试企业')}&pageSize=100`, { headers: again });
      expect(res.status).toBe(200);
    } finally {
      await second.stop();
    }
    const database = await db.open();
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

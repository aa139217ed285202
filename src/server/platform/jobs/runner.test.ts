import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { testDatabaseUrl } from '../../../../test/templates.ts';
import { createJobRunner } from './runner.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('job runner', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite-memory' });
  });
  afterAll(() => database.close());

  it('on PGlite a tick just runs the job; a second tick while one runs waits for it and skips', async () => {
    let runs = 0;
    const runner = createJobRunner({
      database,
      jobs: [
        {
          name: 'count',
          intervalMs: 60_000,
          run: async () => {
            runs += 1;
            await sleep(50);
          },
        },
      ],
    });
    const [a, b] = await Promise.all([runner.tick('count'), runner.tick('count')]);
    expect([a, b]).toEqual(['ran', 'skipped']);
    expect(await runner.tick('count')).toBe('ran');
    expect(runs).toBe(2);
    await runner.stop();
  });

  it('started, it runs on its interval; stopped, it runs no more', async () => {
    let runs = 0;
    const runner = createJobRunner({ database, jobs: [{ name: 'tick', intervalMs: 40, firstDelayMs: 0, run: async () => void (runs += 1) }] });
    runner.start();
    await sleep(300);
    await runner.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(2);
    await sleep(150);
    expect(runs).toBe(seen);
  });
});

describe.skipIf(!testDatabaseUrl())('job runner on PostgreSQL: two processes', () => {
  let one: Database;
  let two: Database;
  beforeAll(async () => {
    one = await openDatabase({ kind: 'postgres', url: testDatabaseUrl()!, poolSize: 2 });
    two = await openDatabase({ kind: 'postgres', url: testDatabaseUrl()!, poolSize: 2 });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('only one of two runners on the same database runs a job at a time (advisory lock); the next tick runs again', async () => {
    const log: string[] = [];
    const job = (who: string) => ({
      name: 'kpi-test-lock',
      intervalMs: 60_000,
      run: async () => {
        log.push(`${who} start`);
        await sleep(300);
        log.push(`${who} end`);
      },
    });
    const a = createJobRunner({ database: one, jobs: [job('a')] });
    const b = createJobRunner({ database: two, jobs: [job('b')] });
    const first = a.tick('kpi-test-lock');
    await sleep(80);
    const second = await b.tick('kpi-test-lock');
    expect(second).toBe('skipped');
    expect(await first).toBe('ran');
    expect(log).toEqual(['a start', 'a end']);
    // The lock went with a's transaction: b runs now.
    expect(await b.tick('kpi-test-lock')).toBe('ran');
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
    // Another job's key is not blocked by this one.
    const c = createJobRunner({ database: two, jobs: [{ ...job('c'), name: 'kpi-test-other' }] });
    const [x, y] = await Promise.all([a.tick('kpi-test-lock'), c.tick('kpi-test-other')]);
    expect([x, y]).toEqual(['ran', 'ran']);
  });
});

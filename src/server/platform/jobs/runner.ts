/**
 * The job runner (decision 019): interval jobs inside the server process. On PostgreSQL a tick
 * first opens a transaction that takes `pg_try_advisory_xact_lock` on the job's key and holds it
 * while the job runs (the job writes through its own transactions on other pool connections), so
 * when two server processes share a database only one of them runs the job at a time: the other
 * skips the tick, nothing waits. The lock goes with that transaction, also when the process dies.
 * PGlite serves one process (db/dir-lock.ts) on one connection, so there the job just runs.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';

export interface JobDefinition {
  /** Unique; also the advisory lock's key (hashed by the database). */
  name: string;
  intervalMs: number;
  /** Wait before the first run (defaults to a tenth of the interval, so startup is not slowed). */
  firstDelayMs?: number;
  /** The work (its own transactions, through the module's services). */
  run: () => Promise<void>;
}

export type TickResult = 'ran' | 'skipped';

export interface JobRunnerLog {
  error: (obj: object, msg: string) => void;
}

export function createJobRunner(deps: { database: Pick<Database, 'db' | 'kind'>; jobs: readonly JobDefinition[]; log?: JobRunnerLog }) {
  const { database, jobs, log } = deps;
  const names = new Set<string>();
  for (const j of jobs) {
    if (names.has(j.name)) throw new Error(`job ${j.name} is defined twice`);
    names.add(j.name);
  }
  const timers: ReturnType<typeof setTimeout>[] = [];
  const running = new Map<string, Promise<TickResult>>();
  let stopped = true;

  /** Runs a job once now, unless another process (or this one) is running it. */
  async function tick(name: string): Promise<TickResult> {
    const job = jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job ${name}`);
    const current = running.get(name);
    if (current) return current.then(() => 'skipped' as const);
    const once = async (): Promise<TickResult> => {
      if (database.kind !== 'postgres') {
        await job.run();
        return 'ran';
      }
      return database.db.transaction(async (tx) => {
        const [row] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`zonedesk.job.${name}`})) as got`));
        if (!row?.got) return 'skipped' as const;
        await job.run();
        return 'ran' as const;
      });
    };
    const p = once().finally(() => running.delete(name));
    running.set(name, p);
    return p;
  }

  function schedule(job: JobDefinition, delay: number) {
    const t = setTimeout(() => {
      if (stopped) return;
      tick(job.name)
        .catch((err: unknown) => log?.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          if (!stopped) schedule(job, job.intervalMs);
        });
    }, delay);
    t.unref?.();
    timers.push(t);
  }

  return {
    jobs: jobs.map((j) => j.name),
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      for (const j of jobs) schedule(j, j.firstDelayMs ?? Math.round(j.intervalMs / 10));
    },
    /** Stops scheduling and waits for a tick in progress. */
    async stop() {
      stopped = true;
      for (const t of timers.splice(0)) clearTimeout(t);
      await Promise.allSettled([...running.values()]);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

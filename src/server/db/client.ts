import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDirLock, type DirLock } from './dir-lock.ts';
import { queryLogger } from './query-log.ts';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repositories take either, so a service can run several of them in one transaction. */
export type DbOrTx = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs SQL text (several statements allowed) outside drizzle: backup, restore, bench. */
  exec(sqlText: string): Promise<void>;
  /** One parameterised query returning rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Rows of a `db.execute(sql...)` result; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type OpenOptions =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    // Fail now, with the server's message, rather than on the first request.
    const probe = await pool.connect();
    probe.release();
    return {
      db: drizzlePg(pool, { schema, logger: queryLogger }) as unknown as Db,
      kind: 'postgres',
      exec: async (text) => {
        await pool.query(text);
      },
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      close: () => pool.end(),
    };
  }

  let lock: DirLock | undefined;
  let client: PGlite;
  if (options.kind === 'pglite') {
    const dataDir = path.resolve(options.dataDir);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.mkdirSync(dataDir, { recursive: true });
    // Two processes on one PGlite directory silently lose writes: refuse the second one.
    lock = await acquireDirLock(path.join(dataDir, 'zonedesk.lock'));
    try {
      client = await PGlite.create(path.join(dataDir, 'pgdata'));
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  refuseReadsOutsideOpenTransaction(client);
  return {
    db: drizzlePglite(client, { schema, logger: queryLogger }) as unknown as Db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    close: async () => {
      await client.close();
      lock?.release();
    },
    // Exposed for the test harness, which clones a migrated template with dumpDataDir.
    ...({ pglite: client } as object),
  };
}

/**
 * PGlite is one connection: a transaction holds it, and a query on the database itself (not on the
 * transaction) issued from inside waits for that transaction to end, which waits for the query. The
 * server would hang for good (every later request queues behind it); PostgreSQL would answer it on
 * another connection. Such a query fails here instead, naming the mistake, and the transaction rolls
 * back. Typical cause: a cached lookup (the calendar, settings) refreshed with `db` mid-transaction.
 */
function refuseReadsOutsideOpenTransaction(client: PGlite) {
  const openTransaction = new AsyncLocalStorage<{ open: boolean }>();
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: Parameters<PGlite['transaction']>[0]) =>
    transaction((tx) => {
      const state = { open: true };
      return openTransaction.run(state, async () => {
        try {
          return await callback(tx);
        } finally {
          state.open = false;
        }
      });
    })) as PGlite['transaction'];
  const refuseInside = <F extends (...args: never[]) => Promise<unknown>>(run: F): F =>
    ((...args: Parameters<F>) => {
      if (openTransaction.getStore()?.open)
        return Promise.reject(new Error('a query on the database inside one of its transactions would wait for that transaction for ever (PGlite is one connection): pass the transaction instead'));
      return run(...args);
    }) as F;
  client.query = refuseInside(client.query.bind(client)) as PGlite['query'];
  client.exec = refuseInside(client.exec.bind(client)) as PGlite['exec'];
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

describe('PGlite, one connection', () => {
  it('a query on the database from inside its own transaction fails at once (it would wait for ever) and rolls the transaction back', { timeout: 60_000 }, async () => {
    const database = await openDatabase({ kind: 'pglite-memory' });
    try {
      await database.exec('create table t (n int)');
      const attempt = database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (1)`);
        await database.db.execute(sql`select 1`);
      });
      // Drizzle wraps the driver's error; ours is its cause.
      const failure = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
      expect(failure.cause?.message).toMatch(/pass the transaction instead/);
      // Rolled back, and the database still answers (nothing is left waiting).
      expect(await database.query('select count(*)::int as n from t')).toEqual([{ n: 0 }]);
      // On the transaction, and after it, the database is used as ever.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (2)`);
      });
      await database.db.execute(sql`insert into t values (3)`);
      expect(await database.query('select sum(n)::int as n from t')).toEqual([{ n: 5 }]);
    } finally {
      await database.close();
    }
  });
});

import type { Database } from '../db/client.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { modules } from '../modules/modules.ts';

export type SeedScale = 'demo' | 'province';

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number | string }>('select count(*) as n from users');
  return Number(row.n) === 0;
}

/**
 * Builds the demo: Shanxi, the city of Yuncheng with three zones, their departments, one user per
 * role and each module's demo records, laid out around `clock`'s today. `province` adds zones up to
 * 100 (with a leader and officers each) for benchmarks. Each module seeds itself (its manifest's
 * `seed`), in order, in one transaction.
 */
export async function seedDemo(database: Database, options: { scale?: SeedScale; clock?: Clock } = {}): Promise<{ zones: number; users: number }> {
  const seedOptions = { scale: options.scale ?? 'demo', clock: options.clock ?? systemClock } as const;
  const seeds = modules.flatMap((m) => (m.seed ? [m.seed] : [])).sort((a, b) => a.order - b.order);
  await database.db.transaction(async (tx) => {
    for (const seed of seeds) await seed.run(tx, seedOptions);
  });
  const [zones] = await database.query<{ n: string }>('select count(*) as n from zones');
  const [users] = await database.query<{ n: string }>('select count(*) as n from users');
  return { zones: Number(zones.n), users: Number(users.n) };
}

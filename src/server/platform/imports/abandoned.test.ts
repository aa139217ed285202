/** Issue 17: an upload a crash cut short (staged, never counted) is removed at the next start, audited. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { testClock } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('abandoned uploads', () => {
  it('a staged batch never counted is gone after a restart; a finished staged one stays', async () => {
    const [cut, done] = [randomUUID(), randomUUID()];
    for (const [id, total] of [
      [cut, 0],
      [done, 3],
    ] as const) {
      await ctx.database.query(
        `insert into import_batches (id, zone_id, user_id, kind, file_name, total_rows, valid_rows, error_count, errors) values ($1, $2, $3, 'leads', 'x.xlsx', $4, $4, 0, '{}'::jsonb)`,
        [id, demoId('zone:fendong'), demoId('user:officer'), total],
      );
    }
    await ctx.database.query(`insert into import_rows (import_id, row_no, valid, data) values ($1, 2, true, '{}'::jsonb)`, [cut]);
    const restarted = await buildApp({ config: ctx.config, database: ctx.database, clock: testClock });
    await restarted.close();
    expect(await ctx.rowCount('import_batches', `where id = '${cut}'`)).toBe(0);
    expect(await ctx.rowCount('import_rows', `where import_id = '${cut}'`)).toBe(0);
    expect(await ctx.rowCount('import_batches', `where id = '${done}'`)).toBe(1);
    expect(await ctx.rowCount('audit_log', `where action = 'import.abandoned' and entity_id = '${cut}' and actor_id is null`)).toBe(1);
  });
});

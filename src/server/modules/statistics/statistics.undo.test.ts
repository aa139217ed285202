/**
 * Undo of a committed 统计局 figures import (docs/imports.md Undo), on the real database and the
 * fixed clock: the values it created cleared, the ones it revised back to the value before (the
 * seeded month's 工业投资), the revisions kept; a value revised since refuses the undo naming it,
 * undoing nothing. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { statisticsOperations as op } from '../../../contract/statistics.ts';
import { indicatorByCode } from '../../../contract/statistics-indicators.ts';
import { testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const Y = Number(testToday.slice(0, 4));
const m = Number(testToday.slice(5, 7));
const lastMonth = m === 1 ? `${Y - 1}-12` : `${Y}-${String(m - 1).padStart(2, '0')}`;
/** A month long before the demo's figures: every cell of it is new. */
const oldMonth = `${Y - 15}-06`;

let ctx: TestContext;
let projects: Client;

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
  projects = await ctx.login('projects');
});
afterAll(() => ctx.close());

/** The zone's values as they stand (the revision count aside: a revision is added by every write). */
const values = () =>
  ctx.database.query<{ indicator: string; period: string; amount_yuan: string | null; quantity: string | null; source: string | null }>(
    `select indicator, period, amount_yuan::text, quantity::text, source from statistic_values where zone_id = '${fendong}' order by indicator, period`,
  );

async function commit(rows: unknown[][]) {
  const file = await buildXlsx(['指标名称', '单位', '数值', '期间'], rows);
  const staged = await uploadXlsx(ctx, projects, `/api/imports?kind=statistics&zoneId=${fendong}`, file, '主要经济指标.xlsx');
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errors).toEqual([]);
  const done = await projects.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id: staged.body.id as string, committed: done.body.committed };
}
const undo = (id: string) => projects.call(importOperations.undo, { params: { id } });

describe('undo of a committed statistics import', () => {
  it('clears the values it created and gives the revised one its value back; the history keeps all', async () => {
    const before = await values();
    const seeded = before.find((v) => v.indicator === 'industrial_investment' && v.period === lastMonth);
    expect(seeded).toBeDefined();
    const revisions = await ctx.rowCount('statistic_revisions');
    const historyOf = async () =>
      (await projects.call(op.history, { query: { zoneId: fendong, indicator: 'industrial_investment', period: lastMonth } })).body.map((h) => [h.value, h.via]);
    const history = await historyOf();
    const { id, committed } = await commit([
      ['工业投资', '亿元', 99.5, lastMonth],
      ['规上工业总产值', '万元', 123456, oldMonth],
      ['“四上”企业数', '家', 77, oldMonth],
    ]);
    expect(committed).toMatchObject({ valuesCreated: 2, valuesRevised: 1 });
    expect(await values()).not.toEqual(before);

    const undone = await undo(id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    const [entry] = await ctx.database.query<{ after: { valuesCleared: number; valuesRestored: number } }>(`select after from audit_log where action = 'import.undo' and entity_id = '${id}'`);
    expect(entry.after).toMatchObject({ kind: 'statistics', valuesCleared: 2, valuesRestored: 1 });
    expect(await values()).toEqual(before);
    // Each write and each undo is a revision of its cell: the imported figure stays in the history.
    expect(await ctx.rowCount('statistic_revisions')).toBe(revisions + 6);
    expect(await historyOf()).toEqual([...history, ['99.5', 'import'], [history.at(-1)![0], 'import']]);
    expect(await ctx.rowCount('audit_log', `where action = 'import.undo'`)).toBe(1);
  });

  it('refuses when a value was revised since, naming it, and undoes nothing', async () => {
    const { id } = await commit([
      ['规上工业总产值', '万元', 5000, oldMonth],
      ['“四上”企业数', '家', 12, oldMonth],
    ]);
    const grid = await projects.call(op.grid, { query: { zoneId: fendong, kind: 'month', from: oldMonth, to: oldMonth } });
    const cell = grid.body.cells.find((c) => c.indicator === 'above_scale_enterprises' && c.period === oldMonth)!;
    const saved = await projects.call(op.saveGrid, { body: { zoneId: fendong, cells: [{ indicator: 'above_scale_enterprises', period: oldMonth, value: '13', version: cell.version }] } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = await values();
    const [row] = await ctx.database.query<{ id: string }>(`select id from statistic_values where zone_id = '${fendong}' and indicator = 'above_scale_enterprises' and period = '${oldMonth}'`);

    const refused = await undo(id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'statistic_value', id: row.id, label: `${indicatorByCode.get('above_scale_enterprises')!.zh} ${oldMonth}` }]);
    expect(await values()).toEqual(after);
  });
});

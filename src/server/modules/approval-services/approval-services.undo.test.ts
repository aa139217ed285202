/**
 * Undo of a committed 赋权事项 catalogue import (docs/imports.md Undo), on the real database and the
 * fixed clock: the item it added removed, the item it updated given its fields back; an item edited
 * since refuses the undo naming it, undoing nothing. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { approvalServiceOperations as op } from '../../../contract/services/approval-services.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const header = ['事项编码', '事项名称', '下放部门', '法定时限（工作日）', '承诺时限（工作日）'];

let ctx: TestContext;
let agent: Client;
let seeded: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
  agent = await ctx.login('agent');
  [{ name: seeded }] = await ctx.database.query<{ name: string }>(`select name from delegated_items where zone_id = '${fendong}' order by name limit 1`);
});
afterAll(() => ctx.close());

/** The catalogue as it stands (versions aside). */
const footprint = () =>
  ctx.database.query(`select id, code, name, department, legal_basis, statutory_days, promised_days, materials from delegated_items order by id`);

async function commit(rows: unknown[][]) {
  const staged = await uploadXlsx(ctx, agent, '/api/imports?kind=delegated-items', await buildXlsx(header, rows));
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errors).toEqual([]);
  const done = await agent.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id: staged.body.id as string, committed: done.body.committed };
}
const undo = (id: string) => agent.call(importOperations.undo, { params: { id } });
const sheet = () => [
  ['UNDO-001', seeded, '撤销测试局', 20, 5],
  ['UNDO-002', '撤销测试新增事项', '市自然资源局', 15, 7],
];

describe('undo of a committed delegated-items import', () => {
  it('removes the added item and gives the updated one its fields back', async () => {
    const before = await footprint();
    const { id, committed } = await commit(sheet());
    expect(committed).toMatchObject({ itemsCreated: 1, itemsUpdated: 1 });
    expect(await footprint()).not.toEqual(before);
    const undone = await undo(id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await footprint()).toEqual(before);
    expect(await ctx.rowCount('audit_log', `where action = 'approval_item.import_undo'`)).toBe(2);
  });

  it('refuses when an item was edited since, naming it, and undoes nothing', async () => {
    const { id } = await commit(sheet());
    const item = (await agent.call(op.listItems, { query: { zoneId: fendong, q: '撤销测试新增' } })).body[0];
    const edited = await agent.call(op.updateItem, { params: { id: item.id }, body: { version: item.version, promisedDays: 6 } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = await footprint();
    const refused = await undo(id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'approval_item', id: item.id, label: '撤销测试新增事项' }]);
    expect(await footprint()).toEqual(after);
  });
});

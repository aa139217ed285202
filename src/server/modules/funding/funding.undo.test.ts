/**
 * Undo of committed funding imports (docs/imports.md Undo), on the real database and the fixed clock:
 * the programme list and the project reserve, each with a record it created and one it updated —
 * undone, the records are as before (fields and fitted programmes); an entry edited since refuses the
 * undo naming it, undoing nothing. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { fundingOperations as op } from '../../../contract/services/funding.ts';
import { testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';

const year = Number(testToday.slice(0, 4));

let ctx: TestContext;
let service: Client;

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
  service = await ctx.login('service');
});
afterAll(() => ctx.close());

/** Programmes, reserve entries and what each fits, as they stand (versions aside). */
const footprint = async () => ({
  programmes: await ctx.database.query(
    `select id, year, level, kind, department, name, policy_document, opens_on::text, deadline_on::text, conditions, typical_amount_yuan::text from funding_programmes order by id`,
  ),
  reserve: await ctx.database.query(
    `select id, name, total_investment_yuan::text, preliminary_done, feasibility_done, report_done, note, project_id from funding_reserve order by id`,
  ),
  fits: await ctx.database.query(`select reserve_id, programme_id from funding_reserve_programmes order by reserve_id, programme_id`),
});

async function commit(kind: 'funding-programmes' | 'funding-reserve', header: string[], rows: unknown[][]) {
  const staged = await uploadXlsx(ctx, service, `/api/imports?kind=${kind}`, await buildXlsx(header, rows));
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errors).toEqual([]);
  const done = await service.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id: staged.body.id as string, committed: done.body.committed };
}
const undo = (id: string) => service.call(importOperations.undo, { params: { id } });
const programmeHeader = ['年度', '层级', '类别', '主管部门', '资金项目名称', '申报截止', '一般支持额度（万元）'];
const reserveHeader = ['项目名称', '总投资（万元）', '前期手续', '可研', '备注', '适合的资金项目'];

describe('undo of committed funding imports', () => {
  it('the programme list: the created programme removed, the updated one given its fields back', async () => {
    await commit('funding-programmes', programmeHeader, [[year, '省级', '技术改造', '省工业和信息化厅', '撤销测试专项甲', `${year}-12-20`, 600]]);
    const before = await footprint();
    const { id, committed } = await commit('funding-programmes', programmeHeader, [
      [year, '国家级', '技术改造', '国家发展改革委', '撤销测试专项甲', `${year}-12-28`, 900],
      [year, '省级', '节能降碳', '省发展改革委', '撤销测试专项乙', `${year}-12-25`, 300],
    ]);
    expect(committed).toMatchObject({ programmesCreated: 1, programmesUpdated: 1 });
    expect(await footprint()).not.toEqual(before);
    const undone = await undo(id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await footprint()).toEqual(before);
    expect(await ctx.rowCount('audit_log', `where action = 'funding.programme.import_undo'`)).toBe(2);
  });

  it('the reserve: undone to as before; an entry edited since refuses the undo, naming it, undoing nothing', async () => {
    await commit('funding-programmes', programmeHeader, [[year, '省级', '技术改造', '省工业和信息化厅', '撤销测试专项丙', `${year}-12-20`, 600]]);
    await commit('funding-reserve', reserveHeader, [['撤销测试储备甲', 5000, '是', '否', '原备注', '']]);
    const before = await footprint();
    const sheet = [
      ['撤销测试储备甲', 6000, '是', '是', '导入改的备注', '撤销测试专项丙'],
      ['撤销测试储备乙', 800, '否', '否', '', '撤销测试专项丙'],
    ];
    const first = await commit('funding-reserve', reserveHeader, sheet);
    expect(first.committed).toMatchObject({ reserveCreated: 1, reserveUpdated: 1 });
    expect((await undo(first.id)).status).toBe(200);
    expect(await footprint()).toEqual(before);

    const again = await commit('funding-reserve', reserveHeader, sheet);
    const entry = (await service.call(op.listReserve, { query: {} })).body.find((r) => r.name === '撤销测试储备乙')!;
    const edited = await service.call(op.updateReserve, { params: { id: entry.id }, body: { version: entry.version, note: '导入后补充' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = await footprint();
    const refused = await undo(again.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'funding_reserve', id: entry.id, label: '撤销测试储备乙' }]);
    expect(await footprint()).toEqual(after);
  });
});

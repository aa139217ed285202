/**
 * Undo of a committed 企业岗位需求表 import (docs/imports.md Undo), on the real database and the fixed
 * clock: the post it created removed, the post it updated given its fields back; a post edited since
 * refuses the undo naming it, undoing nothing. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { addDays } from '../../../contract/periods.ts';
import { hiringOperations as op } from '../../../contract/services/hiring.ts';
import { testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const header = ['企业名称', '所属产业', '岗位名称', '岗位类别', '招聘人数', '已招', '薪资待遇', '任职要求', '截止日期'];

let ctx: TestContext;
let service: Client;

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
  service = await ctx.login('service');
});
afterAll(() => ctx.close());

/** The posts as they stand (versions aside). */
const footprint = () =>
  ctx.database.query(
    `select id, enterprise_id, sector, position, category, headcount, filled, pay_min_yuan::text, pay_max_yuan::text, requirements, posted_on::text, deadline_on::text from hiring_posts order by id`,
  );

async function commit(rows: unknown[][]) {
  const staged = await uploadXlsx(ctx, service, `/api/imports?kind=hiring-posts&zoneId=${fendong}`, await buildXlsx(header, rows));
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errors).toEqual([]);
  const done = await service.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id: staged.body.id as string, committed: done.body.committed };
}
const undo = (id: string) => service.call(importOperations.undo, { params: { id } });
const sheet = [
  ['中车汾东轨道装备有限公司', '光机电', '焊接技术工人', '技术工人', 95, 31, '6500-9500元/月', '持焊工证', addDays(testToday, 40)],
  ['中车汾东轨道装备有限公司', '光机电', '撤销测试数控工', '技术工人', 8, 0, '7000～9000', null, null],
];

describe('undo of a committed hiring-posts import', () => {
  it('removes the created post and gives the updated one its fields back', async () => {
    const before = await footprint();
    const { id, committed } = await commit(sheet);
    expect(committed).toMatchObject({ postsCreated: 1, postsUpdated: 1 });
    expect(await footprint()).not.toEqual(before);
    const undone = await undo(id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await footprint()).toEqual(before);
    expect(await ctx.rowCount('audit_log', `where action = 'hiring.post.import_undo'`)).toBe(2);
  });

  it('refuses when a post was edited since, naming it, and undoes nothing', async () => {
    const { id } = await commit(sheet);
    const post = (await service.call(op.listPosts, { query: { zoneId: fendong } })).body.find((p) => p.position === '焊接技术工人')!;
    const edited = await service.call(op.updatePost, { params: { id: post.id }, body: { version: post.version, filled: 40 } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = await footprint();
    const refused = await undo(id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'hiring_post', id: post.id, label: '焊接技术工人' }]);
    expect(await footprint()).toEqual(after);
  });
});

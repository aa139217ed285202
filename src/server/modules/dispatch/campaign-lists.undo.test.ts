/**
 * Undo of a committed 三个一批 lists import (docs/imports.md Undo), on the real database, with the
 * 04 sample sheet: the nominations it listed (and the quarter's campaign, if it made it) removed; the
 * sheet imports again; an edit of one nomination since refuses the undo naming it, undoing nothing.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { fendong } from '../projects/projects.factories.ts';

const sample = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/samples/excel/04-jinzhong-three-batches.xlsx'));

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

const footprint = async () => ({ campaigns: await ctx.rowCount('campaigns'), entries: await ctx.rowCount('campaign_entries') });
async function commit(file: Buffer, period?: string) {
  const staged = await uploadXlsx(ctx, officer, `/api/imports?kind=campaign-lists&zoneId=${fendong}${period ? `&period=${period}` : ''}`, file, 'lists.xlsx');
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errors).toEqual([]);
  const done = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { staged: staged.body, done: done.body };
}
const undo = (id: string) => officer.call(importOperations.undo, { params: { id } });

describe('undo of a committed 三个一批 lists import', () => {
  it('removes the nominations of the sample sheet; the sheet imports again', async () => {
    const before = await footprint();
    const { staged, done } = await commit(sample);
    expect(done.committed?.entriesCreated).toBe(staged.totalRows);
    expect(done.undoUntil).not.toBeNull();
    const undone = await undo(staged.id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await footprint()).toEqual(before);
    expect(await ctx.rowCount('audit_log', `where action = 'campaign.import_undo'`)).toBe(1);
    // A name on the list is free again: the same sheet is not refused as already listed.
    const again = await commit(sample);
    expect(again.done.committed?.entriesCreated).toBe(staged.totalRows);
  });

  it('removes a campaign the import made; refuses after an edit of one nomination, naming it, undoing nothing', async () => {
    const file = await buildXlsx(['批次', '项目名称', '总投资'], [['开工一批', '撤销测试开工项目甲', 3000], ['投产一批', '撤销测试投产项目乙', 2000]]);
    const before = await footprint();
    const first = await commit(file, '2031-05-01');
    expect(first.done.committed).toMatchObject({ campaignsCreated: 1, entriesCreated: 2 });
    expect((await undo(first.staged.id)).status).toBe(200);
    expect(await footprint()).toEqual(before);

    const { staged } = await commit(file, '2031-05-01');
    const [entry] = await ctx.database.query<{ id: string; version: number }>(`select id, version from campaign_entries where name = '撤销测试开工项目甲'`);
    const edited = await officer.patch(`/api/campaign-entries/${entry.id}`, { version: entry.version, reason: '导入后补充的说明' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = await footprint();
    const refused = await undo(staged.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'campaign_entry', id: entry.id, label: '撤销测试开工项目甲' }]);
    expect(await footprint()).toEqual(after);
  });
});

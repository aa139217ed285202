import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_MAX } from '../../../contract/batch.ts';
import { blockerOperations, decisionOperations } from '../../../contract/dispatch.ts';
import { testDaysAgo } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildBlocker, buildMeeting, fieldOf, hejin, user } from './dispatch.factories.ts';

// Batch operations (contract/batch.ts): the single-item rules per row, one transaction, all or nothing.
let ctx: TestContext;
let leader: Client;
let officer: Client;
let hejinLeader: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [leader, officer, hejinLeader] = await Promise.all([ctx.login('leader'), ctx.login('officer'), ctx.login('hejin')]);
});
afterAll(() => ctx.close());

const count = (table: string, where?: string) => ctx.rowCount(table, where);
const itemsOf = (rows: { id: string; version: number }[]) => rows.map(({ id, version }) => ({ id, version }));

describe('blockers: 批量转办 and 批量销号', () => {
  it('assigns one 责任人 and 责任单位 to every selected blocker, each with its timeline event and audit entry', async () => {
    const rows = [await buildBlocker(officer), await buildBlocker(officer), await buildBlocker(officer)];
    const audits = await count('audit_log', `where action = 'blocker.update'`);
    const res = await leader.call(blockerOperations.batchAssign, {
      body: { items: itemsOf(rows), responsibleUserId: user('projects'), departmentId: demoId('dept:fendong:project') },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.updated).toBe(3);
    expect(res.body.items.map((i) => i.version)).toEqual(rows.map((r) => r.version + 1));
    for (const r of rows) {
      const b = (await leader.call(blockerOperations.get, { params: { id: r.id } })).body;
      expect(b).toMatchObject({ responsibleName: '王磊', departmentId: demoId('dept:fendong:project') });
      expect(b.events.map((e) => e.kind)).toContain('reassigned');
    }
    expect(await count('audit_log', `where action = 'blocker.update'`)).toBe(audits + 3);
    const ids = rows.map((r) => `'${r.id}'`).join(',');
    expect(await count('audit_log', `where action = 'blocker.update' and entity_id in (${ids})`)).toBe(3);
  });

  it('a stale version refuses the whole batch, naming that row; nothing is written', async () => {
    const [a, b] = [await buildBlocker(officer), await buildBlocker(officer)];
    // Someone else saves b first.
    await leader.call(blockerOperations.update, { params: { id: b.id }, body: { version: b.version, title: '先保存的标题' } });
    const before = [await count('audit_log'), await count('blocker_events')];
    const res = await leader.call(blockerOperations.batchAssign, { body: { items: itemsOf([a, b]), responsibleUserId: user('projects') } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BATCH_REFUSED');
    expect(res.body.details?.rejected).toEqual([{ id: b.id, reason: 'batch_stale' }]);
    expect(res.body.details?.fields).toEqual([{ field: 'items.1', reason: '该记录已被他人修改，请刷新后重试' }]);
    expect([await count('audit_log'), await count('blocker_events')]).toEqual(before);
    expect((await leader.call(blockerOperations.get, { params: { id: a.id } })).body.version).toBe(a.version);
  });

  it('a user cannot batch-edit another zone\'s blockers: the row is refused as not found, and the own rows are not written either', async () => {
    const own = await buildBlocker(officer);
    const theirs = await buildBlocker(hejinLeader, { zoneId: hejin });
    const before = await count('audit_log');
    for (const op of [
      () => leader.call(blockerOperations.batchAssign, { body: { items: itemsOf([own, theirs]), departmentId: demoId('dept:fendong:project') } }),
      () => leader.call(blockerOperations.batchResolve, { body: { items: itemsOf([own, theirs]), resolution: '已协调解决' } }),
    ]) {
      const res = await op();
      expect(res.status).toBe(409);
      expect(res.body.details?.rejected).toEqual([{ id: theirs.id, reason: 'batch_not_found' }]);
    }
    expect(await count('audit_log')).toBe(before);
    expect((await hejinLeader.call(blockerOperations.get, { params: { id: theirs.id } })).body).toMatchObject({ status: 'open', version: theirs.version });
    // Export of the selected rows refuses another zone's row too.
    const exp = await leader.call(blockerOperations.exportSelected, { body: { ids: [own.id, theirs.id] } });
    expect(exp.status).toBe(409);
  });

  it('a 责任人 of another zone is refused per row with the single edit\'s reason', async () => {
    const a = await buildBlocker(officer);
    const res = await leader.call(blockerOperations.batchAssign, { body: { items: itemsOf([a]), responsibleUserId: user('hejin') } });
    expect(res.status).toBe(409);
    expect(res.body.details?.rejected).toEqual([{ id: a.id, reason: 'unknown_user' }]);
  });

  it('resolves (销号) every selected blocker; an already resolved one refuses the batch', async () => {
    const rows = [await buildBlocker(officer), await buildBlocker(officer)];
    const audits = await count('audit_log', `where action = 'blocker.resolve'`);
    const ok = await leader.call(blockerOperations.batchResolve, { body: { items: itemsOf(rows), resolution: '专班现场协调解决' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await count('audit_log', `where action = 'blocker.resolve'`)).toBe(audits + 2);
    const b = (await leader.call(blockerOperations.get, { params: { id: rows[0].id } })).body;
    expect(b).toMatchObject({ status: 'resolved', resolution: '专班现场协调解决' });
    const again = await leader.call(blockerOperations.batchResolve, { body: { items: ok.body.items, resolution: '再次销号' } });
    expect(again.status).toBe(409);
    expect(again.body.details?.rejected?.map((r: { reason: string }) => r.reason)).toEqual(['blocker_resolved', 'blocker_resolved']);
  });

  it(`refuses more than ${BATCH_MAX} rows, an empty selection, a row named twice and a batch that changes nothing, in zh-CN`, async () => {
    const many = Array.from({ length: BATCH_MAX + 1 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 1 }));
    const big = await leader.call(blockerOperations.batchAssign, { body: { items: many, responsibleUserId: user('projects') } });
    expect(big.status).toBe(400);
    expect(fieldOf(big)).toEqual({ field: 'items', reason: `一次最多批量处理 ${BATCH_MAX} 条，请分批操作` });
    const a = await buildBlocker(officer);
    const twice = await leader.call(blockerOperations.batchAssign, { body: { items: itemsOf([a, a]), responsibleUserId: user('projects') } });
    expect(fieldOf(twice)).toEqual({ field: 'items', reason: '所选记录有重复' });
    const nothing = await leader.call(blockerOperations.batchAssign, { body: { items: itemsOf([a]) } });
    expect(fieldOf(nothing)).toEqual({ field: 'responsibleUserId', reason: '请至少指定一项要修改的内容' });
    const empty = await leader.call(blockerOperations.batchResolve, { body: { items: [], resolution: 'x' } });
    expect(empty.status).toBe(400);
  });

  it('a viewer without blocker.update cannot call the batch at all', async () => {
    const a = await buildBlocker(officer);
    const viewer = await ctx.login('city');
    const res = await viewer.call(blockerOperations.batchAssign, { body: { items: itemsOf([a]), responsibleUserId: user('projects') } });
    expect(res.status).toBe(403);
  });

  it('exports the selected blockers only, in the 堵点清单 layout', async () => {
    const [a, b] = [await buildBlocker(officer, { title: '所选导出一' }), await buildBlocker(officer, { title: '所选导出二' })];
    await buildBlocker(officer, { title: '未选的堵点' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/exports/blockers-selected.xlsx',
      payload: { ids: [a.id, b.id] },
      headers: { cookie: leader.cookie!, 'x-csrf-token': leader.csrfToken! },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('（所选）');
    const cells = ws.getSheetValues().flat().map(String);
    expect(cells).toContain('所选导出一');
    expect(cells).toContain('所选导出二');
    expect(cells).not.toContain('未选的堵点');
  });
});

describe('decisions: 批量办结, 改派 and export of the selected', () => {
  async function decisions(n: number) {
    const m = await buildMeeting(leader);
    const out = [];
    for (let i = 0; i < n; i++) {
      const res = await leader.call(decisionOperations.add, {
        params: { id: m.id },
        body: { task: `批量测试事项${i}`, ownerUserId: user('projects'), deadlineOn: testDaysAgo(-10) },
      });
      expect(res.status).toBe(201);
      out.push(res.body);
    }
    return out;
  }

  it('marks every selected decision done today and reassigns them, with an audit entry each', async () => {
    const rows = await decisions(2);
    const audits = await count('audit_log', `where action = 'decision.update'`);
    const res = await leader.call(decisionOperations.batchUpdate, { body: { items: itemsOf(rows), status: 'done', ownerUserId: user('officer') } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await count('audit_log', `where action = 'decision.update'`)).toBe(audits + 2);
    const listed = (await leader.call(decisionOperations.list, { query: { status: 'done' } })).body.filter((d) => rows.some((r) => r.id === d.id));
    expect(listed.map((d) => d.ownerName)).toEqual(['李婷', '李婷']);
    expect(listed.every((d) => d.doneOn)).toBe(true);
  });

  it('a stale version or another zone\'s decision refuses the batch; nothing written', async () => {
    const [a, b] = await decisions(2);
    await leader.call(decisionOperations.update, { params: { id: b.id }, body: { version: b.version, note: '先保存' } });
    const hm = await buildMeeting(hejinLeader, { zoneId: hejin });
    const theirs = (
      await hejinLeader.call(decisionOperations.add, { params: { id: hm.id }, body: { task: '河津事项', ownerUserId: user('hejin'), deadlineOn: testDaysAgo(-10) } })
    ).body;
    const before = await count('audit_log');
    const res = await leader.call(decisionOperations.batchUpdate, { body: { items: itemsOf([a, b, theirs]), status: 'done' } });
    expect(res.status).toBe(409);
    expect(res.body.details?.rejected).toEqual([
      { id: b.id, reason: 'batch_stale' },
      { id: theirs.id, reason: 'batch_not_found' },
    ]);
    expect(await count('audit_log')).toBe(before);
  });

  it('exports the selected decisions', async () => {
    const rows = await decisions(2);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/decisions/export-selected.xlsx',
      payload: { ids: [rows[0].id] },
      headers: { cookie: leader.cookie!, 'x-csrf-token': leader.csrfToken! },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain(rows[0].task);
    expect(cells).not.toContain(rows[1].task);
  });
});

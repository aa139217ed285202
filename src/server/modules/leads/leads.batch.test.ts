import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadOperations } from '../../../contract/leads.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildLead } from './leads.factories.ts';

// 批量指派负责人 and 导出所选 (contract/batch.ts): the edit's rules per row, one transaction, all or nothing.
let ctx: TestContext;
let officer: Client;
let hejin: Client;
const fendong = demoId('zone:fendong');

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, hejin] = await Promise.all([ctx.login('officer'), ctx.login('hejin')]);
});
afterAll(() => ctx.close());

const itemsOf = (rows: { id: string; version: number }[]) => rows.map(({ id, version }) => ({ id, version }));

describe('leads: batch assign and export of the selected', () => {
  it('assigns a 负责人 to every selected lead, with an owner event and an audit entry each', async () => {
    const owners = (await officer.call(leadOperations.owners, { query: { zoneId: fendong } })).body;
    const other = owners.find((o) => o.id !== demoId('user:officer'))!;
    expect(other).toBeTruthy();
    const rows = [await buildLead(officer), await buildLead(officer)];
    const [audits, events] = [await ctx.rowCount('audit_log', `where action = 'lead.update'`), await ctx.rowCount('lead_events', `where kind = 'owner'`)];
    const res = await officer.call(leadOperations.batchAssign, { body: { items: itemsOf(rows), ownerId: other.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i) => i.version)).toEqual([2, 2]);
    for (const r of rows) expect((await officer.call(leadOperations.get, { params: { id: r.id } })).body.ownerName).toBe(other.displayName);
    expect(await ctx.rowCount('audit_log', `where action = 'lead.update'`)).toBe(audits + 2);
    expect(await ctx.rowCount('lead_events', `where kind = 'owner'`)).toBe(events + 2);
  });

  it('another zone\'s lead or a stale version refuses the batch, naming each row; nothing is written', async () => {
    const [a, b] = [await buildLead(officer), await buildLead(officer)];
    await officer.call(leadOperations.update, { params: { id: b.id }, body: { version: b.version, nextStep: '先保存' } });
    const theirs = await buildLead(hejin, { zoneId: demoId('zone:hejin') });
    const before = await ctx.rowCount('audit_log');
    const res = await officer.call(leadOperations.batchAssign, { body: { items: itemsOf([a, b, theirs]), ownerId: null } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BATCH_REFUSED');
    expect(res.body.details?.rejected).toEqual([
      { id: b.id, reason: 'batch_stale' },
      { id: theirs.id, reason: 'batch_not_found' },
    ]);
    expect(await ctx.rowCount('audit_log')).toBe(before);
    expect((await officer.call(leadOperations.get, { params: { id: a.id } })).body).toMatchObject({ version: 1, ownerName: '李婷' });
    const exp = await officer.call(leadOperations.exportSelected, { body: { ids: [a.id, theirs.id] } });
    expect(exp.status).toBe(409);
  });

  it('an owner who may not own leads in the zone is refused per row', async () => {
    const a = await buildLead(officer);
    const res = await officer.call(leadOperations.batchAssign, { body: { items: itemsOf([a]), ownerId: demoId('user:hejin') } });
    expect(res.status).toBe(409);
    expect(res.body.details?.rejected).toEqual([{ id: a.id, reason: 'unknown_owner' }]);
  });

  it('exports the selected leads only', async () => {
    const [a, b] = [await buildLead(officer, { name: '所选导出线索' }), await buildLead(officer, { name: '未选线索' })];
    void b;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/leads/export-selected.xlsx',
      payload: { ids: [a.id] },
      headers: { cookie: officer.cookie!, 'x-csrf-token': officer.csrfToken! },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain('所选导出线索');
    expect(cells).not.toContain('未选线索');
  });
});

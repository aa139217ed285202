/**
 * Issue 11 items 2, 6, 7 and 10 on the lead ledger, on the real database: a re-imported ledger
 * offers updates with their changes (old → new) and writes only the accepted ones, through the
 * leads service (version, audit); a committed batch is undone as a whole, unless a record changed
 * since (then every such record is listed); a corrected mapping and an unknown owner's choice are
 * remembered for the zone and used by the next upload.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseOperations } from '../../../contract/enterprises.ts';
import { importOperations, IMPORT_UNDO_DAYS, type ImportSummary } from '../../../contract/imports.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { ledgerColumns } from './ledger.columns.ts';

let ctx: TestContext;
let officer: Client;
const fendong = demoId('zone:fendong');

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

const exportLedger = async () => (await ctx.app.inject({ method: 'GET', url: '/api/exports/lead-ledger.xlsx', headers: { cookie: officer.cookie! } })).rawPayload;
const col = (key: string) => ledgerColumns.findIndex((c) => c.key === key) + 1;
const leadByCode = async (code: string) => (await ctx.database.query<{ id: string; version: number; next_step: string | null; planned_investment_yuan: string | null }>('select id, version, next_step, planned_investment_yuan from leads where zone_id = $1 and code = $2', [fendong, code]))[0];

/** The exported ledger with two rows edited as an office would: a new 计划投资 and 下一步. */
async function editedLedger() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportLedger()) as never);
  const ws = wb.worksheets[0];
  const codes: string[] = [];
  for (let r = 3; r <= ws.rowCount && codes.length < 2; r++) {
    const code = ws.getCell(r, 1).value;
    if (typeof code !== 'string') continue;
    codes.push(code);
    ws.getCell(r, col('plannedInvestment')).value = 12345 + codes.length;
    ws.getCell(r, col('nextStep')).value = `导入更新测试${codes.length}`;
  }
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), codes };
}

describe('re-importing the ledger: updates with their changes, accepted one by one', () => {
  it('offers every exported row as an update, lists the two changed ones old → new, and writes only the accepted', async () => {
    const { file, codes } = await editedLedger();
    const [a, b] = [await leadByCode(codes[0]), await leadByCode(codes[1])];
    const leadsBefore = await ctx.rowCount('leads');
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', file, '招商线索台账.xlsx');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    // Nothing refused as "编号已被使用": every row is an update, all but two change nothing.
    expect(staged.body.errorCount).toBe(0);
    expect(staged.body.updates.count).toBe(staged.body.validRows);
    expect(staged.body.updates.unchanged).toBe(staged.body.validRows - 2);
    const items = staged.body.updates.items as { key: number; id: string; label: string; changes: { field: string; label: string; before: string | null; after: string | null }[] }[];
    expect(items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(items[0].label.startsWith(codes[0])).toBe(true);
    expect(items[0].changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'plannedInvestment', after: '12346' }),
        { field: 'nextStep', label: '下一步工作', before: a.next_step, after: '导入更新测试1' },
      ]),
    );

    // The user accepts the first update only.
    const committed = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all', updates: [items[0].key] } });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.committed).toMatchObject({ leadsCreated: 0, leadsUpdated: 1 });
    expect(await ctx.rowCount('leads')).toBe(leadsBefore);
    const [a2, b2] = [await leadByCode(codes[0]), await leadByCode(codes[1])];
    expect(a2).toMatchObject({ version: a.version + 1, next_step: '导入更新测试1' });
    expect(Number(a2.planned_investment_yuan)).toBe(123_460_000);
    expect(b2).toEqual(b);
    // Through the leads service: its audit entry, naming the import.
    const audit = await ctx.database.query<{ after: { importId?: string } }>(`select after from audit_log where action = 'lead.update' and entity_id = $1 order by at desc limit 1`, [a.id]);
    expect(audit[0].after.importId).toBe(staged.body.id);

    // Undo restores it through the service, and the batch is undone (a second undo is refused).
    expect(committed.body.undoUntil).toBeTruthy();
    const undone = await officer.call(importOperations.undo, { params: { id: staged.body.id } });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await leadByCode(codes[0])).toMatchObject({ version: a.version + 2, next_step: a.next_step });
    expect(Number((await leadByCode(codes[0])).planned_investment_yuan)).toBe(Number(a.planned_investment_yuan));
    expect((await officer.call(importOperations.undo, { params: { id: staged.body.id } })).status).toBe(400);
  });

  it('a version changed between preview and commit refuses the whole commit (409), writing nothing', async () => {
    const { file, codes } = await editedLedger();
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', file);
    const lead = await leadByCode(codes[0]);
    const edited = await officer.patch(`/api/leads/${lead.id}`, { version: lead.version, nextStep: '别人先改了' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const res = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    expect(res.status).toBe(409);
    expect((await leadByCode(codes[0])).next_step).toBe('别人先改了');
    expect((await officer.call(importOperations.get, { params: { id: staged.body.id } })).body.status).toBe('staged');
  });
});

describe('undoing a committed batch', () => {
  const sheet = (tag: string) =>
    buildXlsx(
      ['线索编号', '项目名称', '投资方', '推进阶段'],
      [
        [`UNDO-${tag}-1`, `撤销测试${tag}项目一`, `撤销测试${tag}投资有限公司`, '意向'],
        [`UNDO-${tag}-2`, `撤销测试${tag}项目二`, null, '线索'],
      ],
    );

  it('removes the leads and the investor it created, audited as one import.undo', async () => {
    const before = { leads: await ctx.rowCount('leads'), enterprises: await ctx.rowCount('enterprises') };
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await sheet('a'));
    const committed = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    expect(committed.body.committed).toMatchObject({ leadsCreated: 2, enterprisesCreated: 1 });
    const undone = await officer.call(importOperations.undo, { params: { id: staged.body.id } });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect({ leads: await ctx.rowCount('leads'), enterprises: await ctx.rowCount('enterprises') }).toEqual(before);
    const audit = await ctx.database.query<{ after: Record<string, number> }>(`select after from audit_log where action = 'import.undo' and entity_id = $1`, [staged.body.id]);
    expect(audit[0].after).toMatchObject({ leadsDeleted: 2, enterprisesDeleted: 1 });
  });

  it('refuses when a record changed since, listing it, and undoes nothing; refuses after the window', async () => {
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await sheet('b'));
    await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    const lead = await leadByCode('UNDO-b-2');
    await officer.patch(`/api/leads/${lead.id}`, { version: lead.version, nextStep: '导入后有人跟进' });
    const leads = await ctx.rowCount('leads');
    const res = await officer.call(importOperations.undo, { params: { id: staged.body.id } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(res.body.details.changed).toEqual([{ entity: 'lead', id: lead.id, label: 'UNDO-b-2 撤销测试b项目二' }]);
    expect(await ctx.rowCount('leads')).toBe(leads);
    expect((await officer.call(importOperations.get, { params: { id: staged.body.id } })).body.status).toBe('committed');

    const late = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await sheet('c'));
    await officer.call(importOperations.commit, { params: { id: late.body.id }, body: { mode: 'all' } });
    // Committed more than IMPORT_UNDO_DAYS ago (the batch's commit time moved back: a session would not last so long).
    await ctx.database.query(`update import_batches set committed_at = committed_at - interval '${IMPORT_UNDO_DAYS + 1} days' where id = $1`, [late.body.id]);
    const tooLate = await officer.call(importOperations.undo, { params: { id: late.body.id } });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.details.fields[0].reason).toContain('7 天');
  });
});

describe('undoing an enterprise list', () => {
  it('removes the enterprises and contacts it created; matched ones stay', async () => {
    const before = { enterprises: await ctx.rowCount('enterprises'), contacts: await ctx.rowCount('enterprise_contacts') };
    const file = await buildXlsx(['企业名称', '联系人'], [['撤销名录测试甲有限公司', '王一'], ['撤销名录测试乙有限公司', null], ['深圳星河微电子有限公司', null]]);
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=enterprises', file);
    const committed = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    expect(committed.body.committed).toMatchObject({ enterprisesCreated: 2, enterprisesMatched: 1 });
    const undone = await officer.call(importOperations.undo, { params: { id: staged.body.id } });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect({ enterprises: await ctx.rowCount('enterprises'), contacts: await ctx.rowCount('enterprise_contacts') }).toEqual(before);
  });
});

describe('what a zone remembers', () => {
  it('a corrected mapping is used at the next upload of a sheet with the same headers', async () => {
    const file = () => buildXlsx(['项目名称', '渠道说明', '推进阶段'], [[`记忆映射项目${Math.random()}`, '产业链招商', '意向']]);
    const first = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await file());
    expect(first.body.tables[0].columns[1].field).toBeNull();
    const remapped = await officer.call(importOperations.remap, { params: { id: first.body.id }, body: { columns: [{ index: 2, field: 'method' }] } });
    expect(remapped.status).toBe(200);
    const next = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await file());
    expect(next.body.tables[0]).toMatchObject({ remembered: true });
    expect(next.body.tables[0].columns[1]).toMatchObject({ header: '渠道说明', field: 'method' });
    // Another zone's upload of the same headers is not affected.
    const other = await ctx.login('hejin');
    const theirs = await uploadXlsx(ctx, other, '/api/imports?kind=leads', await file());
    expect(theirs.body.tables[0].columns[1].field).toBeNull();
  });

  it("an unknown owner mapped to one of the zone's people is linked, and the choice is used next time", async () => {
    const file = (n: number) => buildXlsx(['项目名称', '负责人'], [[`记忆负责人项目${n}`, '小李（招商局）']]);
    const first = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await file(1));
    const name = first.body.names.find((n: { field: string }) => n.field === 'owner');
    expect(name).toMatchObject({ resolution: 'text' });
    expect(first.body.nameActions.owner).toEqual(['map', 'blank']);
    const li = first.body.nameTargets.owner.find((t: { name: string }) => t.name === '李婷');
    expect(li).toBeTruthy();
    // A target that is not among the offered ones is refused.
    const bad = await officer.call(importOperations.names, { params: { id: first.body.id }, body: { choices: [{ field: 'owner', text: name.text, action: 'map', targetId: fendong }] } });
    expect(bad.status).toBe(400);
    const chosen = await officer.call(importOperations.names, { params: { id: first.body.id }, body: { choices: [{ field: 'owner', text: name.text, action: 'map', targetId: li.id }] } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.names).toContainEqual(expect.objectContaining({ field: 'owner', text: name.text, resolution: 'map', matchName: '李婷', chosen: true }));
    await officer.call(importOperations.commit, { params: { id: first.body.id }, body: { mode: 'all' } });
    expect((await ctx.database.query<{ owner_id: string }>(`select owner_id from leads where name = '记忆负责人项目1'`))[0].owner_id).toBe(li.id);

    const next = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await file(2));
    expect(next.body.names).toContainEqual(expect.objectContaining({ field: 'owner', resolution: 'map', chosen: true, targetId: li.id }));
  });
});

describe('an investor the directory does not know exactly', () => {
  it('is listed with the enterprises most like it; mapped to one, the lead links it and no enterprise is registered; left unlinked, the lead has none', async () => {
    const admin = await ctx.login('admin');
    const near = await admin.call(enterpriseOperations.create, { body: { name: '运城晟通铝业科技有限公司', noCreditCode: true } });
    expect(near.status, JSON.stringify(near.body)).toBe(201);
    const file = await buildXlsx(['项目名称', '投资方', '计划投资（万元）'], [
      ['台账名称测试线索一', '晟通铝', 5000],
      ['台账名称测试线索二', '台账测试完全陌生企业有限公司', 100],
    ]);
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', file, '台账.xlsx');
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    const listed = (staged.body.names as ImportSummary['names']).find((n) => n.field === 'enterpriseName' && n.text === '晟通铝');
    expect(listed).toMatchObject({ resolution: 'create' });
    expect(listed!.candidates?.[0]).toEqual({ id: near.body.id, name: '运城晟通铝业科技有限公司' });
    const chosen = await officer.call(importOperations.names, {
      params: { id: staged.body.id },
      body: {
        choices: [
          { field: 'enterpriseName', text: '晟通铝', action: 'map', targetId: near.body.id },
          { field: 'enterpriseName', text: '台账测试完全陌生企业有限公司', action: 'blank' },
        ],
      },
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const enterprisesBefore = await ctx.rowCount('enterprises');
    const done = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await ctx.rowCount('enterprises')).toBe(enterprisesBefore);
    const leads = await ctx.database.query<{ name: string; enterprise_id: string | null }>(
      `select name, enterprise_id from leads where zone_id = $1 and name in ('台账名称测试线索一', '台账名称测试线索二') order by name = '台账名称测试线索二'`,
      [fendong],
    );
    expect(leads).toEqual([
      { name: '台账名称测试线索一', enterprise_id: near.body.id },
      { name: '台账名称测试线索二', enterprise_id: null },
    ]);
  });
});

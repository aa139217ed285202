import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignOperations } from '../../../contract/dispatch.ts';
import { testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { fendong, fieldOf } from './dispatch.factories.ts';

// The demo seeds a campaign for the quarter of TEST_NOW; these campaigns are years later, so the
// year's rates count only what this test plans.
let ctx: TestContext;
const year = Number(testToday.slice(0, 4)) + 5;
const hejinProject = demoId('project:hejin-profile');
let leader: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  leader = await ctx.login('leader');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);

describe('三个一批 campaigns', () => {
  it('plans three lists, confirms on the event day, computes the rates of the worked example, counts a project once', async () => {
    const created = await leader.call(campaignOperations.create, { body: { zoneId: fendong, year, quarter: 1, eventOn: `${year}-03-20` } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await leader.post('/api/campaigns', { zoneId: fendong, year, quarter: 1 })).status).toBe(409);
    const add = (body: object) => leader.post(`/api/campaigns/${id}/entries`, body);
    // 签约一批: 4 planned; 开工一批: 2 planned; 投产一批: 2 planned.
    const sign = await Promise.all([1, 2, 3, 4].map((i) => add({ batch: 'sign', name: `签约项目${i}`, plannedAmountWan: 10000 * i })));
    const start1 = await add({ batch: 'start', projectId: demoId('project:hydrogen-park') });
    expect(start1.body).toMatchObject({ name: '汾东氢能装备产业园项目', plannedAmountYuan: 600_000_000 });
    const start2 = await add({ batch: 'start', projectId: demoId('project:jinfen-anode') });
    const prod1 = await add({ batch: 'production', name: '投产项目甲' });
    const prod2 = await add({ batch: 'production', name: '投产项目乙' });

    // Bad input: no batch, another zone's project, the same project twice on a list.
    const before = await count('campaign_entries');
    expect(fieldOf(await add({ name: '无批次' }))).toMatchObject({ field: 'batch' });
    const foreign = await add({ batch: 'start', projectId: hejinProject });
    expect(foreign.status).toBe(400);
    expect(fieldOf(foreign)).toEqual({ field: 'projectId', reason: '项目不存在或不属于该开发区' });
    expect((await add({ batch: 'start', projectId: demoId('project:hydrogen-park') })).status).toBe(409);
    expect(await count('campaign_entries')).toBe(before);

    const confirm = (e: { body: { id: string; version: number } }, body: object) =>
      leader.patch(`/api/campaign-entries/${e.body.id}`, { version: e.body.version, ...body });
    // Event day: 3 of 4 signed, 1 of 2 started, 2 of 2 in production, 1 of those at designed output.
    await confirm(sign[0], { confirmed: true, actualAmountWan: 12000 });
    await confirm(sign[1], { confirmed: true });
    await confirm(sign[2], { confirmed: true });
    const noReason = await confirm(sign[3], { confirmed: false });
    expect(fieldOf(noReason)).toEqual({ field: 'reason', reason: '未完成须说明原因' });
    await confirm(sign[3], { confirmed: false, reason: '投资方推迟签约' });
    await confirm(start1, { confirmed: true, actualOn: `${year}-03-20` });
    await confirm(start2, { confirmed: false, reason: '施工许可未办结' });
    await confirm(prod1, { confirmed: true, outputReached: true });
    await confirm(prod2, { confirmed: true });

    const c = (await leader.call(campaignOperations.get, { params: { id } })).body;
    expect(c.rates.signing).toMatchObject({ planned: 4, done: 3, rate: 0.75, plannedAmountYuan: 1_000_000_000, doneAmountYuan: 620_000_000 });
    expect(c.rates.start).toMatchObject({ planned: 2, done: 1, rate: 0.5 });
    expect(c.rates.production).toMatchObject({ planned: 2, done: 2, rate: 1 });
    expect(c.rates.output).toMatchObject({ planned: 2, done: 1, rate: 0.5 });

    // A project counted in 开工一批 is counted once: the next quarter's list cannot count it again.
    const next = (await leader.call(campaignOperations.create, { body: { zoneId: fendong, year, quarter: 2 } })).body;
    const again = await leader.post(`/api/campaigns/${next.id}/entries`, { batch: 'start', projectId: demoId('project:hydrogen-park') });
    expect(again.status).toBe(409);
    expect(fieldOf(again)).toMatchObject({ field: 'projectId', reason: '该项目已在此前的同类批次中计入，同一项目只计一次' });
    // …while the one not started may be planned again.
    expect((await leader.post(`/api/campaigns/${next.id}/entries`, { batch: 'start', projectId: demoId('project:jinfen-anode') })).status).toBe(201);

    const rates = (await leader.call(campaignOperations.rates, { query: { year } })).body;
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ zoneId: fendong, rates: { signing: { rate: 0.75 }, start: { planned: 3, done: 1 } } });
    expect(rates[0].batches.map((b) => b.quarter)).toEqual([1, 2]);

    const sheet = await ctx.app.inject({ method: 'GET', url: `/api/campaigns/${id}/tracking.xlsx`, headers: { cookie: leader.cookie! } });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(
      expect.arrayContaining(['批次', '项目名称', '签约日期', '签约金额（万元）', '开工日期', '投产日期', '达产达效', '到位资金（万元）']),
    );
    const cells = ws.getSheetValues().flat().map(String);
    expect(cells).toContain('签约完成率');
    expect(cells.some((v) => v.includes('3/4（75.0%）'))).toBe(true);
  });

  it('an officer of another zone cannot add to this campaign', async () => {
    const list = (await leader.call(campaignOperations.list, { query: { zoneId: fendong, year } })).body;
    const gaoxin = await ctx.login('gaoxin');
    expect((await gaoxin.post(`/api/campaigns/${list[0].id}/entries`, { batch: 'sign', name: '越权' })).status).toBe(404);
    // The record check comes before the body: an empty body is NOT_FOUND too.
    expect((await gaoxin.post(`/api/campaigns/${list[0].id}/entries`, {})).status).toBe(404);
  });
});

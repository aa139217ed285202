/**
 * 三个一批 from the records (issue 10 item 3): nominations are typed, achievement is derived from the
 * agreements signed at the campaign's signing event and the projects' actual start and production
 * dates in the quarter; the rates, the page's explanation and the tracking sheet read the same numbers.
 * Runs in 河津 (no demo campaign there) in the quarter of the test clock, at any TEST_NOW.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignGapText, campaignOperations } from '../../../contract/dispatch.ts';
import { leadOperations, signingEventOperations } from '../../../contract/leads.ts';
import { addDays } from '../../../contract/periods.ts';
import { testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { advanceLead, buildLead, uploadLeadFile } from '../leads/leads.factories.ts';
import { buildProject } from '../projects/projects.factories.ts';
import { quarterRange } from './campaign-achievement.ts';
import { fendong, fieldOf, hejin } from './dispatch.factories.ts';

let ctx: TestContext;
let boss: Client;
const year = Number(testToday.slice(0, 4));
const quarter = Math.floor((Number(testToday.slice(5, 7)) - 1) / 3) + 1;
const q = quarterRange(year, quarter);
const beforeQuarter = addDays(q.start, -1);

beforeAll(async () => {
  ctx = await createTestContext();
  boss = await ctx.login('hejin');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);
const fieldsOf = (res: { body: { details?: { fields?: { field: string; reason: string }[] } } }) =>
  (res.body.details?.fields ?? []).map((f) => `${f.field}:${f.reason}`).sort();

/** A 河津 project at `stage` with its gate dates (in order). */
async function project(name: string, stage: string, dates: Record<string, string | null> = {}) {
  const res = await boss.post(
    '/api/projects',
    buildProject({
      zoneId: hejin,
      name,
      parkId: null,
      level: 'none',
      leaderUserId: null,
      officerUserId: null,
      departmentId: null,
      investorEnterpriseId: demoId('enterprise:hejin-profile'),
      totalInvestmentWan: 50000,
      fixedAssetInvestmentWan: 40000,
      stage,
      ...dates,
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}
const early = { signedOn: addDays(beforeQuarter, -40), landOn: addDays(beforeQuarter, -30) };

describe('三个一批 achieved from the records', () => {
  it('fills 签约一批 from the event, 开工/投产 from the dates in the quarter; rates, page and sheet agree; typed completion is refused', async () => {
    const event = await boss.call(signingEventOperations.create, {
      body: { zoneId: hejin, name: `${year}年第${quarter}季度三个一批签约活动（河津）`, kind: 'campaign', heldOn: testToday },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const E = event.body.id;

    // Leads: A signs at the event (1.4亿), B only a framework agreement there, F nothing; C signed
    // last quarter and re-signs at the event; D signs there without a nomination.
    const A = await buildLead(boss, { name: '甲新材料项目' });
    await advanceLead(ctx, boss, A.id, 'signed', { investment: { signedOn: testToday, amountWan: 14000, signingEventId: E } });
    const B = await buildLead(boss, { name: '乙装备项目' });
    await advanceLead(ctx, boss, B.id, 'framework', { framework: { signedOn: testToday, amountWan: 8000, signingEventId: E } });
    const F = await buildLead(boss, { name: '丙物流项目' });
    const C = await buildLead(boss, { name: '丁铝材项目' });
    await advanceLead(ctx, boss, C.id, 'signed', {
      framework: { signedOn: addDays(beforeQuarter, -1) },
      investment: { signedOn: beforeQuarter, amountWan: 30000 },
    });
    const file = (await uploadLeadFile(ctx, boss, C.id)).body as { id: string };
    const resign = await boss.call(leadOperations.addAgreement, {
      params: { id: C.id },
      body: { kind: 'investment', signedOn: testToday, amountWan: 30000, signingEventId: E, fileId: file.id },
    });
    expect(resign.status, JSON.stringify(resign.body)).toBe(201);
    const D = await buildLead(boss, { name: '戊化工项目' });
    await advanceLead(ctx, boss, D.id, 'signed', { investment: { signedOn: testToday, amountWan: 6000, signingEventId: E } });

    // Projects: P1 started in the quarter, P5 not started; P2 at 开工 with no production date, P3 in
    // production in the quarter and at 达产; P4 started last quarter.
    const P1 = await project('河津一号开工项目', 'started', { ...early, startOn: q.start });
    const P5 = await project('河津五号待开工项目', 'land', early);
    const P2 = await project('河津二号在建项目', 'started', { ...early, startOn: addDays(beforeQuarter, -10) });
    const P3 = await project('河津三号投产项目', 'full_production', {
      ...early,
      startOn: addDays(beforeQuarter, -20),
      completedOn: addDays(beforeQuarter, -5),
      productionOn: q.start,
      fullProductionOn: testToday,
    });
    const P4 = await project('河津四号早开工项目', 'started', { ...early, startOn: beforeQuarter });

    const created = await boss.call(campaignOperations.create, { body: { zoneId: hejin, year, quarter, eventOn: testToday, signingEventId: E } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const add = (body: object) => boss.post(`/api/campaigns/${id}/entries`, body);
    for (const body of [
      { batch: 'sign', leadId: A.id, plannedAmountWan: 15000 },
      { batch: 'sign', leadId: B.id, plannedAmountWan: 8000 },
      { batch: 'sign', leadId: F.id, plannedAmountWan: 5000 },
      { batch: 'start', projectId: P1.id },
      { batch: 'start', projectId: P5.id },
      { batch: 'production', projectId: P2.id },
      { batch: 'production', projectId: P3.id },
    ]) {
      const res = await add(body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }

    // Bad input, refused field by field, nothing written.
    const before = { entries: await count('campaign_entries'), campaigns: await count('campaigns'), audit: await count('audit_log') };
    const refusals: [object, string[], number][] = [
      [{ batch: 'production', projectId: P2.id, confirmed: true }, ['confirmed:完成情况由项目和协议记录认定，不能手工填写'], 400],
      [{ batch: 'sign', name: '只有名称的项目' }, ['leadId:请选择项目或招商线索'], 400],
      [{ batch: 'start', leadId: F.id }, ['projectId:开工一批、投产一批须选择本开发区的项目'], 400],
      [{ batch: 'start', projectId: demoId('project:jinfen-anode') }, ['projectId:项目不存在或不属于该开发区'], 400],
      [{ batch: 'start', projectId: P4.id }, ['projectId:该项目已在本季度之前开工，不能再列入开工一批'], 400],
      [{ batch: 'sign', leadId: C.id }, ['leadId:该线索已在本季度之前签约计入，不能再列入签约一批'], 400],
      [{ batch: 'sign', projectId: P1.id }, ['projectId:该项目未关联招商线索，无法从签约协议认定，请选择其招商线索'], 400],
      [{ batch: 'start', projectId: P1.id }, ['projectId:该项目已在本批清单中'], 409],
    ];
    for (const [body, fields, status] of refusals) {
      const res = await add(body);
      expect({ body, status: res.status, fields: fieldsOf(res) }).toEqual({ body, status, fields });
    }
    const c0 = (await boss.call(campaignOperations.get, { params: { id } })).body;
    const typed = await boss.patch(`/api/campaign-entries/${c0.entries.find((e) => e.projectId === P2.id)!.id}`, {
      version: 1,
      confirmed: true,
      outputReached: true,
    });
    expect(fieldsOf(typed)).toEqual(['confirmed:完成情况由项目和协议记录认定，不能手工填写', 'outputReached:完成情况由项目和协议记录认定，不能手工填写']);
    const elsewhere = await boss.post('/api/campaigns', { zoneId: hejin, year: year + 1, quarter, eventOn: testToday, signingEventId: E });
    expect(fieldsOf(elsewhere)).toEqual(['eventOn:活动日期须在该季度内']);
    const foreignEvent = await boss.post('/api/campaigns', { zoneId: hejin, year: year + 1, quarter, signingEventId: demoId('signing-event:campaign') });
    expect(fieldsOf(foreignEvent)).toEqual(['signingEventId:签约活动不存在或不属于该开发区']);
    const en = await boss.request(
      'POST',
      `/api/campaigns/${id}/entries`,
      { batch: 'production', projectId: P2.id, confirmed: true },
      { 'accept-language': 'en-US' },
    );
    expect(JSON.stringify(en.body)).toContain('achievement is derived from the project and agreement records');
    expect({ entries: await count('campaign_entries'), campaigns: await count('campaigns'), audit: await count('audit_log') }).toEqual(before);

    const c = (await boss.call(campaignOperations.get, { params: { id } })).body;
    const byName = Object.fromEntries(c.entries.map((e) => [e.name, e]));
    expect(byName['甲新材料项目']).toMatchObject({ nominated: true, achieved: true, status: 'signed', statusOn: testToday, achievedAmountYuan: 140_000_000 });
    expect(byName['乙装备项目']).toMatchObject({ achieved: false, status: 'framework_only' });
    expect(byName['丙物流项目']).toMatchObject({ achieved: false, status: 'not_signed_at_event' });
    expect(byName['戊化工项目']).toMatchObject({ nominated: false, achieved: true, status: 'signed', achievedAmountYuan: 60_000_000, id: null });
    // The re-signing at the event fills nothing: the lead counted last quarter.
    expect(byName['丁铝材项目']).toBeUndefined();
    expect(byName['河津一号开工项目']).toMatchObject({ achieved: true, status: 'started', statusOn: q.start });
    expect(byName['河津五号待开工项目']).toMatchObject({ achieved: false, status: 'not_started' });
    expect(byName['河津二号在建项目']).toMatchObject({ achieved: false, status: 'no_production_date', stage: 'started', outputReached: false });
    expect(byName['河津三号投产项目']).toMatchObject({ achieved: true, status: 'in_production', statusOn: q.start, outputReached: true });

    expect(c.rates.signing).toMatchObject({
      planned: 3,
      done: 1,
      rate: 0.3333,
      plannedAmountYuan: 280_000_000,
      doneAmountYuan: 140_000_000,
      extra: 1,
      extraAmountYuan: 60_000_000,
    });
    expect(c.rates.start).toMatchObject({ planned: 2, done: 1, rate: 0.5 });
    // The project still at 开工 with no production date is never 投产一批 achieved.
    expect(c.rates.production).toMatchObject({ planned: 2, done: 1, rate: 0.5, doneAmountYuan: 500_000_000 });
    expect(c.rates.output).toMatchObject({ planned: 1, done: 1, rate: 1 });
    const production = c.gaps.find((g) => g.batch === 'production')!;
    expect(campaignGapText(production, 'zh')).toBe('提名2个，已投产1个：河津二号在建项目未投产（河津二号在建项目：尚无投产日期）');
    expect(campaignGapText(c.gaps.find((g) => g.batch === 'sign')!, 'zh')).toBe(
      '提名3个，已签约1个：乙装备项目、丙物流项目未签约（乙装备项目：仅签订框架协议，不计入签约；丙物流项目：未在本次签约活动上签约）；另有1个未提名项目在活动上签约：戊化工项目',
    );

    // The list and the year's rates read the same numbers.
    const listed = (await boss.call(campaignOperations.list, { query: { zoneId: hejin, year } })).body.find((x) => x.id === id)!;
    expect(listed.rates).toEqual(c.rates);
    const rates = (await boss.call(campaignOperations.rates, { query: { year } })).body.find((r) => r.zoneId === hejin)!;
    expect(rates.rates).toEqual(c.rates);

    // Once the project records its production date, the same derivation counts it.
    const p2 = (await boss.get(`/api/projects/${P2.id}`)).body;
    const moved = await boss.patch(`/api/projects/${P2.id}`, { version: p2.version, completedOn: testToday, productionOn: testToday });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = (await boss.call(campaignOperations.get, { params: { id } })).body;
    expect(after.rates.production).toMatchObject({ planned: 2, done: 2, rate: 1 });
    expect(after.rates.output).toMatchObject({ planned: 2, done: 1 });

    // The tracking sheet: the same rows, rates and sentence.
    const sheet = await ctx.app.inject({ method: 'GET', url: `/api/campaigns/${id}/tracking.xlsx`, headers: { cookie: boss.cookie! } });
    expect(sheet.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['批次', '项目名称', '签约日期', '开工日期', '投产日期', '达产达效', '完成情况', '认定依据']));
    const rows = Array.from(ws.getSheetValues(), (r) => (Array.isArray(r) ? Array.from(r, (v) => (v == null ? '' : String(v))) : []));
    const cells = rows.flat();
    expect(cells).toContain('签约完成率');
    expect(cells.some((v) => v.includes('1/3（33.3%）'))).toBe(true);
    expect(cells.some((v) => v.includes('2/2（100.0%）'))).toBe(true);
    expect(cells).toContain('完成（未提名）');
    const b = rows.find((r) => r.includes('乙装备项目'))!;
    expect(b).toEqual(expect.arrayContaining(['未完成', '仅签订框架协议，不计入签约']));
    expect(cells).toContain(campaignGapText(after.gaps.find((g) => g.batch === 'sign')!, 'zh'));
  }, 180_000);

  it('a nomination carries a note and the money arrived; it can be withdrawn; another zone cannot touch it', async () => {
    const c = (await boss.call(campaignOperations.list, { query: { zoneId: hejin, year } })).body[0];
    const detail = (await boss.call(campaignOperations.get, { params: { id: c.id } })).body;
    const e = detail.entries.find((x) => x.nominated && !x.achieved)!;
    const noted = await boss.patch(`/api/campaign-entries/${e.id}`, { version: e.version, reason: '施工许可未办结', arrivedWan: 1200 });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    expect(noted.body).toMatchObject({ reason: '施工许可未办结', arrivedYuan: 12_000_000, achieved: false });
    expect((await boss.patch(`/api/campaign-entries/${e.id}`, { version: e.version, reason: 'stale' })).status).toBe(409);

    const officer = await ctx.login('projects');
    expect((await officer.post(`/api/campaigns/${c.id}/entries`, { batch: 'start', projectId: demoId('project:jinfen-anode') })).status).toBe(404);
    expect((await officer.post(`/api/campaigns/${c.id}/entries`, {})).status).toBe(404);
    expect((await officer.request('DELETE', `/api/campaign-entries/${e.id}`)).status).toBe(404);

    const n = await count('campaign_entries');
    expect((await boss.request('DELETE', `/api/campaign-entries/${e.id}`)).status).toBe(200);
    expect(await count('campaign_entries')).toBe(n - 1);
  }, 60_000);

  it('the demo campaign of 汾东 derives its lists from the seeded records', async () => {
    const leader = await ctx.login('leader');
    const list = (await leader.call(campaignOperations.list, { query: { zoneId: fendong, year } })).body;
    const demo = list.find((x) => x.quarter === quarter)!;
    const d = (await leader.call(campaignOperations.get, { params: { id: demo.id } })).body;
    expect(d.entries.filter((e) => e.nominated)).toHaveLength(6);
    // The seeded production list has no production dates: nothing typed can make it achieved.
    expect(d.rates.production).toMatchObject({ planned: 2, done: 0 });
    expect(d.entries.find((e) => e.batch === 'start' && e.name.includes('润康'))).toMatchObject({ status: 'not_started' });
    expect(fieldOf(await leader.post(`/api/campaigns/${demo.id}/entries`, { batch: 'production', name: '投产项目甲' }))).toMatchObject({ field: 'projectId' });
  }, 60_000);
});

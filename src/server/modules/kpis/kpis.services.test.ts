import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiOperations, type KpiDashboard } from '../../../contract/kpis.ts';
import { financeOperations } from '../../../contract/services/finance.ts';
import { fundingOperations } from '../../../contract/services/funding.ts';
import { hiringOperations } from '../../../contract/services/hiring.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');

let ctx: TestContext;
let leader: Client;
let hejinLeader: Client;
let province: Client;
let service: Client;

const dashboard = async (c: Client, zoneId?: string, headers?: Record<string, string>) => {
  const res = await c.call(kpiOperations.dashboard, { query: zoneId ? { zoneId } : {}, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as KpiDashboard;
};
const fundingOf = async (c: Client, zoneId?: string) => (await c.call(fundingOperations.summary, { query: zoneId ? { zoneId } : {} })).body;
const hiringOf = async (c: Client, zoneId?: string) => (await c.call(hiringOperations.summary, { query: zoneId ? { zoneId } : {} })).body;
const financeOf = async (c: Client, zoneId?: string) => (await c.call(financeOperations.summary, { query: zoneId ? { zoneId } : {} })).body;

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
  [leader, hejinLeader, province, service] = await Promise.all([ctx.login('leader'), ctx.login('hejin'), ctx.login('province'), ctx.login('service')]);
});
afterAll(() => ctx.close());

describe('驾驶舱: the 企业服务 lines come from their modules', () => {
  it('the leader of 汾东 reads the funding sentence, the 岗位 total and the quarter’s 银企对接 line of the demo', async () => {
    const d = await dashboard(leader, fendong);
    expect(d.services.funding).toEqual({ text: '储备 12 个，申报 5 个，对接 20 次，争取资金 9500 万元', reserve: 12, applied: 5, contacts: 20, grantedYuan: 95_000_000 });
    expect(d.services.hiring).toMatchObject({ positions: 520, enterprises: 7 });
    expect(d.services.hiring!.text).toMatch(/^岗位 520 个/);
    // The finance line is the finance summary's own (its quarters depend on today).
    const finance = await financeOf(leader, fendong);
    const latest = finance.quarters.at(-1)!;
    expect(d.services.finance).toEqual({ text: finance.text, quarter: latest.quarter, events: latest.events, referrals: latest.referrals, granted: latest.granted, grantedYuan: latest.grantedYuan });
    // In the caller's language, as the modules write it.
    const en = await dashboard(leader, fendong, { 'accept-language': 'en-US' });
    expect(en.services.funding!.text).toContain('Reserve 12, applied 5, contacts 20');
  });

  it('the figures are live: a new 对接记录 counts at once, no refresh needed', async () => {
    const before = (await dashboard(leader, fendong)).services.funding!;
    const res = await service.call(fundingOperations.createContact, {
      body: { zoneId: fendong, contactedOn: testToday, department: '省发展改革委', subject: '汇报节能降碳项目储备情况' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = (await dashboard(leader, fendong)).services.funding!;
    expect(after.contacts).toBe(before.contacts + 1);
    expect(after.text).toBe((await fundingOf(leader, fendong)).text);
  });

  it('a province viewer sees the sum over their zones, each zone as its own summary says', async () => {
    const d = await dashboard(province);
    expect(d.zones.length).toBeGreaterThan(1);
    const perZone = await Promise.all(d.zones.map(async (z) => ({ funding: await fundingOf(province, z.id), hiring: await hiringOf(province, z.id), finance: await financeOf(province, z.id) })));
    const sum = (f: (z: (typeof perZone)[number]) => number) => perZone.reduce((n, z) => n + f(z), 0);
    expect(d.services.funding).toMatchObject({
      reserve: sum((z) => z.funding.reserve),
      applied: sum((z) => z.funding.applied),
      contacts: sum((z) => z.funding.contacts),
      grantedYuan: sum((z) => z.funding.grantedYuan),
    });
    expect(d.services.funding!.text).toBe((await fundingOf(province)).text);
    expect(d.services.hiring!.positions).toBe(sum((z) => z.hiring.positions));
    expect(d.services.finance!.referrals).toBe(sum((z) => z.finance.quarters.at(-1)!.referrals));
    // 河津's records are in it: more than 汾东 alone.
    const fendongAlone = perZone[d.zones.findIndex((z) => z.id === fendong)]!;
    expect(d.services.funding!.reserve).toBeGreaterThan(fendongAlone.funding.reserve);
    // One zone of the province viewer's: that zone's figures only.
    expect((await dashboard(province, hejin)).services.funding!.text).toBe((await fundingOf(province, hejin)).text);
  });

  it('another zone’s leader sees only their own zone, and nothing of 汾东 when they ask for it', async () => {
    const own = await dashboard(hejinLeader);
    expect(own.services.funding!.text).toBe((await fundingOf(hejinLeader)).text);
    expect(own.services.funding!.reserve).toBe(1);
    const other = await dashboard(hejinLeader, fendong);
    expect(other.services.funding).toMatchObject({ reserve: 0, applied: 0, contacts: 0, grantedYuan: 0 });
    expect(other.services.hiring).toMatchObject({ positions: 0, posts: 0 });
    expect(other.services.finance).toMatchObject({ events: 0, referrals: 0, granted: 0 });
  });
});

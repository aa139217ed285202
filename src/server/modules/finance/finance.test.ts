import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financeOperations as op } from '../../../contract/services/finance.ts';
import { addDays } from '../../../contract/periods.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { previousQuarter, quarterEnd, quarterKey, quarterLabel, quarterOf, quarterStart } from './finance.service.ts';

const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const f = (kind: string, key: string) => demoId(`finance-${kind}:fendong:${key}`);
const W = 10_000;

describe('finance matchmaking (银企对接)', () => {
  let ctx: TestContext;
  let service: Client;
  let viewer: Client;
  let hejinLeader: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
    [service, viewer, hejinLeader] = await Promise.all([ctx.login('service'), ctx.login('viewer'), ctx.login('hejin')]);
  });
  afterAll(() => ctx.close());

  it('quarters are named and bounded the way a report names them', () => {
    expect(quarterOf('2026-11-18')).toEqual({ year: 2026, q: 4 });
    expect(quarterStart({ year: 2026, q: 2 })).toBe('2026-04-01');
    expect(quarterEnd({ year: 2026, q: 1 })).toBe('2026-03-31');
    expect(quarterEnd({ year: 2026, q: 4 })).toBe('2026-12-31');
    expect(previousQuarter({ year: 2026, q: 1 })).toEqual({ year: 2025, q: 4 });
    expect(quarterLabel({ year: 2026, q: 3 }, 'zh-CN')).toBe('2026年第三季度');
    expect(quarterLabel({ year: 2026, q: 3 }, 'en-US')).toBe('Q3 2026');
  });

  it('the demo quarterly summary of 汾东 is computed from the records, the last four quarters up to today', async () => {
    const res = await service.call(op.summary, { query: { zoneId: fendong } });
    expect(res.status).toBe(200);
    const now = quarterOf(testToday);
    const keys = [previousQuarter(previousQuarter(previousQuarter(now))), previousQuarter(previousQuarter(now)), previousQuarter(now), now].map(quarterKey);
    expect(res.body.quarters.map((q) => q.quarter)).toEqual(keys);
    expect(res.body.quarters.map((q) => [q.events, q.needs, q.needYuan / W, q.referrals, q.granted, q.grantedYuan / W, q.declined])).toEqual([
      [1, 2, 7000, 3, 1, 4000, 1],
      [1, 2, 3800, 3, 2, 4000, 1],
      [1, 2, 2100, 3, 2, 2000, 0],
      [1, 2, 1500, 1, 1, 600, 0],
    ]);
    expect(res.body.total).toEqual({ events: 4, needs: 8, needYuan: 144_000_000, referrals: 10, granted: 6, grantedYuan: 106_000_000, declined: 2 });
    expect(res.body.text).toBe(`${quarterLabel(now, 'zh-CN')}：对接会 1 场，融资需求 2 笔 1500 万元，推荐对接 1 次，放款 1 笔 600 万元`);
    expect(res.body.totalText).toBe('近四个季度：对接会 4 场，融资需求 8 笔 14400 万元，推荐对接 10 次，放款 6 笔 10600 万元');
    expect(res.body).toMatchObject({ pending: 2, openNeeds: 1 });
    expect(res.body.byInstitution.slice(0, 2)).toMatchObject([
      { name: '中国工商银行汾东支行', referrals: 3, granted: 3, grantedYuan: 52_000_000 },
      { name: '中国建设银行运城分行', referrals: 3, granted: 2, grantedYuan: 46_000_000 },
    ]);
    expect(res.body.byInstitution.reduce((n, b) => n + b.grantedYuan, 0)).toBe(106_000_000);

    const en = await service.call(op.summary, { query: { zoneId: fendong }, headers: { 'accept-language': 'en-US' } });
    expect(en.body.totalText).toContain('Last four quarters: 4 events, 8 needs');
    // A calendar year: its four quarters.
    const year = await service.call(op.summary, { query: { zoneId: fendong, year: now.year } });
    expect(year.body.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4].map((q) => `${now.year}Q${q}`));
    expect(year.body.totalText.startsWith(`${now.year}年：`)).toBe(true);
  });

  it('another zone sees only its own, and 汾东 records are 404 to 河津', async () => {
    const res = await hejinLeader.call(op.summary, { query: {} });
    expect(res.body.total).toMatchObject({ events: 1, needs: 1, referrals: 1, granted: 0 });
    const needs = await hejinLeader.call(op.listNeeds, { query: {} });
    expect(needs.body.map((n) => n.zoneId)).toEqual([hejin]);
    const need = (await service.call(op.listNeeds, { query: { zoneId: fendong } })).body[0];
    expect((await hejinLeader.call(op.updateNeed, { params: { id: need.id }, body: { version: need.version, note: 'x' } })).status).toBe(404);
    // A 河津 need cannot be referred by 汾东's officer: it is not in the caller's zones.
    const bad = await service.call(op.createReferral, { body: { needId: demoId('finance-need:hejin'), institutionId: f('institution', 'icbc') } });
    expect(bad.body.details.fields).toEqual([{ field: 'needId', reason: '融资需求不存在或不属于该开发区' }]);
    // Viewers read, never write.
    expect((await viewer.call(op.listReferrals, { query: { zoneId: fendong } })).status).toBe(200);
    expect((await viewer.call(op.createEvent, { body: { zoneId: fendong, name: '对接会', heldOn: testToday } })).status).toBe(403);
  });

  it('a need referred to an institution: the need follows its referrals; a loan above the need is refused, nothing written', async () => {
    const need = await service.call(op.createNeed, {
      body: { zoneId: fendong, enterpriseId: demoId('enterprise:crrc-rail'), amountWan: 800, purpose: '技改流动资金', termMonths: 12 },
    });
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    expect(need.body).toMatchObject({ status: 'open', raisedOn: testToday, amountYuan: 8_000_000, referralCount: 0, actions: ['update', 'refer'] });

    // The product must be the institution's; the event the zone's; the day not before the need.
    const wrong = await service.call(op.createReferral, {
      body: {
        needId: need.body.id,
        institutionId: f('institution', 'icbc'),
        productId: f('product', 'ccb-shanxin'),
        eventId: demoId('finance-event:hejin'),
        referredOn: addDays(testToday, -1),
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields).toEqual([
      { field: 'productId', reason: '金融产品不存在或不属于该金融机构' },
      { field: 'eventId', reason: '银企对接会不存在或不属于该开发区' },
      { field: 'referredOn', reason: '推荐日期不能早于需求登记日期' },
    ]);
    const ref = await service.call(op.createReferral, {
      body: { needId: need.body.id, institutionId: f('institution', 'icbc'), productId: f('product', 'icbc-kechuang'), eventId: f('event', 'q0') },
    });
    expect(ref.status, JSON.stringify(ref.body)).toBe(201);
    expect(ref.body).toMatchObject({ outcome: 'pending', referredOn: testToday, institutionName: '中国工商银行汾东支行', productName: '科创贷' });
    expect((await service.call(op.listNeeds, { query: { zoneId: fendong } })).body.find((n) => n.id === need.body.id)).toMatchObject({
      status: 'referred',
      referralCount: 1,
    });
    const twice = await service.call(op.createReferral, { body: { needId: need.body.id, institutionId: f('institution', 'icbc') } });
    expect(twice.body).toMatchObject({ code: 'DUPLICATE', details: { fields: [{ field: 'institutionId', reason: '该需求已推荐给此金融机构' }] } });

    // Granted above the need (800 万元): refused on the field, the referral and the need unchanged.
    const audits = await ctx.rowCount('audit_log');
    const above = await service.call(op.updateReferral, { params: { id: ref.body.id }, body: { version: ref.body.version, outcome: 'granted', grantedWan: 900 } });
    expect(above.status).toBe(400);
    expect(above.body.details.fields).toEqual([{ field: 'grantedWan', reason: '放款金额不能超过融资需求金额' }]);
    const noAmount = await service.call(op.updateReferral, { params: { id: ref.body.id }, body: { version: ref.body.version, outcome: 'granted' } });
    expect(noAmount.body.details.fields).toEqual([{ field: 'grantedWan', reason: '已放款须填写放款金额' }]);
    expect(await ctx.rowCount('audit_log')).toBe(audits);

    const before = (await service.call(op.summary, { query: { zoneId: fendong } })).body.quarters.at(-1)!;
    const granted = await service.call(op.updateReferral, { params: { id: ref.body.id }, body: { version: ref.body.version, outcome: 'granted', grantedWan: 800 } });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body).toMatchObject({ outcome: 'granted', grantedYuan: 8_000_000, grantedOn: testToday, version: ref.body.version + 1 });
    const after = (await service.call(op.summary, { query: { zoneId: fendong } })).body.quarters.at(-1)!;
    expect(after).toMatchObject({ needs: before.needs, referrals: before.referrals, granted: before.granted + 1, grantedYuan: before.grantedYuan + 8_000_000 });
    const needNow = (await service.call(op.listNeeds, { query: { zoneId: fendong } })).body.find((n) => n.id === need.body.id)!;
    expect(needNow).toMatchObject({ status: 'granted', grantedYuan: 8_000_000 });
    // The stale version is a conflict.
    const stale = await service.call(op.updateReferral, { params: { id: ref.body.id }, body: { version: ref.body.version, note: '旧版本' } });
    expect(stale.status).toBe(409);
    const actions = await ctx.database.query<{ action: string }>(
      `select action from audit_log where entity_id in ($1, $2) order by at, action`,
      [need.body.id, ref.body.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'finance.need.create',
      // The referral and the need it moves are written in one transaction (and dated alike).
      'finance.need.update',
      'finance.referral.create',
      'finance.need.update',
      'finance.referral.update',
    ]);

    // A closed need takes no referral; reopened, it is back to what its referrals make it.
    const closed = await service.call(op.updateNeed, { params: { id: need.body.id }, body: { version: needNow.version, closed: true } });
    expect(closed.body).toMatchObject({ status: 'closed', actions: ['update'] });
    const refused = await service.call(op.createReferral, { body: { needId: need.body.id, institutionId: f('institution', 'ccb') } });
    expect(refused.body.details.fields).toEqual([{ field: 'needId', reason: '该融资需求已关闭' }]);
    const reopened = await service.call(op.updateNeed, { params: { id: need.body.id }, body: { version: closed.body.version, closed: false } });
    expect(reopened.body.status).toBe('granted');
  });

  it('a declined referral carries no amount; a loan is not granted before the referral nor in the future', async () => {
    const id = f('referral', 'logistics-ccb');
    const [{ version }] = await ctx.database.query<{ version: number }>('select version from finance_referrals where id = $1', [id]);
    const bad = await service.call(op.updateReferral, { params: { id }, body: { version, outcome: 'declined', grantedWan: 100 } });
    expect(bad.body.details.fields).toEqual([{ field: 'grantedWan', reason: '只有已放款的对接才有放款金额和日期' }]);
    const future = await service.call(op.updateReferral, {
      params: { id },
      body: { version, outcome: 'granted', grantedWan: 500, grantedOn: addDays(testToday, 1) },
    });
    expect(future.body.details.fields).toEqual([{ field: 'grantedOn', reason: '实际日期不能晚于今天' }]);
    const declined = await service.call(op.updateReferral, { params: { id }, body: { version, outcome: 'declined', note: '抵押物不足' } });
    expect(declined.body).toMatchObject({ outcome: 'declined', grantedYuan: null, note: '抵押物不足' });
    // Its need (referred to this one institution only) stays 已推荐.
    const need = (await service.call(op.listNeeds, { query: { zoneId: fendong } })).body.find((n) => n.id === f('need', 'logistics'))!;
    expect(need.status).toBe('referred');
  });

  it('institutions are unique by name in a zone; a product belongs to an institution of the same zone; events count their referrals', async () => {
    const dup = await service.call(op.createInstitution, { body: { zoneId: fendong, name: '中国工商银行汾东支行', kind: 'bank' } });
    expect(dup.body).toMatchObject({ code: 'DUPLICATE', details: { fields: [{ field: 'name', reason: '该开发区已有同名金融机构' }] } });
    const inst = await service.call(op.createInstitution, { body: { zoneId: fendong, name: '晋商银行汾东支行', kind: 'bank', contact: '刘经理' } });
    expect(inst.status).toBe(201);
    const other = await service.call(op.createProduct, { body: { zoneId: fendong, institutionId: demoId('finance-institution:hejin'), name: '晋商贷' } });
    expect(other.body.details.fields).toEqual([{ field: 'institutionId', reason: '金融机构不存在或不属于该开发区' }]);
    const product = await service.call(op.createProduct, {
      body: { zoneId: fendong, institutionId: inst.body.id, name: '晋商贷', maxAmountWan: 2000, termMonths: 24, rate: 'LPR+40BP' },
    });
    expect(product.body).toMatchObject({ institutionName: '晋商银行汾东支行', maxAmountYuan: 20_000_000 });
    const institutions = await service.call(op.listInstitutions, { query: { zoneId: fendong } });
    expect(institutions.body.find((i) => i.id === inst.body.id)).toMatchObject({ productCount: 1, referralCount: 0 });
    expect(institutions.body.find((i) => i.id === f('institution', 'icbc'))).toMatchObject({ productCount: 1, grantedCount: 4 }); // three of the seed, one granted above

    const events = await service.call(op.listEvents, { query: { zoneId: fendong } });
    const q3 = events.body.find((v) => v.id === f('event', 'q3'))!;
    expect(q3).toMatchObject({ referralCount: 3, enterpriseCount: 2, institutionCount: 3, grantedYuan: 55_000_000 });
    const renamed = await service.call(op.updateEvent, { params: { id: q3.id }, body: { version: q3.version, place: '汾东经开区企业服务中心' } });
    expect(renamed.body).toMatchObject({ place: '汾东经开区企业服务中心', version: q3.version + 1 });
  });

  it('exports the ledger: the quarterly summary, needs, referrals, events and institutions, the summary line on each sheet', async () => {
    const file = await ctx.app.inject({ method: 'GET', url: `/api/finance/export.xlsx?zoneId=${fendong}`, headers: { cookie: service.cookie! } });
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('银企对接台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['季度汇总', '融资需求', '推荐对接', '银企对接会', '金融机构及产品']);
    const summary = wb.getWorksheet('季度汇总')!;
    expect(String(summary.getCell(2, 1).value)).toContain('对接会');
    expect(summary.getRow(4).values).toContain(quarterLabel(previousQuarter(previousQuarter(previousQuarter(quarterOf(testToday)))), 'zh-CN'));
    expect(summary.getCell(8, 1).value).toBe('合计');
    expect(wb.getWorksheet('银企对接会')!.rowCount).toBeGreaterThanOrEqual(3 + 4);
    const products = wb.getWorksheet('金融机构及产品')!;
    expect(products.getCell(4, 4).value).toBeTruthy();
  });
});

/** Count once, by construction (issue 10 item 1): the duplicate-lead check and the merge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { leadOperations as op } from '../../../contract/leads.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { testDaysAgo, testToday } from '../../../../test/clock.ts';
import { buildEnterprise } from '../enterprises/enterprises.factories.ts';
import { advanceLead, buildLead } from './leads.factories.ts';
import { normalizeProjectName, projectNamesSimilar } from './project-name.ts';

let ctx: TestContext;
let officer: Client;
const fendong = demoId('zone:fendong');

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

const snapshot = async () => ({
  leads: await ctx.rowCount('leads'),
  agreements: await ctx.rowCount('agreements'),
  events: await ctx.rowCount('lead_events'),
  activities: await ctx.rowCount('activities'),
  files: await ctx.rowCount('lead_files'),
  partners: await ctx.rowCount('lead_partners'),
  audit: await ctx.rowCount('audit_log'),
});

const signedIn = async (from: string, to: string) =>
  (await officer.call(op.signedReport, { query: { from, to } })).body as { signedThisPeriodYuan: number; grossAgreementsYuan: number; firstSignings: number };

describe('project names', () => {
  it('compares without width, spaces, punctuation and 项目/工程; flags near names, not different ones', () => {
    expect(normalizeProjectName('年产 5000 吨锂电池（一期）项目')).toBe('年产5000吨锂电池一期');
    expect(projectNamesSimilar('年产5000吨锂电池项目', '年产５０００吨 锂电池')).toBe(true);
    expect(projectNamesSimilar('年产5000吨锂电池项目', '年产5000吨锂电池二期项目')).toBe(true);
    expect(projectNamesSimilar('铭诚微电子芯片封装项目', '铭诚微电子研发中心项目')).toBe(false);
    expect(projectNamesSimilar('项目', '工程')).toBe(false);
  });
});

describe('the duplicate-lead check', () => {
  it('refuses a second lead of the same investor and project, naming the existing one, writing nothing', async () => {
    const firm = await buildEnterprise(officer, { name: '山西华芯半导体有限公司' });
    const first = await buildLead(officer, { name: '华芯功率器件封测项目', enterpriseId: firm.id });
    const before = await snapshot();
    const again = await officer.call(op.create, { body: { name: '华芯功率器件封测 项目', method: 'chain', enterpriseId: firm.id } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');
    expect(again.body.details.fields).toEqual([{ field: 'name', reason: expect.stringContaining('疑似重复线索') }]);
    expect(again.body.details.duplicates).toEqual([expect.objectContaining({ id: first.id, code: first.code, match: 'same_enterprise', signedYuan: 0 })]);
    expect(await snapshot()).toEqual(before);
    const en = await officer.call(op.create, {
      body: { name: '华芯功率器件封测项目', method: 'chain', enterpriseId: firm.id },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.body.details.fields[0].reason).toMatch(/possible duplicate/);
    // The form asks before saving: the same answer as a warning.
    const warn = await officer.call(op.duplicates, { query: { name: '华芯功率器件封测', enterpriseId: firm.id } });
    expect(warn.body.map((d) => d.id)).toEqual([first.id]);
    // Another project of the same investor, or the same name by another investor, is not a duplicate.
    await buildLead(officer, { name: '华芯研发中心', enterpriseId: firm.id });
    const other = await buildEnterprise(officer, { name: '江苏恒瑞封测有限公司' });
    await buildLead(officer, { name: '华芯功率器件封测项目', enterpriseId: other.id });
  });

  it("finds the same firm's lead behind more than 200 older leads of a similar name", async () => {
    const firm = await buildEnterprise(officer, { name: '山西晋北储能科技有限公司' });
    const other = await buildEnterprise(officer, { name: '河北冀南储能设备有限公司' });
    // Older leads of another investor whose names hold the project's name: candidates, never hits.
    await ctx.database.query(
      `insert into leads (zone_id, code, name, method, enterprise_id, created_at)
         select $1, 'DUPCAP-' || g, '储能电站集成项目配套' || g, 'chain', $2, now() - interval '1 day' * (300 - g) from generate_series(1, 250) g`,
      [fendong, other.id],
    );
    const first = await buildLead(officer, { name: '储能电站集成项目', enterpriseId: firm.id });
    const again = await officer.call(op.create, { body: { name: '储能电站集成项目', method: 'chain', enterpriseId: firm.id } });
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.details.duplicates).toEqual([expect.objectContaining({ id: first.id, match: 'same_enterprise' })]);
  });

  it('catches an investor under its short name (铭诚微电子 = 巴中市铭诚微电子科技有限公司) and a lead without an investor', async () => {
    const full = await buildEnterprise(officer, { name: '巴中市铭诚微电子科技有限公司' });
    const short = await buildEnterprise(officer, { name: '铭诚微电子', allowSimilarName: true });
    const first = await buildLead(officer, { name: '铭诚微电子年产2亿颗芯片项目', enterpriseId: full.id });
    const res = await officer.call(op.create, { body: { name: '铭诚微电子年产2亿颗芯片', method: 'chain', enterpriseId: short.id } });
    expect(res.status).toBe(409);
    expect(res.body.details.duplicates).toEqual([
      expect.objectContaining({ id: first.id, match: 'similar_enterprise', enterpriseName: '巴中市铭诚微电子科技有限公司' }),
    ]);
    const noInvestor = await officer.call(op.create, { body: { name: '铭诚微电子年产2亿颗芯片项目', method: 'chain' } });
    expect(noInvestor.body.details.duplicates).toEqual([expect.objectContaining({ id: first.id, match: 'same_name' })]);
  });

  it('an override needs a reason, kept in the lead history and the audit', async () => {
    const firm = await buildEnterprise(officer, { name: '运城市德源新材料有限公司' });
    const first = await buildLead(officer, { name: '德源碳纤维项目', enterpriseId: firm.id });
    const body = { name: '德源碳纤维项目', method: 'chain', enterpriseId: firm.id, allowDuplicate: true };
    const noReason = await officer.call(op.create, { body });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields).toEqual([{ field: 'duplicateReason', reason: '确认不是重复线索时请说明原因' }]);
    const ok = await officer.call(op.create, { body: { ...body, duplicateReason: '二期另行签约，独立核算' } });
    expect(ok.status).toBe(201);
    const timeline = (await officer.call(op.timeline, { params: { id: ok.body.id } })).body;
    expect(timeline.find((e) => e.kind === 'created')?.note).toBe(`确认非重复线索（${first.code}）：二期另行签约，独立核算`);
    const [audit] = await ctx.database.query<{ after: { notDuplicateOf: string[] } }>(
      `select after from audit_log where action = 'lead.create' and entity_id = $1`,
      [ok.body.id],
    );
    expect(audit.after.notDuplicateOf).toEqual([first.id]);
  });

  it('an edit that renames a lead into a duplicate is refused; other edits are not checked', async () => {
    const firm = await buildEnterprise(officer, { name: '河东智能装备有限公司' });
    const a = await buildLead(officer, { name: '智能焊接机器人项目', enterpriseId: firm.id });
    const b = await buildLead(officer, { name: '激光切割设备项目', enterpriseId: firm.id });
    const rename = await officer.call(op.update, { params: { id: b.id }, body: { version: b.version, name: '智能焊接机器人 项目' } });
    expect(rename.status).toBe(409);
    expect(rename.body.details.duplicates.map((d: { id: string }) => d.id)).toEqual([a.id]);
    const note = await officer.call(op.update, { params: { id: a.id }, body: { version: a.version, nextStep: '下周回访' } });
    expect(note.status).toBe(200);
  });
});

// Many calls per case on a shared, loaded machine: room beyond the default 30 s.
describe('merging a duplicate lead', { timeout: 180_000 }, () => {
  it('moves agreements, activities, files, team and history; the quarter counts 1.4亿 once', async () => {
    const firm = await buildEnterprise(officer, { name: '临汾宏达储能科技有限公司' });
    const kept = await buildLead(officer, { name: '宏达4GWh储能电池项目', enterpriseId: firm.id, partners: [{ kind: 'agent', name: '晋商招商中介' }] });
    const dup = await buildLead(officer, {
      name: '宏达4GWh储能电池',
      enterpriseId: firm.id,
      allowDuplicate: true,
      duplicateReason: '台账导入的旧记录',
      sector: '新能源',
      partners: [
        { kind: 'agent', name: '晋商招商中介' },
        { kind: 'chain_leader', name: '宁德某链主' },
      ],
    });
    await advanceLead(ctx, officer, kept.id, 'signed', { investment: { signedOn: testDaysAgo(20), amountWan: 14000 } });
    await advanceLead(ctx, officer, dup.id, 'signed', { investment: { signedOn: testDaysAgo(10), amountWan: 14000, signingEventName: '季度集中签约' } });
    await officer.call(op.addActivity, { params: { id: dup.id }, body: { kind: 'visit', occurredOn: testDaysAgo(12), outcome: '走访' } });
    const from = testDaysAgo(30);
    const doubled = await signedIn(from, testToday);
    const baseline = doubled.signedThisPeriodYuan - 2 * 140_000_000;
    expect(doubled.firstSignings).toBeGreaterThanOrEqual(2);

    const keptNow = (await officer.call(op.get, { params: { id: kept.id } })).body;
    const dupNow = (await officer.call(op.get, { params: { id: dup.id } })).body;
    const dupAgreements = dupNow.agreements.map((a) => a.id);
    const before = await snapshot();
    const refused = await officer.call(op.merge, {
      params: { id: kept.id },
      body: { duplicateId: dup.id, version: keptNow.version, duplicateVersion: dupNow.version },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields).toEqual([{ field: 'confirmReSigning', reason: expect.stringContaining('两条线索各有一份首次签约的投资协议') }]);
    expect(refused.body.details.firstSignings).toHaveLength(2);
    expect(await snapshot()).toEqual(before);
    const stale = await officer.call(op.merge, {
      params: { id: kept.id },
      body: { duplicateId: dup.id, version: keptNow.version, duplicateVersion: dupNow.version - 1, confirmReSigning: true },
    });
    expect(stale.status).toBe(409);

    const merged = await officer.call(op.merge, {
      params: { id: kept.id },
      body: { duplicateId: dup.id, version: keptNow.version, duplicateVersion: dupNow.version, confirmReSigning: true },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const lead = merged.body.lead;
    expect(lead.agreements.map((a) => a.id)).toEqual(expect.arrayContaining(dupAgreements));
    expect(lead.agreements.filter((a) => a.countedAs === 'first_signing')).toHaveLength(1);
    expect(lead.agreements.find((a) => a.signedOn === testDaysAgo(10) && a.kind === 'investment')?.countedAs).toBe('re_signing');
    expect(lead.signedYuan).toBe(140_000_000);
    expect(lead.sector).toBe('新能源');
    expect(lead.partners.map((p) => p.name).sort()).toEqual(['宁德某链主', '晋商招商中介']);
    expect(lead.files.length).toBe(keptNow.files.length + dupNow.files.length);
    expect(merged.body.moved['agreements.lead_id']).toBe(dupAgreements.length);
    expect(merged.body.moved['activities.lead_id']).toBe(1);

    const once = await signedIn(from, testToday);
    expect(once.signedThisPeriodYuan - baseline).toBe(140_000_000);
    expect(once.grossAgreementsYuan).toBe(doubled.grossAgreementsYuan);
    expect((await officer.call(op.get, { params: { id: dup.id } })).status).toBe(404);

    const timeline = (await officer.call(op.timeline, { params: { id: kept.id } })).body;
    const mergedEvent = timeline.find((e) => e.kind === 'merged');
    expect(mergedEvent).toMatchObject({ fromValue: dup.code, toValue: kept.code });
    expect(mergedEvent?.note).toContain('宏达4GWh储能电池');
    // The duplicate's own history came with it: its creation note, its stage moves, its visit.
    expect(timeline.some((e) => e.kind === 'created' && e.note?.includes('台账导入的旧记录'))).toBe(true);
    expect(timeline.some((e) => e.kind === 'activity' && e.note === '走访')).toBe(true);
    const audits = await ctx.database.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_log where action in ('lead.merge', 'lead.merged_into') and entity_id in ($1, $2) order by action`,
      [kept.id, dup.id],
    );
    expect(audits).toEqual([
      { action: 'lead.merge', entity_id: kept.id },
      { action: 'lead.merged_into', entity_id: dup.id },
    ]);
  });

  it('keeps the further stage, and refuses a merge that would double count a project', async () => {
    const firm = await buildEnterprise(officer, { name: '襄汾县恒泰机械有限公司' });
    const early = await buildLead(officer, { name: '恒泰液压件项目', enterpriseId: firm.id });
    const late = await buildLead(officer, { name: '恒泰液压件项目', enterpriseId: firm.id, allowDuplicate: true, duplicateReason: '测试' });
    const lateSigned = await advanceLead(ctx, officer, late.id, 'signed', { investment: { signedOn: testDaysAgo(3), amountWan: 5000 } });
    // Converted: the duplicate is a project, so merge the other way.
    const converted = await officer.call(op.convert, { params: { id: late.id }, body: { version: lateSigned.version } });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const earlyNow = (await officer.call(op.get, { params: { id: early.id } })).body;
    const lateNow = (await officer.call(op.get, { params: { id: late.id } })).body;
    const wrongWay = await officer.call(op.merge, {
      params: { id: early.id },
      body: { duplicateId: late.id, version: earlyNow.version, duplicateVersion: lateNow.version },
    });
    expect(wrongWay.body.details.fields).toEqual([{ field: 'duplicateId', reason: expect.stringContaining('请反向操作') }]);
    const rightWay = await officer.call(op.merge, {
      params: { id: late.id },
      body: { duplicateId: early.id, version: lateNow.version, duplicateVersion: earlyNow.version },
    });
    expect(rightWay.status, JSON.stringify(rightWay.body)).toBe(200);
    expect(rightWay.body.lead).toMatchObject({ stage: 'signed', projectId: converted.body.projectId, signedYuan: 50_000_000 });

    // Both already projects: one project would count twice.
    const a = await buildLead(officer, { name: '恒泰铸造项目', enterpriseId: firm.id });
    const b = await buildLead(officer, { name: '恒泰铸造项目', enterpriseId: firm.id, allowDuplicate: true, duplicateReason: '测试' });
    for (const l of [a, b]) {
      const signed = await advanceLead(ctx, officer, l.id, 'signed', { investment: { signedOn: testDaysAgo(2), amountWan: 3000 } });
      expect((await officer.call(op.convert, { params: { id: l.id }, body: { version: signed.version } })).status).toBe(200);
    }
    const [an, bn] = await Promise.all([a, b].map(async (l) => (await officer.call(op.get, { params: { id: l.id } })).body));
    const before = await snapshot();
    const both = await officer.call(op.merge, {
      params: { id: a.id },
      body: { duplicateId: b.id, version: an.version, duplicateVersion: bn.version, confirmReSigning: true },
    });
    expect(both.status).toBe(400);
    expect(both.body.details.fields).toEqual([{ field: 'duplicateId', reason: expect.stringContaining('两条线索都已转为项目') }]);
    expect(await snapshot()).toEqual(before);
    const self = await officer.call(op.merge, { params: { id: a.id }, body: { duplicateId: a.id, version: an.version, duplicateVersion: an.version } });
    expect(self.body.details.fields[0].field).toBe('duplicateId');
  });

  it('another zone’s lead cannot be merged, either way', async () => {
    const hejinLead = demoId('lead:zhonglv-foil');
    const mine = await buildLead(officer, { name: '跨区合并测试' });
    const other = await officer.call(op.merge, { params: { id: mine.id }, body: { duplicateId: hejinLead, version: mine.version, duplicateVersion: 1 } });
    expect(other.status).toBe(400);
    expect(other.body.details.fields).toEqual([{ field: 'duplicateId', reason: expect.stringContaining('不存在') }]);
    const into = await officer.call(op.merge, { params: { id: hejinLead }, body: { duplicateId: mine.id, version: 1, duplicateVersion: mine.version } });
    expect(into.status).toBe(404);
    expect(await ctx.rowCount('leads', `where id = '${mine.id}' and zone_id = '${fendong}'`)).toBe(1);
  });
});

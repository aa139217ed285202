import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { pipelineCreditCode } from './leads.seed.ts';
import { testDaysAgo, testToday } from '../../../../test/clock.ts';
import { advanceLead, buildLead, uploadLeadFile } from './leads.factories.ts';

let ctx: TestContext;
let officer: Client;
const fendong = demoId('zone:fendong');
const today = testToday;
const daysAgo = testDaysAgo;

const count = (table: string) => ctx.rowCount(table);
/** Rows of every table a failed request could have touched, to prove nothing was written. */
const snapshot = async () => ({
  leads: await count('leads'),
  agreements: await count('agreements'),
  events: await count('lead_events'),
  activities: await count('activities'),
  enterprises: await count('enterprises'),
  trips: await count('trips'),
  audit: await count('audit_log'),
});

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

const newLead = (overrides: Parameters<typeof buildLead>[1] = {}) => buildLead(officer, overrides);

describe('leads', () => {
  it('creates a lead with a generated ledger number, the creator as owner, money in 万元', async () => {
    const lead = await newLead({ name: '高端轴承项目', plannedInvestmentWan: '12345.6789', likelihood: 40, partners: [{ kind: 'agent', name: '某招商中介' }] });
    expect(lead).toMatchObject({ zoneId: fendong, stage: 'prospect', status: 'active', plannedInvestmentYuan: 123_456_789, ownerName: '李婷', version: 1 });
    expect(lead.code).toMatch(/^FDETDZ-\d{4}-\d{3}$/);
    expect(lead.actions).toEqual(expect.arrayContaining(['update', 'changeStage', 'addAgreement']));
    const detail = await officer.get(`/api/leads/${lead.id}`);
    expect(detail.body.partners).toEqual([expect.objectContaining({ kind: 'agent', name: '某招商中介' })]);
  });

  it('lists with filters, sort and pagination, only in the caller zones', async () => {
    const page = await officer.get('/api/leads?stage=signed,registered&sort=plannedInvestment&order=desc&pageSize=2');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].plannedInvestmentYuan).toBeGreaterThanOrEqual(page.body.items[1].plannedInvestmentYuan);
    const overdue = await officer.get('/api/leads?overdue=true');
    expect(overdue.body.items.length).toBeGreaterThan(0);
    expect(overdue.body.items.every((l: { overdue: boolean }) => l.overdue)).toBe(true);
    const lost = await officer.get('/api/leads?status=lost');
    expect(lost.body.items[0]).toMatchObject({ status: 'lost', lostToRegion: '江苏省苏州市' });
    const q = await officer.get(`/api/leads?q=${encodeURIComponent('星河')}`);
    expect(q.body.items.map((l: { name: string }) => l.name)).toEqual(['车规级芯片封装测试项目']);
    const other = await officer.get(`/api/leads?zoneId=${demoId('zone:hejin')}`);
    expect(other.body.total).toBe(0);
    expect((await officer.get('/api/leads?stage=nonsense')).status).toBe(400);
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, number][] = [
      [{ name: '', method: 'chain' }, 'name', 400],
      [{ name: 'x', method: 'magic' }, 'method', 400],
      [{ name: 'x', method: 'chain', ownerId: demoId('user:hejin') }, 'ownerId', 400],
      [{ name: 'x', method: 'chain', ownerId: demoId('user:nobody') }, 'ownerId', 400],
      [{ name: 'x', method: 'chain', enterpriseId: demoId('enterprise:none') }, 'enterpriseId', 400],
      [{ name: 'x', method: 'chain', zoneId: demoId('zone:hejin') }, 'zoneId', 400],
      [{ name: 'x', method: 'chain', code: 'FDETDZ-2020-999', likelihood: 101 }, 'likelihood', 400],
      [{ name: 'x', method: 'chain', plannedInvestmentWan: '-5' }, 'plannedInvestmentWan', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await officer.post('/api/leads', body);
      expect({ field, status: res.status }).toEqual({ field, status });
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const code = (await newLead()).code;
    const dup = await officer.post('/api/leads', { name: 'x', method: 'chain', code });
    expect(dup.status).toBe(409);
    expect(dup.body.details.fields[0].field).toBe('code');
    const after = await snapshot();
    expect(after.leads).toBe(before.leads + 1);
  });

  it("answers 404 for another zone's lead, and viewers cannot edit", async () => {
    const hejinLead = demoId('lead:zhonglv-foil');
    expect((await officer.get(`/api/leads/${hejinLead}`)).status).toBe(404);
    expect((await officer.patch(`/api/leads/${hejinLead}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await officer.post(`/api/leads/${hejinLead}/stage`, { version: 1, stage: 'signed' })).status).toBe(404);
    const viewer = await ctx.login('viewer');
    const lead = demoId('lead:huayi-pack');
    expect((await viewer.get(`/api/leads/${lead}`)).body.actions).toEqual(['history']);
    expect((await viewer.patch(`/api/leads/${lead}`, { version: 1, name: 'x' })).status).toBe(403);
  });

  it('keeps owner changes as history and refuses a stale version', async () => {
    const lead = await newLead();
    const changed = await officer.patch(`/api/leads/${lead.id}`, {
      version: 1,
      ownerId: demoId('user:deputy'),
      nextStep: '约见董事长',
      nextStepOn: daysAgo(-3),
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ ownerName: '刘卫东', version: 2 });
    expect((await officer.patch(`/api/leads/${lead.id}`, { version: 1, name: '过期' })).status).toBe(409);
    const timeline = (await officer.get(`/api/leads/${lead.id}/timeline`)).body;
    const owners = timeline.filter((e: { kind: string }) => e.kind === 'owner');
    expect(owners.map((e: { toValue: string }) => e.toValue)).toEqual([demoId('user:deputy'), demoId('user:officer')]);
  });

  it('logs activities, moving the last follow-up and the next step', async () => {
    const lead = await newLead();
    const res = await officer.post(`/api/leads/${lead.id}/activities`, {
      kind: 'visit',
      occurredOn: today,
      people: '李婷',
      outcome: '上门拜访',
      nextStep: '发送政策清单',
      nextStepOn: daysAgo(-7),
    });
    expect(res.status).toBe(201);
    const after = (await officer.get(`/api/leads/${lead.id}`)).body;
    expect(after).toMatchObject({ lastFollowUpOn: today, nextStep: '发送政策清单', nextStepOn: daysAgo(-7) });
    expect((await officer.post(`/api/leads/${lead.id}/activities`, { kind: 'visit', occurredOn: daysAgo(-2) })).body.details.fields[0].field).toBe(
      'occurredOn',
    );
  });
});

describe('stages and gates', () => {
  it('refuses a jump over a gate, and a gate without its agreement, writing nothing', async () => {
    const lead = await newLead();
    const before = await snapshot();
    const jump = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'signed', version: 1 });
    expect(jump.status).toBe(400);
    expect(jump.body.details.fields).toEqual([{ field: 'stage', reason: '进入“框架协议”阶段需先录入框架协议（签署日期、金额、文件）' }]);
    const noFile = await officer.post(`/api/leads/${lead.id}/stage`, {
      stage: 'framework',
      version: 1,
      agreement: { kind: 'framework', signedOn: today, amountWan: 100 },
    });
    expect(noFile.body.details.fields[0].field).toBe('agreement.fileId');
    const noAmount = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'framework', version: 1, agreement: { kind: 'framework', signedOn: today } });
    expect(noAmount.body.details.fields[0].field).toBe('agreement.amountWan');
    const future = await officer.post(`/api/leads/${lead.id}/agreements`, { kind: 'framework', signedOn: daysAgo(-1), amountWan: 100 });
    expect(future.body.details.fields[0]).toEqual({ field: 'signedOn', reason: '签署日期不能晚于今天' });
    const zero = await officer.post(`/api/leads/${lead.id}/agreements`, { kind: 'supplementary', signedOn: today, amountWan: 0 });
    expect(zero.body.details.fields[0].field).toBe('amountWan');
    expect(await snapshot()).toEqual(before);
  });

  it('walks a lead through the gates with agreements and files, each change in the timeline', async () => {
    const lead = await newLead({ name: '闸门测试项目' });
    let version = 1;
    for (const stage of ['contact', 'intent']) {
      const res = await officer.post(`/api/leads/${lead.id}/stage`, { stage, version });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    const file = await uploadLeadFile(ctx, officer, lead.id);
    expect(file.status).toBe(201);
    const framework = await officer.post(`/api/leads/${lead.id}/stage`, {
      stage: 'framework',
      version,
      agreement: { kind: 'framework', signedOn: today, amountWan: '8000', fileId: file.body.id },
    });
    expect(framework.status, JSON.stringify(framework.body)).toBe(200);
    expect(framework.body).toMatchObject({ stage: 'framework', signedYuan: 0 });
    const notSigned = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'registered', version: framework.body.version });
    expect(notSigned.body.details.fields[0].reason).toContain('投资协议');
    const signed = await officer.post(`/api/leads/${lead.id}/stage`, {
      stage: 'signed',
      version: framework.body.version,
      agreement: { kind: 'investment', signedOn: today, amountWan: '8000', fileId: file.body.id, signingEventName: '测试签约仪式' },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.signedYuan).toBe(80_000_000);
    const back = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'framework', version: signed.body.version, reason: '协议需重新谈判' });
    expect(back.status).toBe(200);
    const timeline = (await officer.get(`/api/leads/${lead.id}/timeline`)).body as { kind: string; toValue: string | null; note: string | null }[];
    expect(timeline.filter((e) => e.kind === 'stage').map((e) => e.toValue)).toEqual(['framework', 'signed', 'framework', 'intent', 'contact']);
    expect(timeline.find((e) => e.kind === 'stage')?.note).toBe('协议需重新谈判');
    expect(timeline.filter((e) => e.kind === 'agreement')).toHaveLength(2);
    expect(timeline.filter((e) => e.kind === 'file')).toHaveLength(1);
    const audit = await ctx.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [lead.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['lead.create', 'lead.stage', 'agreement.create', 'file.create']));
  });

  it('records each agreement kind only at its stage: nothing at 线索, framework from 意向, investment at 正式签约', async () => {
    const lead = await newLead({ name: '协议阶段规则测试项目' });
    const file = (await uploadLeadFile(ctx, officer, lead.id)).body as { id: string };
    const agreement = (kind: string) => ({ kind, signedOn: today, amountWan: 14000, fileId: file.id });
    const before = await snapshot();
    const atProspect = await officer.post(`/api/leads/${lead.id}/agreements`, agreement('investment'));
    expect(atProspect.status).toBe(400);
    expect(atProspect.body.details.fields).toEqual([{ field: 'kind', reason: '线索阶段不能录入协议，请先推进到“接洽”或“意向”' }]);
    const english = await officer.request('POST', `/api/leads/${lead.id}/agreements`, agreement('framework'), { 'accept-language': 'en-US' });
    expect(english.body.details.fields[0].reason).toBe('no agreement on a lead still at the prospect stage; move it on first');
    expect(await snapshot()).toEqual(before);

    const contact = await advanceLead(ctx, officer, lead.id, 'contact');
    const frameworkEarly = await officer.post(`/api/leads/${lead.id}/agreements`, agreement('framework'));
    expect(frameworkEarly.body.details.fields).toEqual([{ field: 'kind', reason: '框架协议须在“意向”阶段及之后录入' }]);
    const intent = await advanceLead(ctx, officer, lead.id, 'intent');
    expect(intent.version).toBeGreaterThan(contact.version);
    const investmentEarly = await officer.post(`/api/leads/${lead.id}/agreements`, agreement('investment'));
    expect(investmentEarly.body.details.fields).toEqual([{ field: 'kind', reason: '投资协议仅可在“正式签约”阶段录入，或在推进到“正式签约”时一并录入' }]);
    const increaseEarly = await officer.post(`/api/leads/${lead.id}/agreements`, agreement('capital_increase'));
    expect(increaseEarly.body.details.fields[0]).toEqual({ field: 'kind', reason: '增资协议须在“正式签约”阶段及之后录入' });
    // Moving to 框架协议 with an investment agreement: the kind is refused for that stage, nothing written.
    const wrongKind = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'framework', version: intent.version, agreement: agreement('investment') });
    expect(wrongKind.body.details.fields).toEqual([{ field: 'agreement.kind', reason: '投资协议仅可在“正式签约”阶段录入，或在推进到“正式签约”时一并录入' }]);
    const beforeIntent = await snapshot();
    expect(beforeIntent.agreements).toBe(before.agreements);
    const framework = await officer.post(`/api/leads/${lead.id}/agreements`, agreement('framework'));
    expect(framework.status, JSON.stringify(framework.body)).toBe(201);
    const signed = await advanceLead(ctx, officer, lead.id, 'signed');
    expect(signed.agreements.map((a: { kind: string }) => a.kind).sort()).toEqual(['framework', 'investment']);
    const atSigned = await officer.post(`/api/leads/${lead.id}/agreements`, agreement('capital_increase'));
    expect(atSigned.status, JSON.stringify(atSigned.body)).toBe(201);
  });

  it('moving a lead back a stage needs a reason, kept in its stage history', async () => {
    const lead = await newLead({ name: '退回阶段测试项目' });
    const framework = await advanceLead(ctx, officer, lead.id, 'framework');
    const before = await snapshot();
    const noReason = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'prospect', version: framework.version, note: '回到线索' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields).toEqual([{ field: 'reason', reason: '退回前一阶段需填写原因' }]);
    const blank = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'intent', version: framework.version, reason: '   ' });
    expect(blank.body.details.fields[0].field).toBe('reason');
    expect(await snapshot()).toEqual(before);
    const back = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'intent', version: framework.version, reason: '企业董事会未通过，框架协议搁置' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.stage).toBe('intent');
    const timeline = (await officer.get(`/api/leads/${lead.id}/timeline`)).body as { kind: string; fromValue: string; toValue: string; note: string | null }[];
    expect(timeline.find((e) => e.kind === 'stage')).toMatchObject({ fromValue: 'framework', toValue: 'intent', note: '企业董事会未通过，框架协议搁置' });
    // Forward again needs no reason (the framework agreement is still on the lead).
    const forward = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'framework', version: back.body.version });
    expect(forward.status).toBe(200);
  });

  it('attaches a file as multipart and downloads it with its name; an upload without a file is refused', async () => {
    const lead = await newLead();
    const file = await uploadLeadFile(ctx, officer, lead.id, { fileName: 'contract.pdf', content: Buffer.from('%PDF-1.4 bytes') });
    expect(file.status, JSON.stringify(file.body)).toBe(201);
    expect(file.body).toMatchObject({ leadId: lead.id, name: 'contract.pdf', mimeType: 'application/pdf', sizeBytes: 14 });
    const download = await officer.get(`/api/lead-files/${file.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toContain('contract.pdf');
    expect(download.body).toBe('%PDF-1.4 bytes');
    const empty = await uploadLeadFile(ctx, officer, lead.id, { content: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(empty.body.details.fields[0].field).toBe('file');
  });

  it('status is separate: 流失 needs reason and region, 终止 a reason; a closed lead cannot move', async () => {
    const lead = await newLead();
    const noReason = await officer.post(`/api/leads/${lead.id}/status`, { status: 'lost', version: 1 });
    expect(noReason.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lostToRegion', 'reason']);
    const noRegion = await officer.post(`/api/leads/${lead.id}/status`, { status: 'lost', version: 1, reason: '政策差距' });
    expect(noRegion.body.details.fields).toEqual([{ field: 'lostToRegion', reason: '流失需填写流向地区' }]);
    expect((await officer.post(`/api/leads/${lead.id}/status`, { status: 'terminated', version: 1 })).body.details.fields[0].field).toBe('reason');
    const lost = await officer.post(`/api/leads/${lead.id}/status`, {
      status: 'lost',
      version: 1,
      reason: '政策差距',
      lostToRegion: '陕西省西安市',
      lostToRegionCode: '610100',
    });
    expect(lost.body).toMatchObject({ status: 'lost', statusReason: '政策差距', lostToRegion: '陕西省西安市' });
    expect(lost.body.actions).not.toContain('changeStage');
    const move = await officer.post(`/api/leads/${lead.id}/stage`, { stage: 'contact', version: lost.body.version });
    expect(move.body.details.fields[0]).toEqual({ field: 'stage', reason: '线索已流失或终止，请先恢复状态' });
    const restored = await officer.post(`/api/leads/${lead.id}/status`, { status: 'active', version: lost.body.version });
    expect(restored.body).toMatchObject({ status: 'active', statusReason: null, lostToRegion: null });
  });

  it('funnel counts by stage and status', async () => {
    const funnel = (await officer.get('/api/leads/funnel')).body;
    const signed = funnel.stages.find((s: { stage: string }) => s.stage === 'signed');
    expect(signed.total).toBeGreaterThanOrEqual(2);
    expect(funnel.stages.map((s: { stage: string }) => s.stage)).toEqual(['prospect', 'contact', 'intent', 'framework', 'signed', 'registered']);
    expect(funnel.total).toBe(funnel.stages.reduce((n: number, s: { total: number }) => n + s.total, 0));
  });
});

describe('trips', () => {
  it('logs a trip that met three enterprises; its results are counted from the meetings', async () => {
    const code = pipelineCreditCode('trip-new', '440300');
    const res = await officer.post('/api/trips', {
      title: '赴长三角开展小分队招商',
      destination: '江苏省苏州市',
      startOn: daysAgo(3),
      endOn: daysAgo(1),
      leader: '刘卫东',
      members: ['李婷'],
      meetings: [
        { enterpriseId: demoId('pipeline-enterprise:suhe'), leadId: demoId('lead:suhe-precision'), occurredOn: daysAgo(3), outcome: '回访增资进展' },
        {
          enterprise: { name: '苏州新测试精工有限公司', creditCode: code },
          newLead: { name: '精工轴承项目', method: 'team' },
          occurredOn: daysAgo(2),
          intentReached: true,
        },
        { enterprise: { name: '昆山某外资企业', noCreditCode: true }, occurredOn: daysAgo(1), outcome: '初步接触' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.results).toEqual({ enterprisesMet: 3, frameworkEnterprises: 0, investmentEnterprises: 0, intentEnterprises: 1, leadsTouched: 2 });
    expect(res.body.meetings).toHaveLength(3);
    const newLeadId = res.body.meetings[1].leadId;
    const lead = (await officer.get(`/api/leads/${newLeadId}`)).body;
    expect(lead).toMatchObject({ stage: 'intent', enterpriseCreditCode: code, ownerName: '李婷' });

    // An agreement signed on a met lead during the trip counts for the trip, without being typed there.
    const file = await uploadLeadFile(ctx, officer, newLeadId);
    await officer.post(`/api/leads/${newLeadId}/agreements`, { kind: 'framework', signedOn: daysAgo(2), amountWan: 5000, fileId: file.body.id });
    expect((await officer.get(`/api/trips/${res.body.id}`)).body.results.frameworkEnterprises).toBe(1);
  });

  it('counts a trip by enterprise and agreement kind: 对接3家 / 框架协议1家 / 意向1家, one enterprise once per kind', async () => {
    const trip = await officer.post('/api/trips', {
      title: '赴阳城开展小分队招商',
      destination: '山西省晋城市阳城县',
      startOn: daysAgo(3),
      endOn: daysAgo(1),
      leader: '刘卫东',
      meetings: [
        { enterprise: { name: '阳城甲新材料有限公司', noCreditCode: true }, newLead: { name: '甲新材料项目' }, occurredOn: daysAgo(3) },
        { enterprise: { name: '阳城乙装备有限公司', noCreditCode: true }, newLead: { name: '乙装备项目' }, occurredOn: daysAgo(2), intentReached: true },
        { enterprise: { name: '阳城丙科技有限公司', noCreditCode: true }, occurredOn: daysAgo(1), outcome: '初步接触' },
      ],
    });
    expect(trip.status, JSON.stringify(trip.body)).toBe(201);
    const [first, second] = trip.body.meetings as { leadId: string }[];
    const results = async () => (await officer.get(`/api/trips/${trip.body.id}`)).body.results;
    // 甲 signs a framework agreement during the trip.
    await advanceLead(ctx, officer, first.leadId, 'framework', { framework: { signedOn: daysAgo(2) } });
    expect(await results()).toEqual({ enterprisesMet: 3, frameworkEnterprises: 1, investmentEnterprises: 0, intentEnterprises: 1, leadsTouched: 2 });
    // 甲 then signs its investment agreement within the trip: one enterprise under each kind, not "2 签约".
    await advanceLead(ctx, officer, first.leadId, 'signed', { investment: { signedOn: daysAgo(1) } });
    expect(await results()).toEqual({ enterprisesMet: 3, frameworkEnterprises: 1, investmentEnterprises: 1, intentEnterprises: 1, leadsTouched: 2 });
    // 乙's framework agreement signed before the trip is not the trip's result.
    const file = (await uploadLeadFile(ctx, officer, second.leadId)).body as { id: string };
    const old = await officer.post(`/api/leads/${second.leadId}/agreements`, { kind: 'framework', signedOn: daysAgo(5), amountWan: 3000, fileId: file.id });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect((await results()).frameworkEnterprises).toBe(1);
  });

  it('refuses a bad credit code of an enterprise met, writing nothing of the trip', async () => {
    const before = await snapshot();
    const res = await officer.post('/api/trips', {
      title: '赴湾区招商',
      destination: '深圳',
      startOn: daysAgo(2),
      endOn: daysAgo(1),
      leader: '张建国',
      meetings: [
        { enterprise: { name: '深圳甲公司', noCreditCode: true }, occurredOn: daysAgo(2) },
        { enterprise: { name: '深圳乙公司', creditCode: '91440300708461136A' }, occurredOn: daysAgo(1) },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([{ field: 'meetings.1.enterprise.creditCode', reason: '统一社会信用代码校验位不正确，请核对' }]);
    const dates = await officer.post('/api/trips', { title: '赴湾区招商', destination: '深圳', startOn: daysAgo(1), endOn: daysAgo(2), leader: '张建国' });
    expect(dates.body.details.fields[0].field).toBe('endOn');
    expect(await snapshot()).toEqual(before);
  });

  it('shows the seeded Bay Area trip: four enterprises met, two framework agreements, one intent', async () => {
    const trip = (await officer.get(`/api/trips/${demoId('trip:fendong:gba')}`)).body;
    expect(trip.results).toEqual({ enterprisesMet: 4, frameworkEnterprises: 2, investmentEnterprises: 0, intentEnterprises: 1, leadsTouched: 3 });
    expect((await officer.get('/api/trips')).body.items.length).toBeGreaterThanOrEqual(1);
  });
});

describe('conversion and the workbench', () => {
  it('converts a signed lead into a project in one step, once', async () => {
    const id = demoId('lead:xinghe-chip');
    const lead = (await officer.get(`/api/leads/${id}`)).body;
    expect(lead.actions).toContain('convert');
    const res = await officer.post(`/api/leads/${id}/convert`, { version: lead.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lead.projectId).toBe(res.body.projectId);
    const project = await ctx.database.query<{ name: string; lead_id: string; total_investment_yuan: string; investor_enterprise_id: string }>(
      'select name, lead_id, total_investment_yuan, investor_enterprise_id from projects where id = $1',
      [res.body.projectId],
    );
    expect(project[0]).toMatchObject({ name: '车规级芯片封装测试项目', lead_id: id, investor_enterprise_id: demoId('pipeline-enterprise:xinghe') });
    expect(Number(project[0].total_investment_yuan)).toBe(260_000_000);
    const again = await officer.post(`/api/leads/${id}/convert`, { version: res.body.lead.version });
    expect(again.status).toBe(409);
    const early = await officer.post(`/api/leads/${demoId('lead:huayi-pack')}/convert`, { version: 1 });
    expect(early.body.details.fields[0].reason).toContain('正式签约');
  });

  it('puts my leads and the follow-ups due on the workbench', async () => {
    const wb = (await officer.get('/api/workbench')).body;
    expect(wb.pipeline.myLeads.length).toBeGreaterThan(0);
    expect(wb.pipeline.followUpsDue.some((l: { name: string; overdue: boolean }) => l.name === '储能电池PACK项目' && l.overdue)).toBe(true);
  });

  it('saves personal views of the lead table', async () => {
    const v = await officer.post('/api/lead-views', { name: '逾期的意向', query: { stage: 'intent', overdue: 'true' } });
    expect(v.status).toBe(201);
    expect((await officer.get('/api/lead-views')).body).toEqual([v.body]);
    const other = await ctx.login('deputy');
    expect((await other.request('DELETE', `/api/lead-views/${v.body.id}`, {})).status).toBe(404);
    expect((await officer.request('DELETE', `/api/lead-views/${v.body.id}`, {})).status).toBe(200);
  });
});

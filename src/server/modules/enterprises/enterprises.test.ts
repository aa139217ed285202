import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { normalizeEnterpriseName } from './normalize-name.ts';
import { creditCodeCheckChar } from '../../../contract/credit-code.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildEnterprise } from './enterprises.factories.ts';
import { eq } from 'drizzle-orm';
import { enterprises } from '../../db/schema.ts';
import { enterpriseOperations } from '../../../contract/enterprises.ts';
import { recordAudit } from '../../platform/audit.ts';
import { createEnterprisesRepository } from './enterprises.repository.ts';
import { createEnterprisesService } from './enterprises.service.ts';

let ctx: TestContext;
let officer: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

describe('enterprises', () => {
  it('creates one from a name and a valid credit code, storing capital exactly', async () => {
    const res = await officer.post('/api/enterprises', {
      name: '深圳市腾讯计算机系统有限公司',
      creditCode: '91440300708461136t',
      registeredCapitalWan: '6500',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ creditCode: '91440300708461136T', registeredCapitalYuan: 65_000_000, noCreditCode: false, version: 1 });
    expect(res.body.actions).toContain('update');
  });

  it('refuses a wrong check character, naming creditCode, in the caller language', async () => {
    const zh = await officer.post('/api/enterprises', { name: '山西某某科技有限公司', creditCode: '91440300708461136A' });
    expect(zh.status).toBe(400);
    expect(zh.body.details.fields).toEqual([{ field: 'creditCode', reason: '统一社会信用代码校验位不正确，请核对' }]);
    const en = await officer.request(
      'POST',
      '/api/enterprises',
      { name: '山西某某科技有限公司', creditCode: '9144030070846113' },
      { 'accept-language': 'en-US' },
    );
    expect(en.body.details.fields).toEqual([{ field: 'creditCode', reason: 'a credit code has 18 characters' }]);
  });

  it('needs a code unless flagged as having none yet', async () => {
    const missing = await officer.post('/api/enterprises', { name: '曜石微电子（香港）有限公司' });
    expect(missing.body.details.fields[0].field).toBe('creditCode');
    const flagged = await officer.post('/api/enterprises', { name: '曜石微电子（香港）有限公司', noCreditCode: true });
    expect(flagged.status).toBe(201);
    expect(flagged.body.noCreditCode).toBe(true);
  });

  it('detects duplicates by credit code and by normalised name', async () => {
    const byCode = await officer.post('/api/enterprises', { name: '腾讯', creditCode: '91440300708461136T' });
    expect(byCode.status).toBe(409);
    expect(byCode.body.details.fields[0].field).toBe('creditCode');
    expect(byCode.body.details.existingId).toBeTruthy();
    const byName = await officer.post('/api/enterprises', { name: '深圳市腾讯计算机系统股份有限公司', noCreditCode: true });
    expect(byName.status).toBe(409);
    expect(byName.body.details.fields[0].field).toBe('name');
  });

  it('normalises names the way officials write them', () => {
    expect(normalizeEnterpriseName('华晟光伏（中国）集团有限公司')).toBe(normalizeEnterpriseName('华晟光伏'));
    expect(normalizeEnterpriseName('ＡＢＣ 新能源 股份有限公司')).toBe('abc新能源');
    expect(normalizeEnterpriseName('公司治理研究院有限公司')).toBe('公司治理研究院');
  });

  it('reads a short name as the full one: region prefix, company suffix and industry words aside', () => {
    const full = normalizeEnterpriseName('巴中市铭诚微电子科技有限公司');
    expect(full).toBe('铭诚微电子');
    for (const name of ['铭诚微电子', '四川省巴中市铭诚微电子科技有限公司', '巴中铭诚微电子有限公司', '铭诚微电子（巴中）有限公司', '铭诚微电子科技股份有限公司'])
      expect(normalizeEnterpriseName(name), name).toBe(full);
    // A region or an industry word that is the whole trade name stays.
    expect(normalizeEnterpriseName('山西科技有限公司')).toBe('山西');
    expect(normalizeEnterpriseName('公司治理研究院有限公司')).toBe('公司治理研究院');
  });

  it('suggests the existing enterprise for its short name; an investor from 巴中 (511900) is accepted', async () => {
    const full = await buildEnterprise(officer, { name: '巴中市铭诚微电子科技有限公司', regionCode: '511900' });
    expect(full.regionCode).toBe('511900');
    const short = await officer.call(enterpriseOperations.create, { body: { name: '铭诚微电子', noCreditCode: true } });
    expect(short.status).toBe(409);
    expect(short.body.details).toMatchObject({ existingId: full.id, fields: [{ field: 'name', reason: '已存在字号相同（忽略地区、“有限公司”“科技”等字样）的企业，请核对是否重复' }] });
    const anyway = await buildEnterprise(officer, { name: '铭诚微电子', allowSimilarName: true });
    const page = await officer.call(enterpriseOperations.page, { params: { id: full.id } });
    expect(page.body.duplicates.map((d) => d.id)).toEqual([anyway.id]);
    expect((await officer.get(`/api/enterprises?q=${encodeURIComponent('巴中铭诚微电子')}`)).body.items.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([full.id, anyway.id]),
    );
  });

  it('brings stored comparable names of an older database up to date', async () => {
    const e = await buildEnterprise(officer, { name: '巴中市铭诚光电科技有限公司' });
    await ctx.database.db.update(enterprises).set({ normalizedName: '巴中市铭诚光电科技' }).where(eq(enterprises.id, e.id));
    const service = createEnterprisesService({ db: ctx.database.db, enterprises: createEnterprisesRepository(), audit: recordAudit });
    expect(await service.renormalizeNames()).toBe(1);
    expect(await service.renormalizeNames()).toBe(0);
    expect((await officer.call(enterpriseOperations.create, { body: { name: '铭诚光电', noCreditCode: true } })).body.details.existingId).toBe(e.id);
  });

  it('searches by name or code; viewers read but cannot create', async () => {
    const found = await officer.get(`/api/enterprises?q=${encodeURIComponent('腾讯')}`);
    expect(found.body.items.map((e: { name: string }) => e.name)).toContain('深圳市腾讯计算机系统有限公司');
    const viewer = await ctx.login('viewer');
    expect((await viewer.get('/api/enterprises')).status).toBe(200);
    expect((await viewer.post('/api/enterprises', { name: '某公司', noCreditCode: true })).status).toBe(403);
  });
});

describe('enterprises in the pipeline', () => {
  const code = (key: string, region = '140802') => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let body = '';
    for (let i = 0; i < 9; i++) body += alphabet[(key.charCodeAt(i % key.length) * (i + 7)) % 31];
    const first17 = `91${region}${body}`;
    return first17 + creditCodeCheckChar(first17);
  };

  it('checks industry (GB/T 4754) and region against the shared lists, field by field', async () => {
    const bad = await officer.post('/api/enterprises', { name: '行业测试有限公司', noCreditCode: true, industryCode: 'C99' });
    expect(bad.body.details.fields).toEqual([{ field: 'industryCode', reason: '行业代码不在国民经济行业分类（GB/T 4754）门类或大类中' }]);
    const region = await officer.post('/api/enterprises', { name: '区划测试有限公司', noCreditCode: true, regionCode: '999999' });
    expect(region.body.details.fields).toEqual([{ field: 'regionCode', reason: '行政区划代码不存在' }]);
    const ok = await officer.post('/api/enterprises', { name: '行业测试有限公司', noCreditCode: true, industryCode: '39', regionCode: '440300' });
    expect(ok.status).toBe(201);
    const industries = (await officer.get('/api/industries')).body;
    expect(industries).toHaveLength(20);
    expect(industries.find((s: { code: string }) => s.code === 'C').divisions).toHaveLength(31);
  });

  it('keeps contacts; the page shows its leads in the caller zones only', async () => {
    const id = demoId('pipeline-enterprise:xinghe');
    const add = await officer.post(`/api/enterprises/${id}/contacts`, { name: '陈工', title: '项目经理', phone: '0755-12345678', email: 'chen@example.com' });
    expect(add.status).toBe(201);
    expect((await officer.post(`/api/enterprises/${id}/contacts`, { name: '坏邮箱', email: 'nope' })).body.details.fields[0].field).toBe('email');
    const page = (await officer.get(`/api/enterprises/${id}/page`)).body;
    expect(page.contacts.map((c: { name: string }) => c.name)).toEqual(['黄海涛', '陈工']);
    expect(page.leads.map((l: { name: string }) => l.name)).toEqual(['车规级芯片封装测试项目']);
    expect(page).toMatchObject({ industryLabel: 'C39 计算机、通信和其他电子设备制造业', regionName: '深圳市' });
    const hejin = await ctx.login('hejin');
    expect((await hejin.get(`/api/enterprises/${id}/page`)).body.leads).toEqual([]);
    const edited = await officer.patch(`/api/enterprise-contacts/${add.body.id}`, { name: '陈工', title: '总经理', version: add.body.version });
    expect(edited.body.title).toBe('总经理');
    expect((await officer.request('DELETE', `/api/enterprise-contacts/${add.body.id}`, {})).status).toBe(200);
  });

  it('may be edited by a zone that works it (a lead), not by an unrelated zone', async () => {
    const gaoxin = await ctx.login('gaoxin');
    const created = await buildEnterprise(gaoxin, { name: '高新区测试企业有限公司', creditCode: code('gaoxin-ent') });
    expect(created.actions).toContain('update');
    expect((await officer.get(`/api/enterprises/${created.id}`)).body.actions).not.toContain('update');
    expect((await officer.patch(`/api/enterprises/${created.id}`, { version: 1, legalPerson: '越权' })).status).toBe(403);
    await officer.post('/api/leads', { name: '合作项目', method: 'chain', enterpriseId: created.id });
    expect((await officer.get(`/api/enterprises/${created.id}`)).body.actions).toContain('update');
    expect((await officer.patch(`/api/enterprises/${created.id}`, { version: 1, legalPerson: '王五' })).status).toBe(200);
  });

  it('merges a duplicate: every link moves, blanks are filled, the duplicate goes, all audited', async () => {
    const kept = await buildEnterprise(officer, { name: '合并测试新材料有限公司', legalPerson: '甲' });
    const dupCode = code('merge-dup');
    const dup = (
      await officer.post('/api/enterprises', { name: '合并测试新材料股份有限公司', creditCode: dupCode, allowSimilarName: true, industryCode: '30' })
    ).body;
    await officer.post(`/api/enterprises/${dup.id}/contacts`, { name: '联系人乙' });
    const lead = (
      await officer.post('/api/leads', {
        name: '合并测试线索',
        method: 'chain',
        enterpriseId: dup.id,
        partners: [{ kind: 'chain_leader', name: '链主', enterpriseId: dup.id }],
      })
    ).body;
    expect((await officer.get(`/api/enterprises/${kept.id}/page`)).body.duplicates.map((d: { id: string }) => d.id)).toEqual([dup.id]);

    expect((await officer.post(`/api/enterprises/${kept.id}/merge`, { duplicateId: kept.id, version: 1 })).body.details.fields[0].field).toBe('duplicateId');
    expect((await officer.post(`/api/enterprises/${kept.id}/merge`, { duplicateId: dup.id, version: 9 })).status).toBe(409);
    const merged = await officer.post(`/api/enterprises/${kept.id}/merge`, { duplicateId: dup.id, version: 1 });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.moved).toMatchObject({ 'leads.enterprise_id': 1, 'lead_partners.enterprise_id': 1, 'enterprise_contacts.enterprise_id': 1 });
    expect(merged.body.enterprise).toMatchObject({ creditCode: dupCode, industryCode: '30', legalPerson: '甲', version: 2 });
    expect((await officer.get(`/api/enterprises/${dup.id}`)).status).toBe(404);
    expect((await officer.get(`/api/leads/${lead.id}`)).body).toMatchObject({
      enterpriseId: kept.id,
      partners: [expect.objectContaining({ enterpriseId: kept.id })],
    });
    const audit = await ctx.database.query<{ action: string }>(`select action from audit_log where entity_id in ($1, $2) and action like 'enterprise.merge%'`, [
      kept.id,
      dup.id,
    ]);
    expect(audit.map((a) => a.action).sort()).toEqual(['enterprise.merge', 'enterprise.merged_into']);
    const viewer = await ctx.login('viewer');
    expect((await viewer.post(`/api/enterprises/${kept.id}/merge`, { duplicateId: dup.id, version: 2 })).status).toBe(403);
  });
});

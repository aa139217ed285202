import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { normalizeEnterpriseName } from './normalize-name.ts';

let ctx: TestContext;
let officer: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
});
afterAll(() => ctx.close());

describe('enterprises', () => {
  it('creates one from a name and a valid credit code, storing capital exactly', async () => {
    const res = await officer.post('/api/enterprises', { name: '深圳市腾讯计算机系统有限公司', creditCode: '91440300708461136t', registeredCapitalWan: '6500' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ creditCode: '91440300708461136T', registeredCapitalYuan: 65_000_000, noCreditCode: false, version: 1 });
    expect(res.body.actions).toContain('update');
  });

  it('refuses a wrong check character, naming creditCode, in the caller language', async () => {
    const zh = await officer.post('/api/enterprises', { name: '山西某某科技有限公司', creditCode: '91440300708461136A' });
    expect(zh.status).toBe(400);
    expect(zh.body.details.fields).toEqual([{ field: 'creditCode', reason: '统一社会信用代码校验位不正确，请核对' }]);
    const en = await officer.request('POST', '/api/enterprises', { name: '山西某某科技有限公司', creditCode: '9144030070846113' }, { 'accept-language': 'en-US' });
    expect(en.body.details.fields).toEqual([{ field: 'creditCode', reason: 'a credit code has 18 characters' }]);
  });

  it('needs a code unless flagged as having none yet', async () => {
    const missing = await officer.post('/api/enterprises', { name: '星河微电子（香港）有限公司' });
    expect(missing.body.details.fields[0].field).toBe('creditCode');
    const flagged = await officer.post('/api/enterprises', { name: '星河微电子（香港）有限公司', noCreditCode: true });
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

  it('searches by name or code; viewers read but cannot create', async () => {
    const found = await officer.get(`/api/enterprises?q=${encodeURIComponent('腾讯')}`);
    expect(found.body.items.map((e: { name: string }) => e.name)).toContain('深圳市腾讯计算机系统有限公司');
    const viewer = await ctx.login('viewer');
    expect((await viewer.get('/api/enterprises')).status).toBe(200);
    expect((await viewer.post('/api/enterprises', { name: '某公司', noCreditCode: true })).status).toBe(403);
  });
});

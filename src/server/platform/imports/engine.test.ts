/**
 * The staged-import engine through its operations, on the real database, with the enterprise
 * list (the simplest importer): a bad file leaves nothing, the mapping can be changed without a new
 * upload, the row report is in the caller's language, a commit is all-or-valid and writes nothing
 * when it fails, discard drops the staged rows, and another zone's caller gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { pipelineCreditCode } from '../../modules/leads/leads.seed.ts';

let ctx: TestContext;
let officer: Client;
let outsider: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
  outsider = await ctx.login('hejin');
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);
const footprint = async () => ({
  enterprises: await count('enterprises'),
  contacts: await count('enterprise_contacts'),
  batches: await count('import_batches'),
  staged: await count('import_rows'),
});
/** The field problems of a refused call. */
const fieldsOf = (res: { body: unknown }) => (res.body as { details: { fields: { field: string; reason: string }[] } }).details.fields;
const upload = (file: Buffer, client = officer) => uploadXlsx(ctx, client, '/api/imports?kind=enterprises', file);

/** Two good rows, one with a bad credit code; the capital sits under a header no alias knows. */
async function sheet(tag: string) {
  return buildXlsx(
    ['企业名称', '统一社会信用代码', '资本金', '联系人'],
    [
      [`引擎测试${tag}甲有限公司`, pipelineCreditCode(`engine-${tag}-1`, '140802'), 300, '王一'],
      [`引擎测试${tag}乙有限公司`, null, 'abc', null],
      [`引擎测试${tag}丙有限公司`, '91440300708461136A', 100, null],
    ],
  );
}

describe('the staged-import engine', () => {
  it('refuses a file that is not .xlsx, an unknown kind and no file at all, leaving nothing behind', async () => {
    const before = await footprint();
    const garbage = await upload(Buffer.from('PK not really a zip'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.details.fields[0]).toEqual({ field: 'file', reason: '不是有效的 .xlsx 文件' });
    const kind = await uploadXlsx(ctx, officer, '/api/imports?kind=nonsense', await sheet('k'));
    expect(kind.status).toBe(400);
    const noFile = await officer.post('/api/imports?kind=enterprises', {});
    expect(noFile.status).toBe(415);
    expect(await footprint()).toEqual(before);
  });

  it('stages every row with a row report and a mapping; a changed mapping checks the staged cells again', async () => {
    const staged = await upload(await sheet('m'));
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ status: 'staged', kind: 'enterprises', totalRows: 3, validRows: 2, errorRows: 1 });
    expect(staged.body.errors).toEqual([{ row: 4, column: '统一社会信用代码', reason: '统一社会信用代码校验位不正确，请核对' }]);
    expect(staged.body.columns).toEqual([
      { index: 1, header: '企业名称', field: 'name', sample: ['引擎测试m甲有限公司', '引擎测试m乙有限公司', '引擎测试m丙有限公司'] },
      { index: 2, header: '统一社会信用代码', field: 'creditCode', sample: [pipelineCreditCode('engine-m-1', '140802'), '91440300708461136A'] },
      { index: 3, header: '资本金', field: null, sample: ['300', 'abc', '100'] },
      { index: 4, header: '联系人', field: 'contactName', sample: ['王一'] },
    ]);
    expect(staged.body.fields).toContainEqual({ key: 'name', label: '企业名称', required: true });
    expect(await count(`import_rows where import_id = '${staged.body.id}'`)).toBe(3);

    // The user maps 资本金 to 注册资本: row 3's "abc" is now an error, no new upload.
    const id = staged.body.id as string;
    const remapped = await officer.call(importOperations.remap, { params: { id }, body: { columns: [{ index: 3, field: 'registeredCapital' }] } });
    expect(remapped.status, JSON.stringify(remapped.body)).toBe(200);
    expect(remapped.body).toMatchObject({ totalRows: 3, validRows: 1, errorRows: 2 });
    expect(remapped.body.errors).toContainEqual({ row: 3, column: '资本金', reason: '数字格式不正确' });
    expect(remapped.body.columns[2].field).toBe('registeredCapital');
    // A field twice, or a required field unmapped, is refused.
    const twice = await officer.call(importOperations.remap, { params: { id }, body: { columns: [{ index: 4, field: 'name' }] } });
    expect(twice.status).toBe(400);
    const noName = await officer.call(importOperations.remap, { params: { id }, body: { columns: [{ index: 1, field: null }] } });
    expect(noName.status).toBe(400);
    expect(fieldsOf(noName)[0].reason).toContain('企业名称');

    // "all" refuses while a row has errors, writing nothing; "valid" writes the valid row only.
    const before = await footprint();
    const all = await officer.call(importOperations.commit, { params: { id }, body: { mode: 'all' } });
    expect(all.status).toBe(400);
    expect(fieldsOf(all)[0].field).toBe('mode');
    expect(await footprint()).toEqual(before);
    const valid = await officer.call(importOperations.commit, { params: { id }, body: { mode: 'valid' } });
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toMatchObject({ status: 'committed', committed: { enterprisesCreated: 1, enterprisesMatched: 0 } });
    const found = (await officer.get(`/api/enterprises?q=${encodeURIComponent('引擎测试m甲')}`)).body.items;
    expect(found).toEqual([expect.objectContaining({ registeredCapitalYuan: 3_000_000 })]);
    expect(await count(`import_rows where import_id = '${id}'`)).toBe(0);
    expect((await officer.call(importOperations.commit, { params: { id }, body: { mode: 'valid' } })).status).toBe(400);
  });

  it('maps a lead import differently: the importer looks up its zone again while checking the staged cells', async () => {
    const file = await buildXlsx(['项目名称', '备用列', '推进阶段'], [['重映射测试项目甲', '产业链招商', '意向'], ['重映射测试项目乙', '飞鸽传书', '线索']]);
    const staged = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', file);
    expect(staged.body, JSON.stringify(staged.body)).toMatchObject({ validRows: 2, errorCount: 0 });
    const remapped = await officer.call(importOperations.remap, { params: { id: staged.body.id }, body: { columns: [{ index: 2, field: 'method' }] } });
    expect(remapped.status, JSON.stringify(remapped.body)).toBe(200);
    expect(remapped.body).toMatchObject({ validRows: 1, errorRows: 1 });
    expect(remapped.body.errors).toEqual([{ row: 3, column: '备用列', reason: '不是允许的取值' }]);
  });

  it('answers the row report in the uploader’s language', async () => {
    const file = await sheet('en');
    const boundary = 'zonedeskEngineTest';
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/imports?kind=enterprises',
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="en.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: officer.cookie!, 'x-csrf-token': officer.csrfToken!, 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(201);
    // (资本金 is read as 注册资本 now: the zone saved that mapping in the test above.)
    const error = res.json().errors.find((e: { row: number }) => e.row === 4);
    expect(error).toMatchObject({ row: 4, column: '统一社会信用代码' });
    expect(error.reason).toMatch(/[a-z]/);
    expect(error.reason).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes nothing when the commit fails part-way, and the import stays staged', async () => {
    // Two uploads claim the same ledger number; the second commit registers its new investor
    // (enterprises service, audited), then its lead conflicts: all of it goes with the transaction.
    const lead = (name: string, investor: string) => buildXlsx(['线索编号', '项目名称', '投资方'], [['RB-001', name, investor]]);
    const first = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await lead('回滚测试项目甲', '引擎回滚投资一有限公司'));
    const second = await uploadXlsx(ctx, officer, '/api/imports?kind=leads', await lead('回滚测试项目乙', '引擎回滚投资二有限公司'));
    expect([first.body.validRows, second.body.validRows]).toEqual([1, 1]);
    expect((await officer.call(importOperations.commit, { params: { id: first.body.id }, body: { mode: 'all' } })).status).toBe(200);
    const before = { ...(await footprint()), leads: await count('leads') };
    const audit = await count(`audit_log where action in ('import.commit', 'enterprise.create')`);
    const res = await officer.call(importOperations.commit, { params: { id: second.body.id }, body: { mode: 'all' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect({ ...(await footprint()), leads: await count('leads') }).toEqual(before);
    expect(await count(`audit_log where action in ('import.commit', 'enterprise.create')`)).toBe(audit);
    expect((await officer.call(importOperations.get, { params: { id: second.body.id } })).body.status).toBe('staged');
  });

  it('discards: the staged rows go, nothing is written, and it cannot be committed after', async () => {
    const staged = await upload(await sheet('d'));
    const before = await footprint();
    const discarded = await officer.call(importOperations.discard, { params: { id: staged.body.id } });
    expect(discarded.status).toBe(200);
    expect(discarded.body.status).toBe('discarded');
    expect(await footprint()).toEqual({ ...before, staged: before.staged - 3 });
    expect((await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'valid' } })).status).toBe(400);
  });

  it("answers 404 to a caller of another zone on every operation of an import, changing nothing", async () => {
    const staged = await upload(await sheet('z'));
    const id = staged.body.id as string;
    const before = await footprint();
    expect((await outsider.call(importOperations.get, { params: { id } })).status).toBe(404);
    expect((await outsider.call(importOperations.progress, { params: { id } })).status).toBe(404);
    expect((await outsider.call(importOperations.remap, { params: { id }, body: { columns: [] } })).status).toBe(404);
    expect((await outsider.call(importOperations.commit, { params: { id }, body: { mode: 'valid' } })).status).toBe(404);
    expect((await outsider.call(importOperations.discard, { params: { id } })).status).toBe(404);
    expect(await footprint()).toEqual(before);
    expect((await officer.call(importOperations.progress, { params: { id } })).body).toEqual({ phase: 'done', rowsRead: 3 });
  });
});

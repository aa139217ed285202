import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiringOperations as op } from '../../../contract/services/hiring.ts';
import { addDays } from '../../../contract/periods.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { payOf } from './hiring.importers.ts';

const fendong = demoId('zone:fendong');

describe('hiring (揽才)', () => {
  let ctx: TestContext;
  let service: Client;
  let hejinLeader: Client;
  let viewer: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
    [service, hejinLeader, viewer] = await Promise.all([ctx.login('service'), ctx.login('hejin'), ctx.login('viewer')]);
  });
  afterAll(() => ctx.close());

  it('totals from the demo posts, fairs and partnerships: 岗位 520 个, by sector and enterprise', async () => {
    const res = await service.call(op.summary, { query: { zoneId: fendong } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      posts: 14,
      positions: 520,
      filled: 161,
      enterprises: 7,
      fairs: 3,
      applicants: 2380,
      hires: 367,
      partnerships: 2,
      classSeats: 75,
    });
    expect(res.body.text).toBe('岗位 520 个（7 家企业），已招 161 人；招聘会 3 场，录用 367 人');
    expect(res.body.bySector[0]).toMatchObject({ label: '光机电', positions: 238, posts: 6 });
    expect(res.body.byEnterprise.reduce((n, e) => n + e.positions, 0)).toBe(520);
    expect(res.body.byCategory.find((c) => c.key === 'skilled_worker')).toMatchObject({ label: '技术工人' });
    const hejin = await hejinLeader.call(op.summary, { query: {} });
    expect(hejin.body).toMatchObject({ posts: 1, positions: 20, fairs: 1 });
  });

  it('refuses a fair with more hires than applicants, and posts filled above the headcount, writing nothing', async () => {
    const fairs = await ctx.rowCount('hiring_fairs');
    const bad = await service.call(op.createFair, {
      body: { zoneId: fendong, name: '测试招聘会', heldOn: testToday, kind: 'special', applicants: 10, hires: 11 },
      headers: { 'accept-language': 'en-US' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toEqual([{ field: 'hires', reason: 'hires cannot exceed applicants' }]);
    const foreign = await service.call(op.createFair, {
      body: { zoneId: fendong, name: '测试招聘会', heldOn: testToday, kind: 'online', postIds: [demoId('hiring-post:hejin')] },
    });
    expect(foreign.body.details.fields).toEqual([{ field: 'postIds.0', reason: '岗位需求不存在或不属于该开发区' }]);
    expect(await ctx.rowCount('hiring_fairs')).toBe(fairs);

    const posts = await ctx.rowCount('hiring_posts');
    const over = await service.call(op.createPost, {
      body: {
        zoneId: fendong,
        enterpriseId: demoId('enterprise:crrc-rail'),
        sector: '光机电',
        position: '测试岗位',
        category: 'skilled_worker',
        headcount: 5,
        filled: 6,
        payMinYuan: 9000,
        payMaxYuan: 6000,
      },
    });
    expect(over.body.details.fields).toEqual([
      { field: 'filled', reason: '已招人数不能超过岗位需求数' },
      { field: 'payMinYuan', reason: '薪酬下限不能高于上限' },
    ]);
    expect(await ctx.rowCount('hiring_posts')).toBe(posts);
    expect((await viewer.call(op.createFair, { body: { zoneId: fendong, name: '测试招聘会', heldOn: testToday, kind: 'online' } })).status).toBe(403);
  });

  it('posts, a fair offering them, hires and fills recorded with versions; 河津 cannot reach them', async () => {
    const post = await service.call(op.createPost, {
      body: {
        zoneId: fendong,
        enterpriseId: demoId('enterprise:crrc-rail'),
        sector: '光机电',
        position: '激光切割工',
        category: 'skilled_worker',
        headcount: 10,
        payMinYuan: 6000,
        payMaxYuan: 8000,
        deadlineOn: addDays(testToday, 30),
      },
    });
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({ enterpriseName: '中车汾东轨道装备有限公司', filled: 0, postedOn: testToday });
    const fair = await service.call(op.createFair, {
      body: { zoneId: fendong, name: '激光装备专场', heldOn: testToday, kind: 'special', applicants: 40, hires: 8, postIds: [post.body.id] },
    });
    expect(fair.status).toBe(201);
    expect(fair.body).toMatchObject({ enterprises: 1, positionsOffered: 10, postIds: [post.body.id] });
    const fewer = await service.call(op.updateFair, { params: { id: fair.body.id }, body: { version: fair.body.version, applicants: 5 } });
    expect(fewer.body.details.fields).toEqual([{ field: 'hires', reason: '录用人数不能超过求职人数' }]);
    const filled = await service.call(op.updatePost, { params: { id: post.body.id }, body: { version: post.body.version, filled: 8 } });
    expect(filled.body).toMatchObject({ filled: 8, fairCount: 1 });
    expect((await service.call(op.updatePost, { params: { id: post.body.id }, body: { version: post.body.version, filled: 9 } })).status).toBe(409);
    expect((await hejinLeader.call(op.updatePost, { params: { id: post.body.id }, body: { version: filled.body.version, filled: 9 } })).status).toBe(404);
    const audit = await ctx.database.query<{ action: string }>('select action from audit_log where entity_id = $1 order by at', [post.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['hiring.post.create', 'hiring.post.update']);

    const p = await service.call(op.createPartnership, {
      body: { zoneId: fendong, school: '运城学院', programme: '激光技术订单班', classSize: 30, enterpriseIds: [demoId('enterprise:crrc-rail')] },
    });
    expect(p.body.enterprises).toEqual([{ id: demoId('enterprise:crrc-rail'), name: '中车汾东轨道装备有限公司' }]);
    expect((await service.call(op.createPartnership, { body: { zoneId: fendong, school: '运城学院', programme: '激光技术订单班' } })).status).toBe(409);
  });

  it('exports the demand list as a fair prints it: one block per enterprise, the open positions, a total', async () => {
    const fairId = demoId('hiring-fair:fendong:special');
    const file = await ctx.app.inject({ method: 'GET', url: `/api/hiring/demand.xlsx?fairId=${fairId}`, headers: { cookie: service.cookie! } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    const ws = wb.getWorksheet('岗位需求')!;
    expect(String(ws.getCell(1, 1).value)).toBe('汾东经开区光机电企业专场招聘会企业岗位需求表');
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(['序号', '企业名称', '所属产业', '岗位名称', '招聘人数', '岗位类别', '薪资待遇', '任职要求', '截止日期']);
    // 中车 (3 posts) and 智矿 (3 posts); open positions = headcount − filled.
    expect(ws.getCell(4, 2).value).toBe('中车汾东轨道装备有限公司');
    expect(ws.getCell(4, 2).isMerged).toBe(true);
    expect(ws.getCell(4, 5).value).toBe(80 - 26);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(5).value).toBe(238 - (26 + 18 + 3 + 22 + 2 + 1));
    const other = await ctx.app.inject({
      method: 'GET',
      url: `/api/hiring/demand.xlsx?fairId=${demoId('hiring-fair:hejin')}`,
      headers: { cookie: service.cookie! },
    });
    expect(other.statusCode).toBe(400);
  });

  it('reads pay as a fair writes it', () => {
    expect(payOf('6000-9000元/月')).toEqual([6000, 9000]);
    expect(payOf('6k～9k')).toEqual([6000, 9000]);
    expect(payOf('8000元/月起')).toEqual([8000, null]);
    expect(payOf('5000元以内')).toEqual([null, 5000]);
    expect(payOf('面议')).toEqual([null, null]);
    expect(payOf('待遇从优')).toBe('bad');
  });

  it('imports the 企业岗位需求表 through the engine: a known position is updated, a new one created, bad rows reported on their cells', async () => {
    const file = await buildXlsx(
      ['企业名称', '所属产业', '岗位名称', '岗位类别', '招聘人数', '已招', '薪资待遇', '任职要求', '截止日期'],
      [
        ['中车汾东轨道装备有限公司', '光机电', '焊接技术工人', '技术工人', 90, 30, '6000-9000元/月', '持焊工证', addDays(testToday, 30)],
        ['中车汾东轨道装备有限公司', '光机电', '导入激光切割工', '技术工人', 15, 0, '6000～8000', null, null],
        ['不存在的企业有限公司', '光机电', '钳工', '技术工人', 5, 0, '面议', null, null],
        ['中车汾东轨道装备有限公司', '光机电', '导入装配工', '技术工人', 10, 12, null, null, null],
        ['中车汾东轨道装备有限公司', '光机电', '导入质检员', '管理', 3, 0, '9000-6000', null, null],
      ],
    );
    const posts = await ctx.rowCount('hiring_posts');
    const staged = await uploadXlsx(ctx, service, `/api/imports?kind=hiring-posts&zoneId=${fendong}`, file);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ totalRows: 5, validRows: 2 });
    expect(staged.body.errors).toEqual([
      { row: 4, column: '企业名称', reason: expect.stringContaining('企业不存在') },
      { row: 5, column: '已招', reason: '已招人数不能超过岗位需求数' },
      { row: 6, column: '薪资待遇', reason: '薪酬下限不能高于上限' },
    ]);
    const refused = await service.post(`/api/imports/${staged.body.id}/commit`, { mode: 'all' });
    expect(refused.status).toBe(400);
    expect(await ctx.rowCount('hiring_posts')).toBe(posts);
    const committed = await service.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.committed).toMatchObject({ postsCreated: 1, postsUpdated: 1 });
    expect(await ctx.rowCount('hiring_posts')).toBe(posts + 1);
    const list = (await service.call(op.listPosts, { query: { zoneId: fendong } })).body;
    expect(list.find((p) => p.id === demoId('hiring-post:fendong:crrc-weld'))).toMatchObject({ headcount: 90, filled: 30, requirements: '持焊工证' });
    expect(list.find((p) => p.position === '导入激光切割工')).toMatchObject({
      category: 'skilled_worker',
      payMinYuan: 6000,
      payMaxYuan: 8000,
      postedOn: testToday,
    });
    // Viewers may not import.
    expect((await uploadXlsx(ctx, viewer, `/api/imports?kind=hiring-posts&zoneId=${fendong}`, file)).status).toBe(403);
  });
});

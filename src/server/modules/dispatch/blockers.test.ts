import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockerOperations } from '../../../contract/dispatch.ts';
import { notificationOperations } from '../../../contract/notifications.ts';
import { testDaysAgo, testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildBlocker, fendong, fieldOf, user } from './dispatch.factories.ts';

// Runs on the harness's clock (TEST_NOW); every date below is relative to its day.
let ctx: TestContext;
const pv2 = demoId('project:huasheng-pv2'); // 包联领导: leader (张建国)
const hejinProject = demoId('project:hejin-profile');
let leader: Client;
let officer: Client;
let projects: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [leader, officer, projects] = await Promise.all([ctx.login('leader'), ctx.login('officer'), ctx.login('projects')]);
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);

describe('blockers: raising and the bad-input rules', () => {
  it('an officer raises a blocker on a project; the responsible person is notified and it is on the board', async () => {
    const res = await officer.call(blockerOperations.create, {
      body: {
        zoneId: fendong,
        projectId: pv2,
        title: '施工用水接入未落实',
        category: 'utilities',
        deadlineOn: testDaysAgo(-9),
        responsibleUserId: user('projects'),
        departmentId: demoId('dept:fendong:project'),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      level: 'task_force',
      status: 'open',
      raisedOn: testToday,
      projectName: '华晟光伏组件二期项目',
      ownerName: '王磊',
      raisedByName: '李婷',
    });
    expect(res.body.events.map((e) => e.kind)).toEqual(['raised']);
    const inbox = await projects.call(notificationOperations.list, { query: { unread: 'true' } });
    expect(inbox.body.items.find((n) => n.entityId === res.body.id)).toMatchObject({ kind: 'blocker.assigned', title: '新堵点待协调：施工用水接入未落实' });
    const board = await leader.call(blockerOperations.list, { query: { zoneId: fendong, status: 'unresolved' } });
    expect(board.body.items.map((b) => b.id)).toContain(res.body.id);
  });

  it('a blocker raised on a project without a 责任单位 takes the project\'s; saying none keeps none', async () => {
    const { department } = (await leader.get(`/api/projects/${pv2}`)).body as { department: { id: string; name: string } | null };
    expect(department?.id).toBeTruthy();
    const inherited = await officer.call(blockerOperations.create, {
      body: { zoneId: fendong, projectId: pv2, title: '接入道路未贯通', category: 'utilities', deadlineOn: testDaysAgo(-9) },
    });
    expect(inherited.status).toBe(201);
    expect(inherited.body).toMatchObject({ departmentId: department!.id, departmentName: department!.name });
    const none = await officer.call(blockerOperations.create, {
      body: { zoneId: fendong, projectId: pv2, title: '接入道路未贯通二', category: 'utilities', deadlineOn: testDaysAgo(-9), departmentId: null },
    });
    expect(none.body.departmentId).toBeNull();
  });

  it('refuses a deadline before the raised date, naming the field, and writes nothing', async () => {
    const before = [await count('blockers'), await count('audit_log')];
    const res = await officer.post('/api/blockers', { zoneId: fendong, title: '测试堵点', category: 'land', raisedOn: testDaysAgo(-4), deadlineOn: testToday });
    expect(res.status).toBe(400);
    expect(fieldOf(res)).toEqual({ field: 'deadlineOn', reason: '期限不能早于提出日期' });
    // Without an explicit raised date, today (the clock) is the raised date.
    const implicit = await officer.post('/api/blockers', { zoneId: fendong, title: '测试堵点', category: 'land', deadlineOn: testDaysAgo(31) });
    expect(fieldOf(implicit)).toMatchObject({ field: 'deadlineOn' });
    expect([await count('blockers'), await count('audit_log')]).toEqual(before);
  });

  it('refuses a project of another zone', async () => {
    const res = await officer.post('/api/blockers', {
      zoneId: fendong,
      projectId: hejinProject,
      title: '跨区关联',
      category: 'land',
      deadlineOn: testDaysAgo(-19),
    });
    expect(res.status).toBe(400);
    expect(fieldOf(res)).toMatchObject({ field: 'projectId', reason: '项目不存在或不属于该开发区' });
  });

  it('resolving needs a text; escalation stops at the top; a stale version conflicts; nothing half-written', async () => {
    const b = await buildBlocker(officer, { title: '规划条件需调整', category: 'planning', deadlineOn: testDaysAgo(-19), level: 'meeting' });
    const writes = async () => [await count('blocker_events'), await count('audit_log'), await count('notifications')];
    const before = await writes();
    const empty = await officer.post(`/api/blockers/${b.id}/resolve`, { version: b.version, resolution: '   ' });
    expect(empty.status).toBe(400);
    expect(fieldOf(empty)).toEqual({ field: 'resolution', reason: '销号须填写解决情况' });
    expect(fieldOf(await officer.post(`/api/blockers/${b.id}/resolve`, { version: b.version }))).toMatchObject({ field: 'resolution' });

    const up = await officer.call(blockerOperations.escalate, { params: { id: b.id }, body: { version: b.version, note: '需主要领导协调' } });
    expect(up.body).toMatchObject({ level: 'main_leader', ownerName: '张建国' });
    expect(up.body.actions).not.toContain('escalate');
    const mid = await writes();
    const top = await officer.post(`/api/blockers/${b.id}/escalate`, { version: up.body.version });
    expect(top.status).toBe(400);
    expect(fieldOf(top)).toEqual({ field: 'level', reason: '已是最高层级（主要领导），不能再提级' });
    expect(await writes()).toEqual(mid);
    expect(mid[0]).toBe(before[0] + 1);

    const stale = await officer.patch(`/api/blockers/${b.id}`, { version: b.version, title: '改名' });
    expect(stale.status).toBe(409);
    const late = await officer.patch(`/api/blockers/${b.id}`, { version: up.body.version, deadlineOn: testDaysAgo(31) });
    expect(fieldOf(late)).toMatchObject({ field: 'deadlineOn' });

    const done = await officer.call(blockerOperations.resolve, {
      params: { id: b.id },
      body: { version: up.body.version, resolution: '规划局已出具调整后的规划条件' },
    });
    expect(done.body).toMatchObject({ status: 'resolved', resolvedOn: testToday, actions: ['reopen', 'history'] });
    expect(fieldOf(await officer.post(`/api/blockers/${b.id}/reopen`, { version: done.body.version, reason: '' }))).toMatchObject({ field: 'reason' });
    const reopened = await officer.call(blockerOperations.reopen, {
      params: { id: b.id },
      body: { version: done.body.version, reason: '企业反映规划条件仍不满足生产需要' },
    });
    expect(reopened.body).toMatchObject({ status: 'open', resolution: null });
    expect(reopened.body.events.map((e) => e.kind)).toEqual(['raised', 'escalated', 'resolved', 'reopened']);
    expect(reopened.body.events.at(-1)!.note).toBe('企业反映规划条件仍不满足生产需要');
  });

  it('a required field is required in the contract too: another zone’s record is NOT_FOUND before the body is read', async () => {
    const b = await buildBlocker(officer);
    const hejinLeader = await ctx.login('hejin');
    const res = await hejinLeader.post(`/api/blockers/${b.id}/resolve`, {});
    expect(res.status).toBe(404);
  });

  it('a viewer reads but cannot raise', async () => {
    const viewer = await ctx.login('viewer');
    expect((await viewer.get('/api/blockers')).status).toBe(200);
    expect((await viewer.post('/api/blockers', { zoneId: fendong, title: '只读用户', category: 'land', deadlineOn: testDaysAgo(-30) })).status).toBe(403);
  });
});

describe('exports', () => {
  it('the 堵点清单 has the expected Chinese headers, a merged title row and a frozen header', async () => {
    await buildBlocker(officer, { title: '清单用堵点' });
    const res = await ctx.app.inject({ method: 'GET', url: `/api/exports/blockers.xlsx?zoneId=${fendong}`, headers: { cookie: leader.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toContain('堵点问题清单');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '堵点问题',
      '所属项目',
      '问题类别',
      '提出日期',
      '责任单位',
      '责任人',
      '办理期限',
      '协调层级',
      '办理状态',
      '办理结果',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getSheetValues().flat().map(String)).toContain('清单用堵点');
  });

  it('the 堵点清单 of all the caller\'s zones has a 开发区 column naming each row\'s zone', async () => {
    await buildBlocker(officer, { title: '跨区清单用堵点' });
    const city = await ctx.login('city');
    const res = await ctx.app.inject({ method: 'GET', url: `/api/exports/blockers.xlsx`, headers: { cookie: city.cookie! } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '开发区', '堵点问题']);
    const row = ws.getSheetValues().find((r) => Array.isArray(r) && r.includes('跨区清单用堵点')) as unknown[];
    expect(row[2]).toBe('汾东经开区');
  });

  it('a 提醒函 for an overdue blocker is a .docx; a resolved one has none; another zone cannot have it', async () => {
    const overdue = await buildBlocker(officer, { title: '逾期待办堵点', raisedOn: testDaysAgo(10), deadlineOn: testDaysAgo(1) });
    const res = await leader.request('GET', `/api/blockers/${overdue.id}/reminder.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const b = await buildBlocker(officer, { raisedOn: testDaysAgo(10), deadlineOn: testDaysAgo(5) });
    await officer.call(blockerOperations.resolve, { params: { id: b.id }, body: { version: b.version, resolution: '已解决' } });
    const resolved = await leader.request('GET', `/api/blockers/${b.id}/reminder.docx`);
    expect(resolved.status).toBe(400);
    expect((await (await ctx.login('hejin')).request('GET', `/api/blockers/${overdue.id}/reminder.docx`)).status).toBe(404);
  });
});

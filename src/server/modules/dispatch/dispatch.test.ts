import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { briefSections, sectionNumber } from './dispatch.documents.ts';

let ctx: TestContext;
/** The injected clock: tests move it to drive the escalation clock. */
let now = new Date();
const at = (day: string) => new Date(`${day}T02:00:00Z`); // 10:00 in China
const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const pv2 = demoId('project:huasheng-pv2'); // 包联领导: leader (张建国)
const casting = demoId('project:hengyuan-casting'); // 包联领导: deputy (刘卫东)
const hejinProject = demoId('project:hejin-profile');
const user = (u: string) => demoId(`user:${u}`);
let leader: Client;
let officer: Client;
let projects: Client;

beforeAll(async () => {
  ctx = await createTestContext({ clock: () => now });
  [leader, officer, projects] = await Promise.all([ctx.login('leader'), ctx.login('officer'), ctx.login('projects')]);
});
afterAll(() => ctx.close());

const count = async (table: string) => Number((await ctx.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0].n);
const fieldOf = (res: { body: { details?: { fields?: { field: string; reason: string }[] } } }) => res.body.details?.fields?.[0];

describe('blockers: raising and the bad-input rules', () => {
  it('an officer raises a blocker on a project; the responsible person is notified and it is on the board', async () => {
    now = at('2026-04-01');
    const res = await officer.post('/api/blockers', {
      zoneId: fendong,
      projectId: pv2,
      title: '施工用水接入未落实',
      category: 'utilities',
      deadlineOn: '2026-04-10',
      responsibleUserId: user('projects'),
      departmentId: demoId('dept:fendong:project'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      level: 'task_force',
      status: 'open',
      raisedOn: '2026-04-01',
      projectName: '华晟光伏组件二期项目',
      ownerName: '王磊',
      raisedByName: '李婷',
    });
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    const inbox = await projects.get('/api/notifications?unread=true');
    expect(inbox.body.items.some((n: { entityId: string }) => n.entityId === res.body.id)).toBe(true);
    const board = await leader.get(`/api/blockers?zoneId=${fendong}&status=unresolved`);
    expect(board.body.items.map((b: { id: string }) => b.id)).toContain(res.body.id);
  });

  it('refuses a deadline before the raised date, naming the field, and writes nothing', async () => {
    const before = [await count('blockers'), await count('audit_log')];
    const res = await officer.post('/api/blockers', { zoneId: fendong, title: '测试堵点', category: 'land', raisedOn: '2026-04-05', deadlineOn: '2026-04-01' });
    expect(res.status).toBe(400);
    expect(fieldOf(res)).toEqual({ field: 'deadlineOn', reason: '期限不能早于提出日期' });
    // Without an explicit raised date, today (the clock) is the raised date.
    const implicit = await officer.post('/api/blockers', { zoneId: fendong, title: '测试堵点', category: 'land', deadlineOn: '2026-03-01' });
    expect(fieldOf(implicit)).toMatchObject({ field: 'deadlineOn' });
    expect([await count('blockers'), await count('audit_log')]).toEqual(before);
  });

  it('refuses a project of another zone', async () => {
    const res = await officer.post('/api/blockers', {
      zoneId: fendong,
      projectId: hejinProject,
      title: '跨区关联',
      category: 'land',
      deadlineOn: '2026-04-20',
    });
    expect(res.status).toBe(400);
    expect(fieldOf(res)).toMatchObject({ field: 'projectId', reason: '项目不存在或不属于该开发区' });
  });

  it('resolving needs a text; escalation stops at the top; a stale version conflicts; nothing half-written', async () => {
    const b = (
      await officer.post('/api/blockers', { zoneId: fendong, title: '规划条件需调整', category: 'planning', deadlineOn: '2026-04-20', level: 'meeting' })
    ).body;
    const writes = async () => [await count('blocker_events'), await count('audit_log'), await count('notifications')];
    const before = await writes();
    const empty = await officer.post(`/api/blockers/${b.id}/resolve`, { version: b.version, resolution: '   ' });
    expect(empty.status).toBe(400);
    expect(fieldOf(empty)).toEqual({ field: 'resolution', reason: '销号须填写解决情况' });
    expect(fieldOf(await officer.post(`/api/blockers/${b.id}/resolve`, { version: b.version }))).toMatchObject({ field: 'resolution' });

    const up = await officer.post(`/api/blockers/${b.id}/escalate`, { version: b.version, note: '需主要领导协调' });
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
    const late = await officer.patch(`/api/blockers/${b.id}`, { version: up.body.version, deadlineOn: '2026-03-01' });
    expect(fieldOf(late)).toMatchObject({ field: 'deadlineOn' });

    const done = await officer.post(`/api/blockers/${b.id}/resolve`, { version: up.body.version, resolution: '规划局已出具调整后的规划条件' });
    expect(done.body).toMatchObject({ status: 'resolved', resolvedOn: '2026-04-01', actions: ['reopen', 'history'] });
    expect(fieldOf(await officer.post(`/api/blockers/${b.id}/reopen`, { version: done.body.version, reason: '' }))).toMatchObject({ field: 'reason' });
    const reopened = await officer.post(`/api/blockers/${b.id}/reopen`, { version: done.body.version, reason: '企业反映规划条件仍不满足生产需要' });
    expect(reopened.body).toMatchObject({ status: 'open', resolution: null });
    expect(reopened.body.events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'escalated', 'resolved', 'reopened']);
    expect(reopened.body.events.at(-1).note).toBe('企业反映规划条件仍不满足生产需要');
  });

  it('a viewer reads but cannot raise', async () => {
    const viewer = await ctx.login('viewer');
    expect((await viewer.get('/api/blockers')).status).toBe(200);
    expect((await viewer.post('/api/blockers', { zoneId: fendong, title: '只读用户', category: 'land', deadlineOn: '2026-05-01' })).status).toBe(403);
  });
});

describe('automatic escalation on the official calendar', () => {
  it('escalates one level per 3 working days overdue, skipping 清明, on read, idempotently, notifying each new owner', async () => {
    now = at('2026-04-01');
    const b = (
      await officer.post('/api/blockers', {
        zoneId: fendong,
        projectId: casting,
        title: '设备进场道路未硬化',
        category: 'utilities',
        deadlineOn: '2026-04-03',
        responsibleUserId: user('agent'),
      })
    ).body;
    const get = async () => (await officer.get(`/api/blockers/${b.id}`)).body;

    // Deadline Fri 3 April; 4–6 April is 清明 (off): 3 working days overdue is Thu 9 April.
    now = at('2026-04-08');
    expect(await get()).toMatchObject({ level: 'task_force', overdue: true, overdueWorkdays: 2 });
    now = at('2026-04-09');
    const deputyUnreadBefore = (await (await ctx.login('deputy')).get('/api/notifications/unread-count')).body.unread;
    const board = await officer.get(`/api/blockers?zoneId=${fendong}`);
    const onBoard = board.body.items.find((x: { id: string }) => x.id === b.id);
    expect(onBoard).toMatchObject({ level: 'leader', ownerName: '刘卫东', levelSince: '2026-04-09' });
    // Overdue first on the board.
    const firstNotOverdue = board.body.items.findIndex((x: { overdue: boolean }) => !x.overdue);
    expect(board.body.items.slice(firstNotOverdue).some((x: { overdue: boolean }) => x.overdue)).toBe(false);
    // The project's 包联领导 (刘卫东) is notified.
    const deputy = await ctx.login('deputy');
    expect((await deputy.get('/api/notifications/unread-count')).body.unread).toBe(deputyUnreadBefore + 1);
    // Reading again the same day changes nothing.
    await officer.get('/api/blockers');
    await get();
    expect((await get()).events.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(1);

    // Nobody looks for a while: the next read catches up, one step per period, each dated the day it fell due.
    now = at('2026-04-20');
    const later = await get();
    expect(later.level).toBe('main_leader');
    expect(
      later.events
        .filter((e: { kind: string }) => e.kind === 'escalated')
        .map((e: { on: string; toValue: string; automatic: boolean }) => [e.on, e.toValue, e.automatic]),
    ).toEqual([
      ['2026-04-09', 'leader', true],
      ['2026-04-14', 'meeting', true],
      ['2026-04-17', 'main_leader', true],
    ]);
    const leaderInbox = (await leader.get('/api/notifications')).body.items.filter((n: { entityId: string }) => n.entityId === b.id);
    expect(leaderInbox.map((n: { title: string }) => n.title).sort()).toEqual([
      '堵点提级至主要领导：设备进场道路未硬化',
      '堵点提级至周调度会：设备进场道路未硬化',
    ]);
    // At the top it stays.
    now = at('2026-05-20');
    expect((await get()).events.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(3);
  });

  it('the period is a zone setting, set by the zone leader', async () => {
    expect((await leader.get(`/api/dispatch/settings?zoneId=${fendong}`)).body).toMatchObject({ escalationWorkdays: 3, version: 0 });
    expect((await officer.request('PUT', '/api/dispatch/settings', { zoneId: fendong, escalationWorkdays: 5 })).status).toBe(403);
    const put = await leader.request('PUT', '/api/dispatch/settings', { zoneId: fendong, escalationWorkdays: 1 });
    expect(put.body).toMatchObject({ escalationWorkdays: 1, version: 1 });
    now = at('2026-06-01');
    const b = (
      await officer.post('/api/blockers', { zoneId: fendong, title: '电力增容', category: 'utilities', raisedOn: '2026-06-01', deadlineOn: '2026-06-01' })
    ).body;
    now = at('2026-06-02');
    expect((await officer.get(`/api/blockers/${b.id}`)).body.level).toBe('leader');
    await leader.request('PUT', '/api/dispatch/settings', { zoneId: fendong, escalationWorkdays: 3, version: 1 });
  });
});

describe('notifications', () => {
  it('lists mine, counts unread, marks read; another user cannot touch mine', async () => {
    const inbox = (await projects.get('/api/notifications')).body;
    expect(inbox.unread).toBeGreaterThan(0);
    const unread = inbox.items.find((n: { read: boolean }) => !n.read);
    expect((await officer.post(`/api/notifications/${unread.id}/read`)).status).toBe(404);
    const marked = await projects.post(`/api/notifications/${unread.id}/read`);
    expect(marked.body.unread).toBe(inbox.unread - 1);
    expect((await projects.post('/api/notifications/read-all')).body.unread).toBe(0);
    expect((await projects.get('/api/notifications/unread-count')).body.unread).toBe(0);
  });
});

describe('the weekly meeting', () => {
  let meetingId: string;
  let blockerId: string;

  it('generates the agenda: slipped and red projects, overdue and escalated blockers, open decisions of the last meeting', async () => {
    now = new Date();
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const b = await officer.post('/api/blockers', {
      zoneId: fendong,
      projectId: pv2,
      title: '消防验收排期未定',
      category: 'approval',
      raisedOn: today,
      deadlineOn: today,
      level: 'meeting',
    });
    blockerId = b.body.id;
    const res = await leader.post('/api/meetings', { zoneId: fendong, heldOn: today, title: '第一次测试调度会' });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    const kinds = new Set(res.body.agenda.map((a: { kind: string }) => a.kind));
    expect(kinds).toEqual(new Set(['red_project', 'slipped_project', 'escalated_blocker', 'overdue_blocker', 'open_decision']));
    expect(res.body.agenda.find((a: { refId: string }) => a.refId === blockerId)).toMatchObject({
      kind: 'escalated_blocker',
      title: '华晟光伏组件二期项目：消防验收排期未定',
    });
    // The seeded last meeting's open decisions are followed up, the done one is not.
    const followUps = res.body.agenda.filter((a: { kind: string }) => a.kind === 'open_decision').map((a: { refId: string }) => a.refId);
    expect(followUps).toContain(demoId('decision:d2'));
    expect(followUps).not.toContain(demoId('decision:d1'));
    expect(res.body.previousMeetingId).toBeTruthy();
  });

  it('officials reorder and annotate; a stale agenda is refused', async () => {
    const m = (await leader.get(`/api/meetings/${meetingId}`)).body;
    const reversed = [...m.agenda].reverse().map((a: { id: string }, i: number) => ({ id: a.id, annotation: i === 0 ? '请财政局列席' : null }));
    const res = await leader.request('PUT', `/api/meetings/${meetingId}/agenda`, { version: m.version, items: reversed });
    expect(res.status).toBe(200);
    expect(res.body.agenda.map((a: { id: string }) => a.id)).toEqual(reversed.map((r) => r.id));
    expect(res.body.agenda[0].annotation).toBe('请财政局列席');
    const partial = await leader.request('PUT', `/api/meetings/${meetingId}/agenda`, { version: res.body.version, items: reversed.slice(1) });
    expect(fieldOf(partial)).toMatchObject({ field: 'items' });
    const added = await leader.post(`/api/meetings/${meetingId}/agenda`, { version: res.body.version, title: '研究四季度开工计划' });
    expect(added.body.agenda.at(-1)).toMatchObject({ kind: 'other', title: '研究四季度开工计划', generated: false });
  });

  it('records decisions with owners; one without an owner is refused and writes nothing', async () => {
    const before = [await count('decisions'), await count('audit_log')];
    const noOwner = await leader.post(`/api/meetings/${meetingId}/decisions`, { task: '加快消防验收', deadlineOn: '2026-12-31' });
    expect(noOwner.status).toBe(400);
    expect(fieldOf(noOwner)).toEqual({ field: 'ownerUserId', reason: '请指定责任人' });
    const outsider = await leader.post(`/api/meetings/${meetingId}/decisions`, { task: '加快消防验收', deadlineOn: '2026-12-31', ownerUserId: user('hejin') });
    expect(fieldOf(outsider)).toMatchObject({ field: 'ownerUserId' });
    expect([await count('decisions'), await count('audit_log')]).toEqual(before);
    const ok = await leader.post(`/api/meetings/${meetingId}/decisions`, {
      task: '住建局本周内安排消防验收',
      ownerUserId: user('projects'),
      deadlineOn: '2026-12-31',
      blockerId,
      projectId: pv2,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ ownerName: '王磊', blockerTitle: '消防验收排期未定', projectName: '华晟光伏组件二期项目', status: 'open' });
    // 我的待办 on the 工作台: the decision assigned to me, and blockers I am responsible for.
    const wb = (await projects.get('/api/workbench')).body;
    expect(wb.dispatch.todo.map((t: { id: string }) => t.id)).toContain(ok.body.id);
    expect(wb.dispatch.todo.some((t: { kind: string }) => t.kind === 'blocker')).toBe(true);
  });

  it('closes once, freezes the record, and the brief is a .docx', async () => {
    const m = (await leader.get(`/api/meetings/${meetingId}`)).body;
    await leader.patch(`/api/meetings/${meetingId}`, { version: m.version, minutes: '会议研究了华晟光伏组件二期项目消防验收问题。' });
    const fresh = (await leader.get(`/api/meetings/${meetingId}`)).body;
    const closed = await leader.post(`/api/meetings/${meetingId}/close`, { version: fresh.version });
    expect(closed.body).toMatchObject({ status: 'closed', closedByName: '张建国', actions: ['brief'] });
    const before = await count('audit_log');
    const again = await leader.post(`/api/meetings/${meetingId}/close`, { version: closed.body.version });
    expect(again.status).toBe(400);
    expect(fieldOf(again)).toEqual({ field: 'status', reason: '会议已结束，记录已冻结' });
    expect(fieldOf(await leader.patch(`/api/meetings/${meetingId}`, { version: closed.body.version, minutes: '改纪要' }))).toMatchObject({ field: 'status' });
    expect(
      fieldOf(await leader.post(`/api/meetings/${meetingId}/decisions`, { task: '补记', ownerUserId: user('projects'), deadlineOn: '2026-12-31' })),
    ).toMatchObject({ field: 'status' });
    expect(await count('audit_log')).toBe(before);
    // The task itself moves on: its owner marks it done.
    const decision = closed.body.decisions[0];
    const done = await projects.patch(`/api/decisions/${decision.id}`, { version: decision.version, status: 'done' });
    expect(done.body.status).toBe('done');

    const brief = await leader.request('GET', `/api/meetings/${meetingId}/brief.docx`);
    expect(brief.status).toBe(200);
    expect(brief.headers['content-type']).toContain('wordprocessingml');
    expect(String(brief.headers['content-disposition'])).toContain("filename*=UTF-8''");
  });

  it('the brief converts to PDF in LibreOffice with its numbered headings', async (t) => {
    const soffice = ['libreoffice', 'soffice'].find((bin) => spawnSync('which', [bin]).status === 0);
    const pdftotext = spawnSync('which', ['pdftotext']).status === 0;
    if (!soffice || !pdftotext) {
      t.skip(`LibreOffice or pdftotext is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils): brief-to-PDF check skipped`);
      return;
    }
    const res = await ctx.app.inject({ method: 'GET', url: `/api/meetings/${meetingId}/brief.docx`, headers: { cookie: leader.cookie! } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-brief-'));
    try {
      fs.writeFileSync(path.join(dir, 'brief.docx'), res.rawPayload);
      const profile = `file://${path.join(dir, 'lo-profile')}`;
      const conv = spawnSync(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'brief.docx')],
        { timeout: 120_000 },
      );
      expect(conv.status, String(conv.stderr)).toBe(0);
      // Reading order, whitespace dropped: a table cell's wrapped lines join up again.
      const text = spawnSync('pdftotext', [path.join(dir, 'brief.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('汾东经开区项目调度简报');
      briefSections.forEach((heading, i) => expect(text).toContain(`${sectionNumber(i)}${heading}`));
      expect(text).toContain('消防验收排期未定');
      expect(text).toContain('住建局本周内安排消防验收');
      expect(text).toContain('王磊');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('a leader of another zone cannot read the meeting', async () => {
    const hejinLeader = await ctx.login('hejin');
    expect((await hejinLeader.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await hejinLeader.get(`/api/meetings?zoneId=${fendong}`)).body).toEqual([]);
  });
});

describe('三个一批 campaigns', () => {
  it('plans three lists, confirms on the event day, computes the rates of the worked example, counts a project once', async () => {
    const created = await leader.post('/api/campaigns', { zoneId: fendong, year: 2027, quarter: 1, eventOn: '2027-03-20' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await leader.post('/api/campaigns', { zoneId: fendong, year: 2027, quarter: 1 })).status).toBe(409);
    const add = (body: object) => leader.post(`/api/campaigns/${id}/entries`, body);
    // 签约一批: 4 planned; 开工一批: 2 planned; 投产一批: 2 planned.
    const sign = await Promise.all([1, 2, 3, 4].map((i) => add({ batch: 'sign', name: `签约项目${i}`, plannedAmountWan: 10000 * i })));
    const start1 = await add({ batch: 'start', projectId: demoId('project:hydrogen-park') });
    expect(start1.body).toMatchObject({ name: '汾东氢能装备产业园项目', plannedAmountYuan: 600_000_000 });
    const start2 = await add({ batch: 'start', projectId: demoId('project:jinfen-anode') });
    const prod1 = await add({ batch: 'production', name: '投产项目甲' });
    const prod2 = await add({ batch: 'production', name: '投产项目乙' });

    // Bad input: another zone's project, the same project twice on a list.
    const before = await count('campaign_entries');
    const foreign = await add({ batch: 'start', projectId: hejinProject });
    expect(foreign.status).toBe(400);
    expect(fieldOf(foreign)).toEqual({ field: 'projectId', reason: '项目不存在或不属于该开发区' });
    expect((await add({ batch: 'start', projectId: demoId('project:hydrogen-park') })).status).toBe(409);
    expect(await count('campaign_entries')).toBe(before);

    const confirm = (e: { body: { id: string; version: number } }, body: object) =>
      leader.patch(`/api/campaign-entries/${e.body.id}`, { version: e.body.version, ...body });
    // Event day: 3 of 4 signed, 1 of 2 started, 2 of 2 in production, 1 of those at designed output.
    await confirm(sign[0], { confirmed: true, actualAmountWan: 12000 });
    await confirm(sign[1], { confirmed: true });
    await confirm(sign[2], { confirmed: true });
    const noReason = await confirm(sign[3], { confirmed: false });
    expect(fieldOf(noReason)).toEqual({ field: 'reason', reason: '未完成须说明原因' });
    await confirm(sign[3], { confirmed: false, reason: '投资方推迟签约' });
    await confirm(start1, { confirmed: true, actualOn: '2027-03-20' });
    await confirm(start2, { confirmed: false, reason: '施工许可未办结' });
    await confirm(prod1, { confirmed: true, outputReached: true });
    await confirm(prod2, { confirmed: true });

    const c = (await leader.get(`/api/campaigns/${id}`)).body;
    expect(c.rates.signing).toMatchObject({ planned: 4, done: 3, rate: 0.75, plannedAmountYuan: 1_000_000_000, doneAmountYuan: 620_000_000 });
    expect(c.rates.start).toMatchObject({ planned: 2, done: 1, rate: 0.5 });
    expect(c.rates.production).toMatchObject({ planned: 2, done: 2, rate: 1 });
    expect(c.rates.output).toMatchObject({ planned: 2, done: 1, rate: 0.5 });

    // A project counted in 开工一批 is counted once: the next quarter's list cannot count it again.
    const next = (await leader.post('/api/campaigns', { zoneId: fendong, year: 2027, quarter: 2 })).body;
    const again = await leader.post(`/api/campaigns/${next.id}/entries`, { batch: 'start', projectId: demoId('project:hydrogen-park') });
    expect(again.status).toBe(409);
    expect(fieldOf(again)).toMatchObject({ field: 'projectId', reason: '该项目已在此前的同类批次中计入，同一项目只计一次' });
    // …while the one not started may be planned again.
    expect((await leader.post(`/api/campaigns/${next.id}/entries`, { batch: 'start', projectId: demoId('project:jinfen-anode') })).status).toBe(201);

    const rates = (await leader.get('/api/campaigns/rates?year=2027')).body;
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ zoneId: fendong, rates: { signing: { rate: 0.75 }, start: { planned: 3, done: 1 } } });
    expect(rates[0].batches.map((b: { quarter: number }) => b.quarter)).toEqual([1, 2]);

    const sheet = await leader.request('GET', `/api/campaigns/${id}/tracking.xlsx`);
    expect(sheet.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await ctx.app.inject({ method: 'GET', url: `/api/campaigns/${id}/tracking.xlsx`, headers: { cookie: leader.cookie! } })).rawPayload as never,
    );
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(
      expect.arrayContaining(['批次', '项目名称', '签约日期', '签约金额（万元）', '开工日期', '投产日期', '达产达效', '到位资金（万元）']),
    );
    const cells = ws.getSheetValues().flat().map(String);
    expect(cells).toContain('签约完成率');
    expect(cells.some((v) => v.includes('3/4（75.0%）'))).toBe(true);
  });

  it('an officer of another zone cannot add to this campaign', async () => {
    const list = (await leader.get(`/api/campaigns?zoneId=${fendong}&year=2027`)).body;
    const gaoxin = await ctx.login('gaoxin');
    expect((await gaoxin.post(`/api/campaigns/${list[0].id}/entries`, { batch: 'sign', name: '越权' })).status).toBe(404);
  });
});

describe('exports', () => {
  it('the 堵点清单 has the expected Chinese headers, a merged title row and a frozen header', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/exports/blockers.xlsx?zoneId=${fendong}`, headers: { cookie: leader.cookie! } });
    expect(res.statusCode).toBe(200);
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
    expect(ws.rowCount).toBeGreaterThan(5);
  });

  it('a 提醒函 for an overdue blocker is a .docx; a resolved one has none', async () => {
    const res = await leader.request('GET', `/api/blockers/${demoId('blocker:cold-chain-land')}/reminder.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const resolved = await leader.request('GET', `/api/blockers/${demoId('blocker:beidou-road')}/reminder.docx`);
    expect(resolved.status).toBe(400);
    expect((await (await ctx.login('hejin')).request('GET', `/api/blockers/${demoId('blocker:cold-chain-land')}/reminder.docx`)).status).toBe(404);
  });
});

void hejin;

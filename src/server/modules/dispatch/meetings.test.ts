import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionOperations, meetingOperations } from '../../../contract/dispatch.ts';
import { testDaysAgo, testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { briefSections, sectionNumber } from './dispatch.documents.ts';
import { buildBlocker, buildMeeting, buildSlippedMilestone, fendong, fieldOf, flagRed, user } from './dispatch.factories.ts';

// Runs on the harness's clock (TEST_NOW). What the agenda draws on is built here, dated from that
// clock; only the last meeting (with its decisions) is the demo's, seeded in the week before TEST_NOW.
let ctx: TestContext;
const pv2 = demoId('project:huasheng-pv2');
let leader: Client;
let officer: Client;
let projects: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [leader, officer, projects] = await Promise.all([ctx.login('leader'), ctx.login('officer'), ctx.login('projects')]);
});
afterAll(() => ctx.close());

const count = (table: string) => ctx.rowCount(table);

describe('the weekly meeting', () => {
  let meetingId: string;
  let blockerId: string;
  const deadline = testDaysAgo(-30);

  it('generates the agenda: slipped and red projects, overdue and escalated blockers, open decisions of the last meeting', async () => {
    const escalated = await buildBlocker(officer, { projectId: pv2, title: '消防验收排期未定', category: 'approval', level: 'meeting', deadlineOn: testToday });
    const overdue = await buildBlocker(officer, { title: '逾期未办结的堵点', raisedOn: testDaysAgo(5), deadlineOn: testDaysAgo(1) });
    const casting = demoId('project:hengyuan-casting');
    await buildSlippedMilestone(ctx.database, casting, testDaysAgo(2), '设备安装调试');
    await flagRed(ctx.database, pv2);
    blockerId = escalated.id;
    const m = await buildMeeting(leader, { title: '第一次测试调度会' });
    meetingId = m.id;
    const kinds = new Set(m.agenda.map((a) => a.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['red_project', 'slipped_project', 'escalated_blocker', 'overdue_blocker', 'open_decision']));
    expect(m.agenda.find((a) => a.refId === blockerId)).toMatchObject({ kind: 'escalated_blocker', title: '华晟光伏组件二期项目：消防验收排期未定' });
    expect(m.agenda.find((a) => a.refId === overdue.id)).toMatchObject({ kind: 'overdue_blocker' });
    expect(m.agenda.find((a) => a.kind === 'slipped_project' && a.refId === casting)?.detail).toContain('设备安装调试');
    expect(m.agenda.find((a) => a.kind === 'red_project' && a.refId === pv2)?.detail).toContain('节点“测试节点”超期3天');
    // The seeded last meeting's open decisions are followed up, the done one is not.
    const followUps = m.agenda.filter((a) => a.kind === 'open_decision').map((a) => a.refId);
    expect(followUps).toContain(demoId('decision:d2'));
    expect(followUps).not.toContain(demoId('decision:d1'));
    expect(m.previousMeetingId).toBe(demoId('meeting:fendong:last'));
  });

  it('officials reorder and annotate; a stale agenda is refused', async () => {
    const m = (await leader.call(meetingOperations.get, { params: { id: meetingId } })).body;
    const reversed = [...m.agenda].reverse().map((a, i) => ({ id: a.id, annotation: i === 0 ? '请财政局列席' : null }));
    const res = await leader.call(meetingOperations.setAgenda, { params: { id: meetingId }, body: { version: m.version, items: reversed } });
    expect(res.status).toBe(200);
    expect(res.body.agenda.map((a) => a.id)).toEqual(reversed.map((r) => r.id));
    expect(res.body.agenda[0].annotation).toBe('请财政局列席');
    const partial = await leader.request('PUT', `/api/meetings/${meetingId}/agenda`, { version: res.body.version, items: reversed.slice(1) });
    expect(fieldOf(partial)).toMatchObject({ field: 'items' });
    const added = await leader.call(meetingOperations.addAgendaItem, {
      params: { id: meetingId },
      body: { version: res.body.version, title: '研究四季度开工计划' },
    });
    expect(added.body.agenda.at(-1)).toMatchObject({ kind: 'other', title: '研究四季度开工计划', generated: false });
    // Refreshing keeps the hand-made item and the annotation.
    const refreshed = await leader.call(meetingOperations.regenerateAgenda, { params: { id: meetingId }, body: { version: added.body.version } });
    expect(refreshed.body.agenda.some((a) => a.title === '研究四季度开工计划')).toBe(true);
    expect(refreshed.body.agenda.some((a) => a.annotation === '请财政局列席')).toBe(true);
  });

  it('records decisions with owners; one without an owner is refused and writes nothing', async () => {
    const before = [await count('decisions'), await count('audit_log')];
    const noOwner = await leader.post(`/api/meetings/${meetingId}/decisions`, { task: '加快消防验收', deadlineOn: deadline });
    expect(noOwner.status).toBe(400);
    expect(fieldOf(noOwner)).toEqual({ field: 'ownerUserId', reason: '请指定责任人' });
    const outsider = await leader.post(`/api/meetings/${meetingId}/decisions`, { task: '加快消防验收', deadlineOn: deadline, ownerUserId: user('hejin') });
    expect(fieldOf(outsider)).toMatchObject({ field: 'ownerUserId' });
    expect([await count('decisions'), await count('audit_log')]).toEqual(before);
    const ok = await leader.call(decisionOperations.add, {
      params: { id: meetingId },
      body: { task: '住建局本周内安排消防验收', ownerUserId: user('projects'), deadlineOn: deadline, blockerId, projectId: pv2 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ ownerName: '王磊', blockerTitle: '消防验收排期未定', projectName: '华晟光伏组件二期项目', status: 'open' });
    // 我的待办 on the 工作台: the decision assigned to me, and blockers I am responsible for.
    const wb = (await projects.get('/api/workbench')).body;
    expect(wb.dispatch.todo.map((t: { id: string }) => t.id)).toContain(ok.body.id);
    expect(wb.dispatch.todo.some((t: { kind: string }) => t.kind === 'blocker')).toBe(true);
    const mine = await projects.call(decisionOperations.list, { query: { mine: 'true' } });
    expect(mine.body.map((d) => d.id)).toContain(ok.body.id);
    // The 周调度会 list counts this meeting's agenda items and decisions (it said 0 / 0).
    const page = (await leader.get(`/api/meetings/${meetingId}`)).body;
    const listed = (await leader.get('/api/meetings')).body.find((m: { id: string }) => m.id === meetingId);
    expect(listed).toMatchObject({ agendaCount: page.agenda.length, decisionCount: page.decisions.length });
    expect(listed.agendaCount).toBeGreaterThan(0);
    expect(listed.decisionCount).toBeGreaterThan(0);
  });

  it('议定事项 export as filtered: the open ones with owner, deadline and meeting, in a sheet people file', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/decisions/export.xlsx?zoneId=${fendong}&status=open`, headers: { cookie: leader.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const listed = (await leader.call(decisionOperations.list, { query: { zoneId: fendong, status: 'open' } })).body;
    expect(String(ws.getCell('A1').value)).toContain(`共 ${listed.length} 条`);
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '议定事项', '所属会议']);
    const row = (ws.getSheetValues() as unknown[][]).find((r) => Array.isArray(r) && r.includes('住建局本周内安排消防验收'))!;
    expect(row).toEqual(expect.arrayContaining(['王磊', deadline, '华晟光伏组件二期项目']));
    // Another zone's leader gets only their own zone's decisions.
    const other = await ctx.login('hejin');
    const theirs = await ctx.app.inject({ method: 'GET', url: `/api/decisions/export.xlsx`, headers: { cookie: other.cookie! } });
    expect(theirs.rawPayload.includes(Buffer.from('住建局本周内安排消防验收'))).toBe(false);
  });

  it('closes once, freezes the record, and the brief is a .docx', async () => {
    const m = (await leader.call(meetingOperations.get, { params: { id: meetingId } })).body;
    await leader.call(meetingOperations.update, {
      params: { id: meetingId },
      body: { version: m.version, minutes: '会议研究了华晟光伏组件二期项目消防验收问题。' },
    });
    const fresh = (await leader.call(meetingOperations.get, { params: { id: meetingId } })).body;
    const closed = await leader.call(meetingOperations.close, { params: { id: meetingId }, body: { version: fresh.version } });
    expect(closed.body).toMatchObject({ status: 'closed', closedByName: '张建国', actions: ['brief'] });
    const before = await count('audit_log');
    const again = await leader.post(`/api/meetings/${meetingId}/close`, { version: closed.body.version });
    expect(again.status).toBe(400);
    expect(fieldOf(again)).toEqual({ field: 'status', reason: '会议已结束，记录已冻结' });
    expect(fieldOf(await leader.patch(`/api/meetings/${meetingId}`, { version: closed.body.version, minutes: '改纪要' }))).toMatchObject({ field: 'status' });
    expect(
      fieldOf(await leader.post(`/api/meetings/${meetingId}/decisions`, { task: '补记', ownerUserId: user('projects'), deadlineOn: deadline })),
    ).toMatchObject({
      field: 'status',
    });
    expect(await count('audit_log')).toBe(before);
    // The task itself moves on: its owner marks it done.
    const decision = closed.body.decisions[0];
    const done = await projects.call(decisionOperations.update, { params: { id: decision.id }, body: { version: decision.version, status: 'done' } });
    expect(done.body).toMatchObject({ status: 'done', doneOn: testToday });

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
    // Not even a body error: the record check comes first.
    expect((await hejinLeader.post(`/api/meetings/${meetingId}/decisions`, {})).status).toBe(404);
  });
});

describe('the working-day calendar read afresh inside a meeting transaction', () => {
  it('a meeting is generated and closed right after a calendar day changed (the calendar is read on the transaction, not beside it)', { timeout: 60_000 }, async () => {
    // Changing a day drops the cached calendar, as a minute without use does: the next reader loads
    // it. On PGlite a load beside the open transaction used to hang the server for good.
    const admin = await ctx.login('admin');
    const put = await admin.request('PUT', '/api/calendar/days/2031-05-06', { kind: 'holiday', name: '测试假日' });
    expect(put.status).toBe(200);
    const m = await buildMeeting(leader, { title: '日历刷新后的调度会', heldOn: testDaysAgo(-7) });
    expect(m.agenda.length).toBeGreaterThan(0);
    await admin.request('DELETE', `/api/calendar/days/2031-05-06?version=${put.body.version}`);
    const closed = await leader.call(meetingOperations.close, { params: { id: m.id }, body: { version: m.version } });
    expect(closed.body.status).toBe('closed');
  });
});

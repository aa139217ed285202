/**
 * Issue 10 items 9 and 4 on the dispatch side: the agenda's "newly red since the last meeting" and
 * the 周调度简报 read the projects' flag history (project_flag_events, with the reason), not the
 * previous agenda; a key project yellow for missing responsibility is on the agenda with its reason.
 * Runs in 河津 (no demo meetings there), dated from the test clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingOperations } from '../../../contract/dispatch.ts';
import { testDaysAgo } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { cnDate } from './cn-date.ts';
import { buildHejinProject, buildMeeting, docxText, flagRed, hejin } from './dispatch.factories.ts';

let ctx: TestContext;
let boss: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  boss = await ctx.login('hejin');
});
afterAll(() => ctx.close());

const project = (overrides: Record<string, unknown>) => buildHejinProject(boss, overrides);

describe('the agenda and the brief read the flag history', () => {
  it('newly red since the last meeting comes from the history with its reason; a key project without responsibility is on the agenda', async () => {
    const longRed = await project({ name: '河津长期红灯项目' });
    const newRed = await project({ name: '河津新亮红灯项目' });
    // The last meeting's agenda was made before anyone flagged these: guessing from it would call both new.
    const last = await buildMeeting(boss, { zoneId: hejin, heldOn: testDaysAgo(7), title: '上次调度会' });
    expect(last.agenda.map((a) => a.refId)).not.toContain(longRed.id);
    await flagRed(ctx.database, longRed.id, testDaysAgo(10));
    await flagRed(ctx.database, newRed.id, testDaysAgo(3));
    // A 省重点 project with no 包联领导, 责任单位 or 责任人: yellow by the projects module, in its history.
    const keyless = await project({ name: '河津省重点无包联项目', level: 'province' });
    expect(keyless.flag).toBe('yellow');

    const m = await buildMeeting(boss, { zoneId: hejin, title: '本周调度会' });
    const item = (kind: string, id: string) => m.agenda.find((a) => a.kind === kind && a.refId === id);
    expect(item('red_project', longRed.id)?.detail).toBe(`连续亮红灯（${cnDate(testDaysAgo(10))}起）；节点“测试节点”超期3天`);
    expect(item('red_project', newRed.id)?.detail).toBe(`新亮红灯（${cnDate(testDaysAgo(3))}起）；节点“测试节点”超期3天`);
    expect(item('responsibility_gap', keyless.id)?.detail).toBe(`未落实包联领导、责任单位、责任人（${cnDate(testDaysAgo(0))}起亮黄灯）`);
    expect(item('red_project', keyless.id)).toBeUndefined();

    const brief = await ctx.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/brief.docx`, headers: { cookie: boss.cookie! } });
    expect(brief.statusCode).toBe(200);
    const text = docxText(brief.rawPayload);
    const short = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
    expect(text).toContain(`自上次调度会（${short(testDaysAgo(7))}）以来新亮红灯项目1个：河津新亮红灯项目（${short(testDaysAgo(3))}，节点“测试节点”超期3天）`);
    expect(text).toContain(`新亮黄灯项目1个：河津省重点无包联项目（${short(testDaysAgo(0))}，未落实包联领导、责任单位、责任人）`);
    expect(text).not.toContain(`河津长期红灯项目（${short(testDaysAgo(10))}`);
    expect(text).toContain('河津长期红灯项目（红灯）：项目亮红灯（节点“测试节点”超期3天）');

    // Naming the three takes it off the agenda on the next refresh.
    const p = (await boss.get(`/api/projects/${keyless.id}`)).body;
    const named = await boss.patch(`/api/projects/${keyless.id}`, {
      version: p.version,
      leaderUserId: demoId('user:hejin'),
      officerUserId: demoId('user:hejin'),
      departmentId: (await ctx.database.query<{ id: string }>(`select id from departments where zone_id = $1 order by name limit 1`, [hejin]))[0].id,
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.flag).toBe('green');
    const fresh = (await boss.call(meetingOperations.get, { params: { id: m.id } })).body;
    const regen = await boss.call(meetingOperations.regenerateAgenda, { params: { id: m.id }, body: { version: fresh.version } });
    expect(regen.status, JSON.stringify(regen.body)).toBe(200);
    expect(regen.body.agenda.find((a) => a.kind === 'responsibility_gap' && a.refId === keyless.id)).toBeUndefined();
  }, 120_000);
});

/**
 * Issue 16: the 周调度简报 tells a node finished after its date (with the days it was late) apart from
 * one still behind, which alone counts as 进度滞后. Own context: 河津 has no meeting but these.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDaysAgo } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildHejinProject, buildMeeting, buildSlippedMilestone, docxText, hejin } from './dispatch.factories.ts';

let ctx: TestContext;
let boss: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  boss = await ctx.login('hejin');
});
afterAll(() => ctx.close());

const project = (overrides: Record<string, unknown>) => buildHejinProject(boss, overrides);

describe('the brief on slipped nodes', () => {
  it('the brief tells a node finished late (with its days) apart from one still behind', async () => {
    const late = await project({ name: '河津延期完成项目' });
    const behind = await project({ name: '河津节点滞后项目' });
    const last = await buildMeeting(boss, { zoneId: hejin, heldOn: testDaysAgo(14), title: '前次调度会' });
    expect(last.id).toBeTruthy();
    // Planned 10 days ago, done 7 days ago: finished, three days late. Planned 5 days ago, open: five days behind.
    await ctx.database.query(
      `insert into project_milestones (zone_id, project_id, sort_order, name, planned_on, actual_on)
       select zone_id, id, 901, '主体封顶', $2::date, $3::date from projects where id = $1`,
      [late.id, testDaysAgo(10), testDaysAgo(7)],
    );
    await buildSlippedMilestone(ctx.database, behind.id, testDaysAgo(5), '设备进场');
    const m = await buildMeeting(boss, { zoneId: hejin, title: '节点调度会' });
    const brief = await ctx.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/brief.docx`, headers: { cookie: boss.cookie! } });
    const text = docxText(brief.rawPayload);
    const short = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
    expect(text).toContain(`河津节点滞后项目：“设备进场”计划${short(testDaysAgo(5))}完成，目前尚未完成（已超期5天）`);
    expect(text).toContain(`本期延期完成节点1个：河津延期完成项目“主体封顶”计划${short(testDaysAgo(10))}完成，实际${short(testDaysAgo(7))}完成（延期3天）`);
    // Not numbered among the projects behind schedule.
    expect(text).not.toMatch(/[（(][一二三四五六七八九十]+[）)]河津延期完成项目/);
  }, 120_000);
});

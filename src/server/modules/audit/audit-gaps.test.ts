/**
 * Issue 17 item 7, audit gaps: saved views, notification reads and language changes are audited,
 * and the 工作台's 最近变更 carries before/after only for a role that may read the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadViewOperations } from '../../../contract/leads.ts';
import { notificationOperations } from '../../../contract/notifications.ts';
import { workbenchOperations } from '../../../contract/workbench.ts';
import { auditOperations } from '../../../contract/audit.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildLead } from '../leads/leads.factories.ts';
import { demoId } from '../../seed/demo-ids.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const entries = (action: string, entityId: string) =>
  ctx.database.query<{ actor_id: string; before: unknown; after: unknown }>(`select actor_id, before, after from audit_log where action = $1 and entity_id = $2`, [action, entityId]);

describe('audit gaps', () => {
  it('saving and deleting a view of the lead list is audited', async () => {
    const officer = await ctx.login('officer');
    const view = await officer.call(leadViewOperations.create, { body: { name: '我的意向', query: { stage: 'intent' } } });
    expect(view.status).toBe(201);
    expect(await entries('saved_view.create', view.body.id)).toEqual([
      { actor_id: demoId('user:officer'), before: null, after: { id: view.body.id, name: '我的意向', query: { stage: 'intent' } } },
    ]);
    expect((await officer.call(leadViewOperations.remove, { params: { id: view.body.id } })).status).toBe(200);
    expect(await entries('saved_view.delete', view.body.id)).toHaveLength(1);
  });

  it('reading a notice, and reading all, is audited once (not again when nothing changed)', async () => {
    const viewer = await ctx.login('viewer');
    const userId = demoId('user:viewer');
    const rows = await ctx.database.query<{ id: string }>(
      `insert into notifications (zone_id, user_id, kind, title) values ($1, $2, 'test', '测试一'), ($1, $2, 'test', '测试二'), ($1, $2, 'test', '测试三') returning id`,
      [demoId('zone:fendong'), userId],
    );
    expect((await viewer.call(notificationOperations.markRead, { params: { id: rows[0].id } })).status).toBe(200);
    await viewer.call(notificationOperations.markRead, { params: { id: rows[0].id } });
    expect(await entries('notification.read', rows[0].id)).toHaveLength(1);
    expect((await viewer.call(notificationOperations.markAllRead)).status).toBe(200);
    const all = await entries('notification.read_all', userId);
    expect(all).toHaveLength(1);
    expect((all[0].after as { count: number }).count).toBeGreaterThanOrEqual(2);
  });

  it('最近变更 shows before/after only to a role with audit.read (as GET /api/audit does)', async () => {
    const officer = await ctx.login('officer');
    await buildLead(officer, { name: '审计快照测试线索' });
    expect((await officer.call(auditOperations.list)).status).toBe(403);
    const mine = (await officer.call(workbenchOperations.get)).body.recentChanges;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.before === null && e.after === null)).toBe(true);
    const leader = await ctx.login('leader');
    const theirs = (await leader.call(workbenchOperations.get)).body.recentChanges;
    expect(theirs.some((e) => e.after !== null)).toBe(true);
  });
});

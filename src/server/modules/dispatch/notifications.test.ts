import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOperations } from '../../../contract/notifications.ts';
import { testDaysAgo } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { renderNotification } from '../../platform/notifications.ts';
import { buildBlocker, fendong, user } from './dispatch.factories.ts';
import './dispatch.notifications.ts';

let ctx: TestContext;
let officer: Client;
let projects: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, projects] = await Promise.all([ctx.login('officer'), ctx.login('projects')]);
});
afterAll(() => ctx.close());

describe('notifications (a platform service; dispatch raises them)', () => {
  it('lists mine, counts unread, marks read; another user cannot touch mine', async () => {
    await buildBlocker(officer, { title: '通知用堵点', responsibleUserId: user('projects') });
    const inbox = (await projects.call(notificationOperations.list)).body;
    expect(inbox.unread).toBeGreaterThan(0);
    const unread = inbox.items.find((n) => !n.read)!;
    expect((await officer.post(`/api/notifications/${unread.id}/read`)).status).toBe(404);
    const marked = await projects.call(notificationOperations.markRead, { params: { id: unread.id } });
    expect(marked.body.unread).toBe(inbox.unread - 1);
    expect((await projects.call(notificationOperations.markAllRead)).body.unread).toBe(0);
    expect((await projects.call(notificationOperations.unreadCount)).body.unread).toBe(0);
  });

  it('stores the kind and its params, not text; the reader’s language renders the title and body', async () => {
    const b = await buildBlocker(officer, { title: '消防通道未打通', responsibleUserId: user('projects'), deadlineOn: testDaysAgo(-10) });
    const [row] = await ctx.database.query<{ title: string | null; body: string | null; params: Record<string, unknown> }>(
      'select title, body, params from notifications where entity_id = $1',
      [b.id],
    );
    expect(row).toMatchObject({ title: null, body: null, params: { title: '消防通道未打通', deadlineOn: testDaysAgo(-10) } });
    const zh = (await projects.call(notificationOperations.list)).body.items.find((n) => n.entityId === b.id)!;
    expect(zh.title).toBe('新堵点待协调：消防通道未打通');
    expect(zh.body).toMatch(/^办理期限\d{4}年\d{1,2}月\d{1,2}日$/);
    const en = await projects.request('GET', '/api/notifications', undefined, { 'accept-language': 'en-US' });
    const item = en.body.items.find((n: { entityId: string }) => n.entityId === b.id);
    expect(item).toMatchObject({ title: 'New blocker to coordinate: 消防通道未打通', body: `Due ${testDaysAgo(-10)}` });
  });

  it('an old row with a stored title is shown as stored', async () => {
    await ctx.database.query(
      `insert into notifications (zone_id, user_id, kind, title, body, entity_type) values ($1, $2, 'blocker.escalated', '旧消息标题', '旧消息正文', 'blocker')`,
      [fendong, user('projects')],
    );
    const item = (await projects.call(notificationOperations.list)).body.items.find((n) => n.title === '旧消息标题');
    expect(item).toMatchObject({ body: '旧消息正文', kind: 'blocker.escalated' });
    expect(renderNotification({ kind: 'unknown.kind', params: null, title: null, body: null }, 'en-US')).toEqual({ title: 'unknown.kind', body: null });
  });
});

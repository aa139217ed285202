import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockerOperations, dispatchSettingsOperations } from '../../../contract/dispatch.ts';
import { notificationOperations } from '../../../contract/notifications.ts';
import { testClock } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildBlocker, fendong, user } from './dispatch.factories.ts';

/**
 * The escalation clock on the official calendar. The harness's clock (TEST_NOW) runs these tests,
 * except where a scenario is about a particular holiday: 清明 2026 needs its own days, so those
 * steps set the day explicitly, and every assertion counts only this test's records (whatever the
 * demo seeded around TEST_NOW may escalate meanwhile).
 */
let ctx: TestContext;
let day: string | null = null;
const clock = () => (day ? new Date(`${day}T10:00:00+08:00`) : testClock());
const casting = demoId('project:hengyuan-casting'); // 包联领导: deputy (刘卫东)
let leader: Client;
let officer: Client;

/** Moves the clock to a day (null: back to the harness's clock) and signs in again there, as sessions expire with time. */
async function setDay(next: string | null) {
  day = next;
  [leader, officer] = await Promise.all([ctx.login('leader'), ctx.login('officer')]);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  await setDay(null);
});
afterAll(() => ctx.close());

/** The notices a user has about one record. */
const noticesOf = async (client: Client, entityId: string) =>
  (await client.call(notificationOperations.list, { query: { limit: 200 } })).body.items.filter((n) => n.entityId === entityId);

describe('automatic escalation on the official calendar', () => {
  it('escalates one level per 3 working days overdue, skipping 清明, on read, idempotently, notifying each new owner', async () => {
    await setDay('2026-04-01');
    const b = await buildBlocker(officer, {
      projectId: casting,
      title: '设备进场道路未硬化',
      category: 'utilities',
      raisedOn: '2026-04-01',
      deadlineOn: '2026-04-03',
      responsibleUserId: user('agent'),
    });
    const get = async () => (await officer.call(blockerOperations.get, { params: { id: b.id } })).body;

    // Deadline Fri 3 April; 4–6 April is 清明 (off): 3 working days overdue is Thu 9 April.
    await setDay('2026-04-08');
    expect(await get()).toMatchObject({ level: 'task_force', overdue: true, overdueWorkdays: 2 });
    await setDay('2026-04-09');
    const deputy = await ctx.login('deputy');
    expect(await noticesOf(deputy, b.id)).toHaveLength(0);
    const board = await officer.call(blockerOperations.list, { query: { zoneId: fendong } });
    const onBoard = board.body.items.find((x) => x.id === b.id);
    expect(onBoard).toMatchObject({ level: 'leader', ownerName: '刘卫东', levelSince: '2026-04-09' });
    // Overdue first on the board.
    const firstNotOverdue = board.body.items.findIndex((x) => !x.overdue);
    expect(board.body.items.slice(firstNotOverdue).some((x) => x.overdue)).toBe(false);
    // The project's 包联领导 (刘卫东) is notified, once.
    expect((await noticesOf(deputy, b.id)).map((n) => n.title)).toEqual(['堵点提级至包联领导：设备进场道路未硬化']);
    // Reading again the same day changes nothing.
    await officer.get('/api/blockers');
    await get();
    expect((await get()).events.filter((e) => e.kind === 'escalated')).toHaveLength(1);

    // Nobody looks for a while: the next read catches up, one step per period, each dated the day it fell due.
    await setDay('2026-04-20');
    const later = await get();
    expect(later.level).toBe('main_leader');
    expect(later.events.filter((e) => e.kind === 'escalated').map((e) => [e.on, e.toValue, e.automatic])).toEqual([
      ['2026-04-09', 'leader', true],
      ['2026-04-14', 'meeting', true],
      ['2026-04-17', 'main_leader', true],
    ]);
    const leaderInbox = await noticesOf(leader, b.id);
    expect(leaderInbox.map((n) => n.title).sort()).toEqual(['堵点提级至主要领导：设备进场道路未硬化', '堵点提级至周调度会：设备进场道路未硬化']);
    expect(leaderInbox.map((n) => n.body)).toContain('超期未解决，已于2026年4月17日自动提级，请协调解决。');
    // At the top it stays.
    await setDay('2026-05-20');
    expect((await get()).events.filter((e) => e.kind === 'escalated')).toHaveLength(3);
    await setDay(null);
  });

  it('the period is a zone setting, set by the zone leader', async () => {
    expect((await leader.call(dispatchSettingsOperations.get, { query: { zoneId: fendong } })).body).toMatchObject({ escalationWorkdays: 3, version: 0 });
    expect((await officer.request('PUT', '/api/dispatch/settings', { zoneId: fendong, escalationWorkdays: 5 })).status).toBe(403);
    const put = await leader.call(dispatchSettingsOperations.put, { body: { zoneId: fendong, escalationWorkdays: 1 } });
    expect(put.body).toMatchObject({ escalationWorkdays: 1, version: 1 });
    // A changed setting needs the version read.
    expect((await leader.request('PUT', '/api/dispatch/settings', { zoneId: fendong, escalationWorkdays: 2 })).status).toBe(409);
    expect((await leader.request('PUT', '/api/dispatch/settings', { zoneId: fendong, escalationWorkdays: 2, version: 7 })).status).toBe(409);
    // Monday 1 June 2026, due the same day: one working day later (Tuesday) it is at the next level.
    await setDay('2026-06-01');
    const b = await buildBlocker(officer, { title: '电力增容', category: 'utilities', raisedOn: '2026-06-01', deadlineOn: '2026-06-01' });
    await setDay('2026-06-02');
    expect((await officer.call(blockerOperations.get, { params: { id: b.id } })).body.level).toBe('leader');
    await setDay(null);
    const back = await leader.call(dispatchSettingsOperations.put, { body: { zoneId: fendong, escalationWorkdays: 3, version: 1 } });
    expect(back.body).toMatchObject({ escalationWorkdays: 3, version: 2 });
  });
});

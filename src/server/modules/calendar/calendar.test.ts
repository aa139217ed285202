import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('calendar administration', () => {
  it('lists the published days of 2026 and flags 2027 as not yet published', async () => {
    const officer = await ctx.login('officer');
    const y2026 = (await officer.get('/api/calendar/days?year=2026')).body;
    expect(y2026.published).toBe(true);
    expect(y2026.publishedDays).toEqual(expect.arrayContaining([{ day: '2026-10-10', kind: 'workday', name: '国庆节调休' }]));
    expect((await officer.get('/api/calendar/days?year=2027')).body.published).toBe(false);
  });

  it('an admin extends 2027 and working-day clocks follow at once', async () => {
    const admin = await ctx.login('admin');
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&to=2027-01-04')).body.workdays).toBe(2);
    const put = await admin.request('PUT', '/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' });
    expect(put.status).toBe(200);
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&to=2027-01-04')).body.workdays).toBe(1);
    const stale = await admin.request('PUT', '/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦假期' });
    expect(stale.status).toBe(409);
    const updated = await admin.request('PUT', '/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦假期', version: 1 });
    expect(updated.body.version).toBe(2);
    expect((await admin.request('DELETE', '/api/calendar/days/2027-01-01?version=2')).status).toBe(200);
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&to=2027-01-04')).body.workdays).toBe(2);
    const history = await admin.get('/api/audit?entityType=calendar_day&entityId=2027-01-01');
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['calendar.delete', 'calendar.update', 'calendar.create']);
  });

  it('only admins edit; a bad date is named', async () => {
    const leader = await ctx.login('leader');
    expect((await leader.request('PUT', '/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' })).status).toBe(403);
    const admin = await ctx.login('admin');
    const bad = await admin.request('PUT', '/api/calendar/days/2027-13-01', { kind: 'holiday', name: '元旦' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0]).toMatchObject({ field: 'params.day', reason: '日期格式应为 YYYY-MM-DD' });
  });
});

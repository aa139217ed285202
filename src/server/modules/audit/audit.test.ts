import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildProject, fendong } from '../projects/projects.factories.ts';

let ctx: TestContext;
let leader: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  leader = await ctx.login('leader');
});
afterAll(() => ctx.close());

describe('audit log', () => {
  it("shows the actor's display name and the names of the records an entry mentions", async () => {
    const officer = await ctx.login('projects');
    const created = await officer.post('/api/projects', buildProject({ name: '审计可读性测试项目' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const p = created.body;
    const updated = await officer.patch(`/api/projects/${p.id}`, { version: p.version, totalInvestmentWan: 14000 });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);

    const res = await leader.get(`/api/audit?entityType=project&entityId=${p.id}`);
    expect(res.status).toBe(200);
    const [update, create] = res.body.items;
    expect(update).toMatchObject({ action: 'project.update', actorName: '王磊', actorId: demoId('user:projects') });
    expect(create.action).toBe('project.create');
    expect(update.names[p.id]).toBe('审计可读性测试项目');
    expect(update.names[fendong]).toBeTruthy();
    // the whole log and the 工作台 read the same way
    const log = await leader.get('/api/audit?pageSize=5');
    expect(log.body.items[0]).toMatchObject({ entityId: p.id, actorName: '王磊' });
    const workbench = await leader.get('/api/workbench');
    expect(workbench.body.recentChanges[0]).toMatchObject({ entityId: p.id, actorName: '王磊' });
  });

  it('reads old rows that recorded the login name, and the server itself as system', async () => {
    const { db } = ctx.database;
    await recordAudit(
      db,
      { id: demoId('user:officer'), name: 'officer' },
      { zoneId: fendong, action: 'lead.update', entityType: 'lead', entityId: 'not-a-uuid' },
    );
    await recordAudit(db, systemActor, {
      zoneId: fendong,
      action: 'blocker.auto_escalate',
      entityType: 'blocker',
      entityId: 'x',
      after: { ownerUserId: demoId('user:officer') },
    });
    const res = await leader.get('/api/audit?pageSize=2');
    const [system, old] = res.body.items;
    expect(old).toMatchObject({ actorName: '李婷', names: {} });
    expect(system).toMatchObject({ actorId: null, actorName: 'system', names: { [demoId('user:officer')]: '李婷' } });
  });
});

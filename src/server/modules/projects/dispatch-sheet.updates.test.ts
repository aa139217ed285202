/**
 * Issue 11 items 6 and 7 on the 重点项目调度表, on the real database: a row naming an existing
 * project is an update whose changes (old → new) the preview lists; an unknown 责任单位 can be mapped
 * to one of the zone's departments (remembered for the next import); updates can be refused at
 * commit; a project edited since the upload makes the commit a version conflict, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { fendong, lastMonth } from './projects.factories.ts';

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
});
afterAll(() => ctx.close());

const upload = (file: Buffer) => uploadXlsx(ctx, officer, `/api/imports?kind=project-dispatch&zoneId=${fendong}&period=${lastMonth().start}`, file);

/** A project of the zone without phases (its 总投资 may rise freely), and a department of the zone. */
async function target() {
  const [project] = await ctx.database.query<{ id: string; name: string; total: string; version: number; department_id: string | null }>(
    `select id, name, total_investment_yuan as total, version, department_id from projects p where zone_id = $1 and total_investment_yuan is not null
       and not exists (select 1 from project_phases f where f.project_id = p.id) order by name limit 1`,
    [fendong],
  );
  const [department] = await ctx.database.query<{ id: string; name: string }>(
    'select id, name from departments where zone_id = $1 and id is distinct from $2 order by name limit 1',
    [fendong, project.department_id],
  );
  return { project, department };
}

describe('re-importing the dispatch sheet', () => {
  it('lists the update old → new, maps an unknown 责任单位 to a department (remembered), and writes only accepted updates', async () => {
    const { project, department } = await target();
    const newTotalWan = Number(project.total) / 10_000 + 1;
    const file = () => buildXlsx(['项目名称', '总投资（万元）', '责任单位'], [[project.name, newTotalWan, '调度更新测试某某局']]);
    const staged = await upload(await file());
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body.names).toContainEqual(expect.objectContaining({ field: 'department', text: '调度更新测试某某局', resolution: 'create' }));
    expect(staged.body.nameActions.department).toEqual(['create', 'map', 'blank']);
    expect(staged.body.updates.count).toBe(1);
    expect(staged.body.updates.items[0]).toMatchObject({ entity: 'project', id: project.id, label: project.name });
    expect(staged.body.updates.items[0].changes).toContainEqual({ field: 'total', label: '总投资（万元）', before: String(Number(project.total) / 10_000), after: String(newTotalWan) });

    // The user maps the new name to an existing department: no department is created, the diff names it.
    const chosen = await officer.call(importOperations.names, {
      params: { id: staged.body.id },
      body: { choices: [{ field: 'department', text: '调度更新测试某某局', action: 'map', targetId: department.id }] },
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.names).toContainEqual(expect.objectContaining({ field: 'department', resolution: 'map', matchName: department.name, chosen: true }));
    expect(chosen.body.plan.departmentsCreated ?? 0).toBe(0);
    expect(chosen.body.updates.items[0].changes).toContainEqual(expect.objectContaining({ field: 'department', after: department.name }));

    // Refusing every update leaves nothing to write.
    const none = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all', updates: 'none' } });
    expect(none.status).toBe(400);
    const done = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const [after] = await ctx.database.query<{ total: string; department_id: string; version: number }>(
      'select total_investment_yuan as total, department_id, version from projects where id = $1',
      [project.id],
    );
    expect(after).toMatchObject({ department_id: department.id, version: project.version + 1 });
    expect(Number(after.total)).toBe(newTotalWan * 10_000);

    // The next sheet naming that 责任单位 follows the choice.
    const next = await upload(await file());
    expect(next.body.names).toContainEqual(expect.objectContaining({ field: 'department', resolution: 'map', targetId: department.id, chosen: true }));
    await officer.call(importOperations.discard, { params: { id: next.body.id } });
  });

  it('a project edited since the upload refuses the commit (409), writing nothing', async () => {
    const { project } = await target();
    const staged = await upload(await buildXlsx(['项目名称', '总投资（万元）'], [[project.name, Number(project.total) / 10_000 + 7]]));
    await ctx.database.query('update projects set version = version + 1 where id = $1', [project.id]);
    const res = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
    expect(res.status).toBe(409);
    const [after] = await ctx.database.query<{ total: string }>('select total_investment_yuan as total from projects where id = $1', [project.id]);
    expect(Number(after.total)).toBe(Number(project.total));
    expect((await officer.call(importOperations.get, { params: { id: staged.body.id } })).body.status).toBe('staged');
  });
});

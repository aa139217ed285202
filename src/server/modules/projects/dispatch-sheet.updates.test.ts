/**
 * Issue 11 items 6 and 7 on the 重点项目调度表, on the real database: a row naming an existing
 * project is an update whose changes (old → new) the preview lists; an unknown 责任单位 can be mapped
 * to one of the zone's departments (remembered for the next import); updates can be refused at
 * commit; a project edited since the upload makes the commit a version conflict, writing nothing;
 * figures for a period already reported are a conflict the user resolves (keep the report or take
 * the sheet's), never overwritten quietly, and undone like the rest.
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

  it("figures for a period already reported are a conflict: listed filed → sheet, refused until chosen, kept or taken per row, undone", async () => {
    const period = lastMonth().start;
    const head = ['项目名称', '总投资（万元）', '本期完成投资（万元）', '本期进展情况'];
    const names = ['调度冲突测试项目甲', '调度冲突测试项目乙'];
    // First sheet: two new projects with this period's figures (no conflict: nothing was filed).
    const first = await upload(await buildXlsx(head, [[names[0], 1000, 100, '桩基施工'], [names[1], 2000, 200, '主体施工']]));
    expect(first.body.updates.conflicts).toBe(0);
    expect((await officer.call(importOperations.commit, { params: { id: first.body.id }, body: { mode: 'all' } })).status).toBe(200);
    const reports = async () =>
      Object.fromEntries(
        (
          await ctx.database.query<{ name: string; invested: string; text: string | null; version: number }>(
            `select p.name, r.invested_yuan as invested, r.progress_text as text, r.version from progress_reports r join projects p on p.id = r.project_id
              where p.name = any($1) and r.period_start = $2`,
            [names, period],
          )
        ).map((r) => [r.name, { invested: Number(r.invested), text: r.text, version: r.version }]),
      );
    const filed = await reports();
    expect(filed[names[0]].invested).toBe(1_000_000);

    // The sheet again with other figures for the same period: each project a conflict, filed → sheet.
    const again = async () => upload(await buildXlsx(head, [[names[0], 1000, 150, '主体封顶'], [names[1], 2000, 260, '设备安装']]));
    const second = await again();
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.errorCount).toBe(0);
    expect(second.body.updates).toMatchObject({ count: 2, conflicts: 2, unchanged: 0 });
    const [a, b] = second.body.updates.items;
    expect(a).toMatchObject({ label: names[0], changes: [] });
    expect(a.conflict).toEqual([
      { field: 'periodDone', label: '本期完成投资（万元）', before: '100', after: '150' },
      { field: 'progressText', label: '本期进展情况', before: '桩基施工', after: '主体封顶' },
    ]);

    // Not chosen: refused in the user's words, nothing written, still staged.
    const unresolved = await officer.call(importOperations.commit, { params: { id: second.body.id }, body: { mode: 'all' } });
    expect(unresolved.status).toBe(400);
    expect(unresolved.body.details.fields).toEqual([{ field: 'conflicts', reason: expect.stringContaining('保留已有') }]);
    const stray = await officer.call(importOperations.commit, { params: { id: second.body.id }, body: { mode: 'all', conflicts: [a.key, 999_999_999] } });
    expect(stray.status).toBe(400);
    expect(stray.body.details.fields).toEqual([{ field: 'conflicts.1', reason: '不是本次导入中的冲突行' }]);
    expect(await reports()).toEqual(filed);
    expect((await officer.call(importOperations.get, { params: { id: second.body.id } })).body.status).toBe('staged');

    // Per row: the sheet's for 甲, the filed report kept for 乙.
    const done = await officer.call(importOperations.commit, { params: { id: second.body.id }, body: { mode: 'all', conflicts: [a.key] } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.committed).toMatchObject({ projectsUpdated: 2, reportsWritten: 1, reportsKept: 1 });
    const after = await reports();
    expect(after[names[0]]).toMatchObject({ invested: 1_500_000, text: '主体封顶' });
    expect(after[names[1]]).toEqual(filed[names[1]]);
    const [entry] = await ctx.database.query<{ after: { conflicts: unknown } }>(`select after from audit_log where action = 'import.commit' and entity_id = $1`, [second.body.id]);
    expect(entry.after.conflicts).toEqual({ sheet: 1, existing: 1 });
    const kept = await ctx.database.query<{ name: string }>(
      `select p.name from audit_log a join projects p on p.id::text = a.entity_id where a.action = 'project.import_update' and a.after->>'periodReportKept' = 'true'`,
    );
    expect(kept).toEqual([{ name: names[1] }]);

    // Undo gives 甲 its filed report back.
    const undone = await officer.call(importOperations.undo, { params: { id: second.body.id } });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const back = await reports();
    expect(back[names[0]]).toMatchObject({ invested: 1_000_000, text: '桩基施工' });
    expect(back[names[1]]).toEqual(filed[names[1]]);

    // "For all": existing keeps every report; sheet takes every one.
    const third = await again();
    expect((await officer.call(importOperations.commit, { params: { id: third.body.id }, body: { mode: 'all', conflicts: 'existing' } })).status).toBe(200);
    expect(Object.values(await reports()).map((r) => r.invested)).toEqual(expect.arrayContaining([1_000_000, 2_000_000]));
    const fourth = await again();
    expect((await officer.call(importOperations.commit, { params: { id: fourth.body.id }, body: { mode: 'all', conflicts: 'sheet' } })).status).toBe(200);
    expect(Object.values(await reports()).map((r) => r.invested).sort()).toEqual([1_500_000, 2_600_000]);
  });

  it('pages through every update (GET …/updates), and { except } writes all updates but those', async () => {
    const projects = await ctx.database.query<{ id: string; name: string; total: string }>(
      `select id, name, total_investment_yuan as total from projects p where zone_id = $1 and total_investment_yuan is not null
         and not exists (select 1 from project_phases f where f.project_id = p.id) order by name limit 3`,
      [fendong],
    );
    const staged = await upload(await buildXlsx(['项目名称', '总投资（万元）'], projects.map((p) => [p.name, Number(p.total) / 10_000 + 11])));
    expect(staged.body.updates.count).toBe(3);
    const page = (offset: number, limit: number) => officer.call(importOperations.updates, { params: { id: staged.body.id }, query: { offset, limit } });
    const first = await page(0, 2);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ count: 3, listed: 3, offset: 0 });
    expect(first.body.items).toHaveLength(2);
    const rest = await page(2, 2);
    expect(rest.body.items.map((u: { key: number }) => u.key)).toEqual([staged.body.updates.items[2].key]);
    expect((await page(0, 501)).status).toBe(400);
    const skipped = first.body.items[1];
    const done = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all', updates: { except: [skipped.key] } } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.committed).toMatchObject({ projectsUpdated: 2 });
    const [untouched] = await ctx.database.query<{ total: string }>('select total_investment_yuan as total from projects where id = $1', [skipped.id]);
    expect(Number(untouched.total)).toBe(Number(projects.find((p) => p.id === skipped.id)!.total));
    await officer.call(importOperations.undo, { params: { id: staged.body.id } });
  });
});

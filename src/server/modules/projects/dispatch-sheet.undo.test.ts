/**
 * Undo of a committed 重点项目调度表 (issue 11 item 10, docs/imports.md Undo), on the real database:
 * the projects it created go with their template plan, reports, plans and investors; the projects
 * it updated get their fields, annual plan and reports back; an edit of one record since refuses
 * the undo naming it, and nothing is undone then. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { fendong, lastMonth } from './projects.factories.ts';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/samples/excel');

let ctx: TestContext;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('projects');
});
afterAll(() => ctx.close());

const TABLES = ['projects', 'project_milestones', 'project_approvals', 'project_stage_events', 'progress_reports', 'project_annual_plans', 'enterprises', 'departments'];
const footprint = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await ctx.rowCount(t)] as const)));

const upload = (file: Buffer, period?: string) =>
  uploadXlsx(ctx, officer, `/api/imports?kind=project-dispatch&zoneId=${fendong}${period ? `&period=${period}` : ''}`, file, 'dispatch.xlsx');
/** Upload and commit; a figure conflicting with a report filed for the period takes the sheet's. */
async function commit(file: Buffer, period?: string) {
  const staged = await upload(file, period);
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errorCount, JSON.stringify(staged.body.errors)).toBe(0);
  const done = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all', conflicts: 'sheet' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { staged: staged.body, done: done.body };
}
const undo = (id: string) => officer.call(importOperations.undo, { params: { id } });

/** Projects of the zone without phases (a 总投资 may rise freely), by name. */
async function targets() {
  return ctx.database.query<{ id: string; name: string; total: string; version: number }>(
    `select id, name, total_investment_yuan as total, version from projects p where zone_id = $1 and total_investment_yuan is not null
       and not exists (select 1 from project_phases f where f.project_id = p.id) order by name limit 2`,
    [fendong],
  );
}
/** What the sheet may write to a project, as stored. */
async function state(id: string, year: number, periodStart: string) {
  const [project] = await ctx.database.query(
    `select name, investor_enterprise_id, nature, level, sector_text, construction_content, planned_start_year, planned_end_year,
       total_investment_yuan::text as total, department_id, officer_user_id, leader_user_id from projects where id = $1`,
    [id],
  );
  const plans = await ctx.database.query('select plan_yuan::text as plan from project_annual_plans where project_id = $1 and year = $2', [id, year]);
  const reports = await ctx.database.query('select invested_yuan::text as invested, progress_text, problems from progress_reports where project_id = $1 and period_start = $2::date', [id, periodStart]);
  return { project, plans, reports };
}

describe('undo of a committed dispatch sheet', () => {
  const sample = readFileSync(path.join(samples, '01-taiyuan-progress.xlsx'));

  it('removes what the sample sheet created (projects with their template plan, reports, plans, investors, departments); the sheet imports again', async () => {
    const before = await footprint();
    const { staged, done } = await commit(sample);
    expect(done.committed?.projectsCreated).toBe(staged.totalRows);
    expect(done.undoUntil).not.toBeNull();
    // The plan is written on first use: opening a created project writes it, and an opened but
    // unedited project is still undone with the rest.
    expect(await ctx.rowCount('project_milestones')).toBe(before.project_milestones);
    const [opened] = await ctx.database.query<{ id: string }>(`select id from projects where plan_pending limit 1`);
    expect((await officer.get(`/api/projects/${opened.id}`)).status).toBe(200);
    expect(await ctx.rowCount('project_milestones')).toBeGreaterThan(before.project_milestones);

    const undone = await undo(staged.id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(undone.body.undoUntil).toBeNull();
    expect(await footprint()).toEqual(before);
    const [entry] = await ctx.database.query<{ after: Record<string, number> }>(`select after from audit_log where action = 'import.undo' and entity_id = $1`, [staged.id]);
    expect(entry.after).toMatchObject({ kind: 'project-dispatch', projectsDeleted: staged.totalRows, projectsRestored: 0 });
    // A second undo finds nothing to undo.
    expect((await undo(staged.id)).status).toBe(400);

    // The names are free again: the same sheet imports as new projects.
    const again = await commit(sample);
    expect(again.done.committed?.projectsCreated).toBe(staged.totalRows);
  });

  it('refuses the undo after an edit of one created project, naming it, and undoes nothing', async () => {
    const { staged } = await commit(await buildXlsx(['项目名称', '总投资（万元）', '责任单位'], [['撤销测试新建项目甲', 1200, '撤销测试新设局'], ['撤销测试新建项目乙', 800, null]]));
    const [edited] = await ctx.database.query<{ id: string; version: number }>(`select id, version from projects where name = '撤销测试新建项目甲'`);
    const patched = await officer.patch(`/api/projects/${edited.id}`, { version: edited.version, sectorText: '改过的板块' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const before = await footprint();

    const refused = await undo(staged.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'project', id: edited.id, label: '撤销测试新建项目甲' }]);
    expect(await footprint()).toEqual(before);
    expect((await officer.call(importOperations.get, { params: { id: staged.id } })).body.status).toBe('committed');
  });

  it('refuses the undo when something new refers to a created project (a 三个一批 nomination of it)', async () => {
    const { staged } = await commit(await buildXlsx(['项目名称', '总投资（万元）'], [['撤销测试新建项目丙', 500]]));
    const [project] = await ctx.database.query<{ id: string }>(`select id from projects where name = '撤销测试新建项目丙'`);
    // A row of another table naming the project (its delete rule, set null, would have cleared it quietly).
    const [campaign] = await ctx.database.query<{ id: string }>(`insert into campaigns (zone_id, year, quarter, name) values ($1, 2031, 1, '撤销测试活动') returning id`, [fendong]);
    await ctx.database.query(`insert into campaign_entries (zone_id, campaign_id, batch, project_id, name) values ($1, $2, 'start', $3, '撤销测试新建项目丙')`, [fendong, campaign.id, project.id]);
    const refused = await undo(staged.id);
    expect(refused.status).toBe(409);
    expect(refused.body.details.changed).toEqual([{ entity: 'project', id: project.id, label: '撤销测试新建项目丙' }]);
    expect(await ctx.rowCount('projects', `where id = '${project.id}'`)).toBe(1);
  });

  it('shows an update old → new (总投资, 年度计划), and undo gives the project its fields, plan and report back', async () => {
    const [project] = await targets();
    const period = lastMonth();
    const year = Number(period.start.slice(0, 4));
    const was = await state(project.id, year, period.start);
    const totalWan = Number(project.total) / 10_000 + 3;
    const planWan = 4321;
    const before = await footprint();
    const { staged, done } = await commit(
      await buildXlsx(['项目名称', '总投资（万元）', '年度计划投资（万元）', '本期完成投资（万元）', '形象进度'], [[project.name, totalWan, planWan, 12, '撤销测试的形象进度']]),
      period.start,
    );
    const item = staged.updates.items.find((u: { id: string }) => u.id === project.id)!;
    expect(item.changes).toContainEqual(expect.objectContaining({ field: 'total', before: String(Number(project.total) / 10_000), after: String(totalWan) }));
    expect(item.changes).toContainEqual(expect.objectContaining({ field: 'annualPlan', after: String(planWan) }));
    expect(done.committed).toMatchObject({ projectsUpdated: 1 });
    expect((await state(project.id, year, period.start)).reports).toContainEqual(expect.objectContaining({ progress_text: '撤销测试的形象进度' }));

    const undone = await undo(staged.id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await state(project.id, year, period.start)).toEqual(was);
    expect(await footprint()).toEqual(before);
    const [{ version }] = await ctx.database.query<{ version: number }>('select version from projects where id = $1', [project.id]);
    expect(version).toBe(project.version + 2);
    expect(await ctx.rowCount('audit_log', `where action = 'project.import_undo' and entity_id = '${project.id}'`)).toBe(1);
  });

  it('refuses the undo after an edit of an updated project, naming it; the project created beside it stays', async () => {
    const [, project] = await targets();
    const { staged } = await commit(
      await buildXlsx(['项目名称', '总投资（万元）'], [
        [project.name, Number(project.total) / 10_000 + 5],
        ['撤销测试新建项目丁', 900],
      ]),
      lastMonth().start,
    );
    const [now] = await ctx.database.query<{ version: number }>('select version from projects where id = $1', [project.id]);
    expect((await officer.patch(`/api/projects/${project.id}`, { version: now.version, sectorText: '导入后改过' })).status).toBe(200);
    const before = await footprint();
    const refused = await undo(staged.id);
    expect(refused.status).toBe(409);
    expect(refused.body.details.changed).toEqual([{ entity: 'project', id: project.id, label: project.name }]);
    expect(await footprint()).toEqual(before);
    expect(await ctx.rowCount('projects', `where name = '撤销测试新建项目丁'`)).toBe(1);
  });
});

/**
 * The 重点项目调度表 import's undo side (docs/imports.md, Undo): what a commit records of what it wrote,
 * and the undo of a committed sheet as a whole. Kept apart from the importer's reading and writing.
 */
import type { Tx } from '../../db/client.ts';
import { chinaToday } from '../../platform/clock.ts';
import { undoConflict, type ImportRecord, type UndoInput } from '../../platform/imports/index.ts';
import type { DispatchRowData } from './dispatch-sheet.importer.ts';
import type { DispatchSheetRepository, ProjectFields, ReportWrite } from './dispatch-sheet.repository.ts';
import type { ProjectsRepository } from './projects.repository.ts';

/** What the sheet writes beside a new project (removed with it on undo); its own flag history is derived. */
export const PROJECT_PARTS = ['project_milestones', 'project_approvals', 'project_annual_plans', 'progress_reports', 'project_stage_events', 'project_flag_events'];

/** What an updated project's undo record keeps: its fields, and its annual plan of the year before and as the import left it. */
export interface UpdatedBefore {
  fields: ProjectFields;
  plan?: { year: number; planYuan: number | null; left: number };
}

/**
 * What a commit wrote, for undo: the projects, investors and departments it created (version 1),
 * the projects it updated (their fields and annual plan before, the version left), and the reports
 * it wrote on those (created, or updated with their values before). A new project's reports and
 * plan are its own: they go with it.
 */
export async function writtenRecords(
  tx: Parameters<DispatchSheetRepository['plansOf']>[0],
  w: {
    valid: DispatchRowData[];
    year: number;
    plans: { projectId: string; planYuan: number }[];
    reportKeys: ReportWrite[];
    plansBefore: Map<string, { planYuan: number; version: number }>;
    reportsBefore: Awaited<ReturnType<DispatchSheetRepository['reportsAt']>>;
    departments: string[];
    enterprises: string[];
    people: string[];
  },
  sheet: DispatchSheetRepository,
): Promise<ImportRecord[]> {
  const updated = w.valid.filter((r) => r.updated);
  const ids = updated.map((r) => r.updated!.id);
  const [versions, plansAfter, reportsAfter] = await Promise.all([sheet.projectVersions(tx, ids), sheet.plansOf(tx, ids, w.year), sheet.reportsAt(tx, w.reportKeys)]);
  const planned = new Set(w.plans.map((x) => x.projectId));
  const records: ImportRecord[] = [
    ...w.departments.map((id) => ({ entityType: 'department', entityId: id, action: 'created' as const, version: 1 })),
    ...w.enterprises.map((id) => ({ entityType: 'enterprise', entityId: id, action: 'created' as const, version: 1 })),
    ...w.people.map((id) => ({ entityType: 'user', entityId: id, action: 'created' as const, version: 1 })),
    ...w.valid.flatMap((r) => (r.created ? [{ entityType: 'project', entityId: r.created.id, action: 'created' as const, version: 1 }] : [])),
  ];
  for (const r of updated) {
    const id = r.updated!.id;
    const was = w.plansBefore.get(id);
    const now = plansAfter.get(id);
    const before: UpdatedBefore = { fields: r.before! };
    if (planned.has(id) && now && now.version !== was?.version) before.plan = { year: w.year, planYuan: was?.planYuan ?? null, left: now.version };
    records.push({ entityType: 'project', entityId: id, action: 'updated', version: versions.get(id) ?? null, before: before as never });
  }
  const key = (x: { project_id: string; period_start: string }) => `${x.project_id}:${x.period_start}`;
  const wasReport = new Map(w.reportsBefore.map((x) => [key(x), x]));
  for (const x of reportsAfter) {
    const was = wasReport.get(key(x));
    if (was && was.version === x.version) continue;
    records.push(
      was
        ? { entityType: 'progress_report', entityId: x.id, action: 'updated', version: x.version, before: { investedYuan: Number(was.invested_yuan), progressText: was.progress_text, problems: was.problems } }
        : { entityType: 'progress_report', entityId: x.id, action: 'created', version: x.version },
    );
  }
  return records;
}

/**
 * The sheet undone as a whole: the projects it created removed (with their template plan, stage
 * event, plans and reports), the investors and departments it created removed, the projects it
 * updated given their fields and annual plan back, the reports it wrote on them removed or put
 * back — unless any of these changed since (edited, or referred to by something new): then
 * nothing is undone and every such record is listed.
 */
export async function undoDispatchSheet(
  tx: Tx,
  { records, actor, zoneId, clock, referred, importId }: UndoInput,
  { sheet, projects }: { sheet: DispatchSheetRepository; projects: Pick<ProjectsRepository, 'refreshDerived' | 'auditMany'> },
) {
  const of = (type: string, action: ImportRecord['action']) => records.filter((r) => r.entityType === type && r.action === action);
  const createdProjects = of('project', 'created').map((r) => r.entityId);
  const updatedProjects = of('project', 'updated');
  const reportRecords = [...of('progress_report', 'created'), ...of('progress_report', 'updated')];
  const createdReports = of('progress_report', 'created').map((r) => r.entityId);
  const createdEnterprises = of('enterprise', 'created').map((r) => r.entityId);
  const createdDepartments = of('department', 'created').map((r) => r.entityId);
  const createdPeople = of('user', 'created').map((r) => r.entityId);
  const [projectNow, reportNow, enterpriseNow, departmentNow, personNow, touched, projectRefs, reportRefs] = await Promise.all([
    sheet.current(tx, 'projects', [...createdProjects, ...updatedProjects.map((u) => u.entityId)]),
    sheet.current(tx, 'progress_reports', reportRecords.map((r) => r.entityId)),
    sheet.current(tx, 'enterprises', createdEnterprises),
    sheet.current(tx, 'departments', createdDepartments),
    sheet.current(tx, 'users', createdPeople),
    sheet.createdProjectsChanged(tx, createdProjects),
    referred('projects', createdProjects, PROJECT_PARTS),
    referred('progress_reports', createdReports),
  ]);
  const changed: { entity: string; id: string; label: string }[] = [];
  const flag = (entity: string, id: string, now: Map<string, { label: string }>) => changed.push({ entity, id, label: now.get(id)?.label ?? id });
  for (const id of createdProjects) if (touched.has(id) || projectRefs.has(id)) flag('project', id, projectNow);
  const year = updatedProjects.map((u) => (u.before as unknown as UpdatedBefore).plan?.year).find((y) => y != null);
  const planNow = year == null ? new Map<string, { planYuan: number; version: number }>() : await sheet.plansOf(tx, updatedProjects.map((u) => u.entityId), year);
  for (const u of updatedProjects) {
    const plan = (u.before as unknown as UpdatedBefore).plan;
    if (projectNow.get(u.entityId)?.version !== u.version || (plan && planNow.get(u.entityId)?.version !== plan.left)) flag('project', u.entityId, projectNow);
  }
  for (const r of reportRecords) if (reportNow.get(r.entityId)?.version !== r.version || reportRefs.has(r.entityId)) flag('progress_report', r.entityId, reportNow);
  for (const id of createdEnterprises) if ((enterpriseNow.get(id)?.version ?? 1) !== 1) flag('enterprise', id, enterpriseNow);
  for (const id of createdDepartments) if ((departmentNow.get(id)?.version ?? 1) !== 1) flag('department', id, departmentNow);
  for (const id of createdPeople) if ((personNow.get(id)?.version ?? 1) !== 1) flag('user', id, personNow);
  if (changed.length) throw undoConflict(changed);

  const restored = updatedProjects.map((u) => ({ id: u.entityId, ...(u.before as unknown as UpdatedBefore).fields }));
  await sheet.restoreProjects(tx, restored);
  if (year != null)
    await sheet.restorePlans(
      tx,
      year,
      updatedProjects.flatMap((u) => {
        const plan = (u.before as unknown as UpdatedBefore).plan;
        return plan ? [{ projectId: u.entityId, planYuan: plan.planYuan }] : [];
      }),
    );
  const reportsBack = of('progress_report', 'updated').map((r) => ({ id: r.entityId, ...(r.before as { investedYuan: number; progressText: string | null; problems: string | null }) }));
  await sheet.restoreReports(tx, reportsBack);
  const reportsDeleted = await sheet.deleteWhere(tx, 'progress_reports', createdReports);
  const projectsDeleted = await sheet.deleteWhere(tx, 'projects', createdProjects);
  // The investors, departments and people go last: only a record of someone else's may still refer to them now.
  const [enterpriseRefs, departmentRefs, personRefs] = await Promise.all([
    referred('enterprises', createdEnterprises),
    referred('departments', createdDepartments),
    referred('users', createdPeople, ['user_zones']),
  ]);
  for (const id of createdEnterprises) if (enterpriseRefs.has(id)) flag('enterprise', id, enterpriseNow);
  for (const id of createdDepartments) if (departmentRefs.has(id)) flag('department', id, departmentNow);
  for (const id of createdPeople) if (personRefs.has(id)) flag('user', id, personNow);
  if (changed.length) throw undoConflict(changed);
  const enterprisesDeleted = await sheet.deleteWhere(tx, 'enterprises', createdEnterprises);
  const departmentsDeleted = await sheet.deleteWhere(tx, 'departments', createdDepartments);
  const peopleDeleted = await sheet.deleteWhere(tx, 'users', createdPeople);
  const undo = { undo: true, importId };
  await projects.auditMany(tx, actor, { zoneId, action: 'project.import_undo', entityType: 'project' }, [
    ...createdProjects.map((id) => ({ entityId: id, after: { ...undo, deleted: true, name: projectNow.get(id)?.label ?? null } })),
    ...restored.map((r) => ({ entityId: r.id, after: { ...undo, ...r } })),
  ]);
  if (restored.length) await projects.refreshDerived(tx, { projectIds: restored.map((r) => r.id) }, chinaToday(clock));
  return { projectsDeleted, projectsRestored: restored.length, reportsDeleted, reportsRestored: reportsBack.length, enterprisesDeleted, departmentsDeleted, ...(createdPeople.length ? { peopleDeleted } : {}) };
}

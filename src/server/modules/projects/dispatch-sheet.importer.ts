/**
 * The 重点项目调度表 as an importer of the staged-import engine (platform/imports, docs/imports.md):
 * each row is checked against the zone (enterprises, departments, people, existing projects and
 * their reports) at upload; the valid rows are written set-based in the engine's one transaction.
 * A project is matched by name: an existing one is updated (an empty cell never clears a field),
 * a new one gets the zone's template of milestones and approvals.
 */
import { randomUUID } from 'node:crypto';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { fromYuan } from '../../../contract/money.ts';
import { periodOf, previousPeriod } from '../../../contract/periods.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { chinaToday } from '../../platform/clock.ts';
import { fieldError } from '../../platform/errors.ts';
import { defineImporter, type ImportRow } from '../../platform/imports/index.ts';
import { cellText } from '../../platform/xlsx.ts';
import { enterpriseNameDirectory, normalizeEnterpriseName } from '../enterprises/index.ts';
import { AppError } from '../../platform/errors.ts';
import { dispatchColumns, levelByText, levelText, natureByText, natureText, type DispatchKey } from './dispatch-sheet.columns.ts';
import type { DispatchSheetRepository, NewProjectRow, ProjectFields, ProjectPatchRow, ReportWrite } from './dispatch-sheet.repository.ts';
import type { DispatchPeriod, DispatchSheetService } from './dispatch-sheet.service.ts';
import type { ProjectsRepository } from './projects.repository.ts';
import { undoDispatchSheet, writtenRecords } from './dispatch-sheet.undo.ts';

/** More data rows than this are refused while reading (a zone has hundreds of key projects, not 100k). */
export const DISPATCH_MAX_ROWS = 50_000;
export const DISPATCH_MAX_BYTES = 30 * 1024 * 1024;
const OPENING_BEFORE_YEAR = '期初数（调度表导入：以前年度累计）';
const OPENING_IN_YEAR = '期初数（调度表导入：本年以前各期累计）';


/** A department's name without the zone's prefix: "经开区经济发展局" ≈ "经济发展局". */
export function bareDepartment(name: string): string {
  return name.replace(/\s/g, '').replace(/^.{0,12}?(经济技术开发区|高新技术产业开发区|经开区|高新区|开发区|管委会|园区)/, '');
}

/** An enum word found inside a longer text (a section row "一、新建项目（6个）", a sheet name "省级重点"). */
function textEnum(text: string | null, m: Map<string, string>): string | null {
  if (!text) return null;
  const t = text.replace(/\s/g, '');
  const found = [...m.keys()].filter((k) => k.length >= 2 && /[\u4e00-\u9fff]/.test(k) && t.includes(k)).sort((a, b) => b.length - a.length)[0];
  return found ? m.get(found)! : null;
}

type NewEnterprise = { id: string; name: string; normalizedName: string; creditCode: string | null };
/** A person the sheet names that the user chose to create: a person record, not a login account (decision 025). */
export type NewPerson = { id: string; name: string; title: string | null };

/** What one valid row writes. */
export interface DispatchRowData {
  /** A department the zone did not have, made on commit. */
  newDepartment: { id: string; name: string } | null;
  /** People (包联领导, 责任人) the user chose to create as person records, made on commit. */
  newPeople: NewPerson[];
  /** Names kept as written (not a user of the zone). */
  unresolved: { field: string; text: string }[];
  created: NewProjectRow | null;
  updated: ProjectPatchRow | null;
  /** The version of the updated project read at upload (checked at commit). */
  version?: number;
  /** The updated project's fields as read at upload (the commit checks the version, so they are the ones it overwrites): kept for undo. */
  before?: ProjectFields;
  enterprise: NewEnterprise | null;
  planYuan: number | null;
  reports: ReportWrite[];
  /** At commit: the row conflicted with the period's report and the user kept the report (none of the row's reports written). */
  reportKept?: boolean;
}


export function dispatchSheetImporter(deps: {
  sheet: DispatchSheetRepository;
  periods: Pick<DispatchSheetService, 'resolvePeriod'>;
  projects: Pick<ProjectsRepository, 'template' | 'refreshDerived' | 'auditMany'>;
  audit: AuditWriter;
}) {
  const { sheet, periods, projects, audit } = deps;
  /** What a check looks up once for the whole zone: its projects by name, departments and people by name and by id. */
  async function zoneLookups(db: DbOrTx, zoneId: string) {
    const [existing, departments, people] = await Promise.all([sheet.projectsByName(db, zoneId), sheet.departments(db, zoneId), sheet.people(db, zoneId)]);
    // Departments by name, and by name without the zone's prefix (经开区经济发展局 ≈ 经济发展局).
    const deptByName = new Map<string, string | null>(departments.map((x) => [x.name.trim(), x.id]));
    for (const x of departments) {
      const bare = bareDepartment(x.name);
      if (!deptByName.has(bare)) deptByName.set(bare, x.id);
    }
    const personByName = new Map<string, string | null>();
    for (const u of people) personByName.set(u.display_name.trim(), personByName.has(u.display_name.trim()) ? null : u.id);
    const deptNameOf = new Map(departments.map((x) => [x.id, x.name]));
    const personNameOf = new Map(people.map((u) => [u.id, u.display_name]));
    return { existing, deptByName, deptNameOf, personByName, personNameOf };
  }
  return defineImporter({
    kind: 'project-dispatch',
    permission: 'project.import',
    columns: dispatchColumns,
    required: ['name', 'total'],
    maxRows: DISPATCH_MAX_ROWS,
    maxBytes: DISPATCH_MAX_BYTES,
    // A department the zone lacks may be created, mapped or left empty; a person created (a person record,
    // not a login account), mapped to a user or left empty (else kept as written); an investor no
    // enterprise matches is created (the default), mapped to one found in the directory, or left unlinked.
    nameActions: { department: ['create', 'map', 'blank'], officer: ['create', 'map', 'blank'], leader: ['create', 'map', 'blank'], investor: ['create', 'map', 'blank'] },
    nameDirectories: { investor: enterpriseNameDirectory() },
    nameKinds: { department: 'department', officer: 'person', leader: 'person', investor: 'enterprise' },
    async nameTargets({ db, zoneId }) {
      const [departments, people] = await Promise.all([sheet.departments(db, zoneId), sheet.people(db, zoneId)]);
      const users = people.map((u) => ({ id: u.id, name: u.display_name }));
      return { department: departments.map((d) => ({ id: d.id, name: d.name })), officer: users, leader: users };
    },

    // The period: the upload's parameter, else the one the sheet states in its title (截至2026年9月30日), else the last finished one.
    async resolve({ session, zoneId, clock, options, sheet: found }) {
      const asked = (options.period as string | undefined) ?? found.period?.asOf ?? undefined;
      const period = await periods.resolvePeriod(session, { zoneId, period: asked });
      if (period.start > chinaToday(clock)) throw fieldError('period', 'period_future');
      return { ...period };
    },
    details: (period: DispatchPeriod) => ({ zoneName: period.zoneName, periodStart: period.start, periodEnd: period.end, periodLabel: period.label }),

    async begin({ resolved }) {
      const period = resolved as DispatchPeriod;
      return {
        period,
        prev: previousPeriod(period.kind, period.start),
        lastYear: periodOf(period.kind, `${Number(period.yearStart.slice(0, 4)) - 1}-12-31`),
        seenNames: new Set<string>(),
        newEnterprises: new Map<string, NewEnterprise>(),
        plan: { projectsCreated: 0, projectsUpdated: 0, enterprisesCreated: 0, reportsWritten: 0 } as Record<string, number>,
        usedEnterprises: new Set<string>(),
        newDepartments: new Map<string, { id: string; name: string }>(),
        usedDepartments: new Set<string>(),
        newPeople: new Map<string, NewPerson>(),
        usedPeople: new Set<string>(),
        zone: undefined as ReturnType<typeof zoneLookups> | undefined,
      };
    },

    async prepare({ db, zoneId }, run, rows: ImportRow<DispatchKey>[]) {
      const codes = new Set<string>();
      const names = new Set<string>();
      for (const row of rows) {
        const code = row.get('creditCode');
        if (code != null) {
          const c = normalizeCreditCode(String(code));
          if (!creditCodeProblem(c)) codes.add(c);
        }
        const inv = row.get('investor');
        if (inv != null) names.add(normalizeEnterpriseName(String(inv)));
      }
      // The zone's projects, departments and people are read once per check, at its first batch (the
      // engine checks and stages batch by batch, so the database writes one while the next is read).
      const [zone, byCode, byName] = await Promise.all([
        (run.zone ??= zoneLookups(db, zoneId)),
        sheet.enterprisesByCodes(db, [...codes]),
        sheet.enterprisesByNames(db, [...names]),
      ]);
      const { existing } = zone;
      const matchedIds = rows.map((r) => existing.get(cellText(r.get('name'), 100) ?? '')).filter((x): x is string => Boolean(x));
      const [sums, phaseTotals, details, plans, filedReports] = await Promise.all([
        sheet.reportSums(db, matchedIds, run.period.yearStart, run.period.start),
        sheet.phaseTotals(db, matchedIds),
        sheet.projectDetails(db, matchedIds),
        sheet.plansOf(db, matchedIds, Number(run.period.start.slice(0, 4))),
        sheet.reportsAt(db, matchedIds.map((projectId) => ({ projectId, periodStart: run.period.start }))),
      ]);
      // The reports already filed for the period (a figure the sheet gives otherwise is a conflict the user resolves).
      const filed = new Map(filedReports.map((r) => [r.project_id, r]));
      return { ...zone, byCode, byName, sums, phaseTotals, details, plans, filed };
    },

    parseRow(row, run, { existing, byCode, byName, sums, phaseTotals, details, plans, filed, deptByName, deptNameOf, personByName, personNameOf }): DispatchRowData {
      const { period, prev, lastYear } = run;
      const text = (key: DispatchKey, max: number) => row.text(key, max);
      // '—', '/' and blank are zero in the figures, "nothing" in the total (an existing project keeps its own).
      const money = (key: DispatchKey, nothingIsZero = true): number | null => row.money(key, nothingIsZero);

      const name = text('name', 100);
      if (!name || name.length < 2) row.fail('name', 'required');
      else if (run.seenNames.has(name)) row.fail('name', 'duplicate_in_file');
      if (name) run.seenNames.add(name);
      const projectId = name ? existing.get(name) : undefined;

      // The investor: by credit code, then by name; a new enterprise otherwise.
      let investorId: string | null = null;
      let enterprise: NewEnterprise | null = null;
      const investorName = text('investor', 100);
      const rawCode = row.get('creditCode');
      let code: string | null = null;
      if (rawCode != null) {
        code = normalizeCreditCode(String(rawCode));
        const problem = creditCodeProblem(code);
        if (problem) {
          row.fail('creditCode', `credit_code_${problem}`);
          code = null;
        }
      }
      // Names kept as written, no record linked (listed in the summary, in the project's audit entry).
      const unresolved: { field: string; text: string }[] = [];
      const investorChoice = investorName && !code ? row.choice('investor', investorName) : undefined;
      if (code && byCode.has(code)) investorId = byCode.get(code)!;
      else if (investorName && !row.failed('creditCode')) {
        const normalizedName = normalizeEnterpriseName(investorName);
        const found = byName.get(normalizedName);
        if (found && (!code || !found.creditCode)) investorId = found.id;
        else if (investorChoice?.action === 'map' && investorChoice.targetId) {
          investorId = investorChoice.targetId;
          row.noteName('investor', investorName, 'map', investorChoice.targetName ?? null, investorId);
        } else if (investorChoice?.action === 'blank') {
          unresolved.push({ field: 'investor', text: investorName });
          row.noteName('investor', investorName, 'blank');
        } else {
          const key = code ?? `name:${normalizedName}`;
          enterprise = run.newEnterprises.get(key) ?? run.newEnterprises.get(`name:${normalizedName}`) ?? null;
          if (!enterprise) {
            enterprise = { id: randomUUID(), name: investorName, normalizedName, creditCode: code };
            run.newEnterprises.set(key, enterprise);
            run.newEnterprises.set(`name:${normalizedName}`, enterprise);
          }
          investorId = enterprise.id;
          row.noteName('investor', investorName, 'create');
        }
      } else if (code) row.fail('investor', 'required');

      const enumOf = (key: DispatchKey, m: Map<string, string>) => {
        const v = text(key, 20);
        if (v == null) return null;
        const found = m.get(v.replace(/\s/g, ''));
        if (!found) row.fail(key, 'unknown_value');
        return found ?? null;
      };
      // Nature and level: the column, else the section row above (一、新建项目), else the sheet's name (省级重点).
      const nature = enumOf('nature', natureByText) ?? textEnum(row.section, natureByText);
      const level = enumOf('level', levelByText) ?? textEnum(row.sheet, levelByText) ?? textEnum(row.block, levelByText);

      const years = row.years('years');
      const startYear = years ? Number(years.start.slice(0, 4)) : null;
      const endYear = years ? Number(years.end.slice(0, 4)) : null;

      const total = money('total', false);
      if (total == null && !projectId && !row.failed('total')) row.fail('total', 'required');
      // The project's rule: its phases' investments together cannot exceed its total (docs/projects.md, Phases).
      else if (total != null && projectId && total < (phaseTotals.get(projectId) ?? 0)) row.fail('total', 'phases_exceed_total');
      const plan = money('annualPlan');
      const done = money('periodDone');
      const ytd = money('ytd');
      const since = money('sinceStart');

      // A department the zone does not have is created on commit; a person who is not a user is kept
      // as written (listed in the summary, in the project's audit entry) and the link left empty.
      let departmentId: string | null = null;
      const deptText = text('department', 60);
      // The zone's remembered choice for a name it did not know comes first (map, create, blank).
      const deptChoice = deptText && !deptByName.get(deptText) ? row.choice('department', deptText) : undefined;
      if (deptText && deptChoice?.action === 'map' && deptChoice.targetId && deptNameOf.has(deptChoice.targetId)) {
        departmentId = deptChoice.targetId;
        row.noteName('department', deptText, 'map', deptNameOf.get(departmentId) ?? null, departmentId);
      } else if (deptText && deptChoice?.action === 'blank') {
        row.noteName('department', deptText, 'blank');
      } else if (deptText && deptChoice?.action === 'create') {
        const key = bareDepartment(deptText);
        const made = run.newDepartments.get(key) ?? { id: randomUUID(), name: deptText };
        run.newDepartments.set(key, made);
        departmentId = made.id;
        row.noteName('department', deptText, 'create');
      } else if (deptText) {
        departmentId = deptByName.get(deptText) ?? null;
        if (!departmentId && deptByName.get(bareDepartment(deptText))) {
          // A near name ("经开区经济发展局" for 经济发展局): linked, and listed for the user to see.
          departmentId = deptByName.get(bareDepartment(deptText))!;
          row.noteName('department', deptText, 'matched', deptNameOf.get(departmentId) ?? null);
        }
        if (!departmentId) {
          const key = bareDepartment(deptText);
          const made = run.newDepartments.get(key) ?? { id: randomUUID(), name: deptText };
          run.newDepartments.set(key, made);
          departmentId = made.id;
          row.noteName('department', deptText, 'create');
        }
      }
      const person = (key: DispatchKey) => {
        const people = row.people(key);
        if (!people) return null;
        const ids = people.map((x) => personByName.get(x.name));
        people.forEach((x, i) => {
          if (ids[i] != null) return;
          const chosen = row.choice(key, x.name);
          if (chosen?.action === 'map' && chosen.targetId && personNameOf.has(chosen.targetId)) {
            ids[i] = chosen.targetId;
            row.noteName(key, x.name, 'map', personNameOf.get(chosen.targetId) ?? null, chosen.targetId);
          } else if (chosen?.action === 'create') {
            // One person record per name in the sheet, whichever column names it.
            const made = run.newPeople.get(x.name) ?? { id: randomUUID(), name: x.name, title: x.title };
            run.newPeople.set(x.name, made);
            ids[i] = made.id;
            row.noteName(key, x.name, 'create');
          } else if (chosen?.action === 'blank') row.noteName(key, x.name, 'blank');
          else {
            unresolved.push({ field: key, text: x.title ? `${x.name}（${x.title}）` : x.name });
            row.noteName(key, x.name, 'text');
          }
        });
        return ids[0] ?? null;
      };
      const officerUserId = person('officer');
      const leaderUserId = person('leader');
      const progressText = text('progressText', 2000);
      const problems = text('problems', 2000);

      // The period's figures: this period, year to date, since start.
      const id = projectId ?? randomUUID();
      const reports: ReportWrite[] = [];
      const figuresBad = row.failed('periodDone') || row.failed('ytd') || row.failed('sinceStart');
      const history = projectId ? sums.get(projectId) : undefined;
      const hasHistory = history && history.count > (history.atPeriod == null ? 0 : 1);
      const reportHere = done != null || progressText != null || problems != null;
      // A report filed for this period whose figure the sheet gives otherwise: not overwritten quietly,
      // listed as a conflict (filed → sheet); the commit keeps one or the other, as the user chose.
      const filedHere = projectId ? filed.get(projectId) : undefined;
      const conflict: { field: DispatchKey; before: string | null; after: string | null }[] = [];
      if (!figuresBad && filedHere && done != null && done !== Number(filedHere.invested_yuan)) {
        const wasDone = Number(filedHere.invested_yuan);
        conflict.push({ field: 'periodDone', before: fromYuan(wasDone, 'wan'), after: fromYuan(done, 'wan') });
        if (ytd != null && history) conflict.push({ field: 'ytd', before: fromYuan(history.yearBefore + wasDone, 'wan'), after: fromYuan(ytd, 'wan') });
        if (since != null && history) conflict.push({ field: 'sinceStart', before: fromYuan(history.beforeYear + history.yearBefore + wasDone, 'wan'), after: fromYuan(since, 'wan') });
        if (progressText != null && progressText !== filedHere.progress_text) conflict.push({ field: 'progressText', before: filedHere.progress_text, after: progressText });
        if (problems != null && problems !== filedHere.problems) conflict.push({ field: 'problems', before: filedHere.problems, after: problems });
      }
      if (!figuresBad && !hasHistory) {
        // No earlier reports: the sheet's cumulatives become opening balances.
        const dd = done ?? 0;
        const y = ytd ?? (reportHere ? dd : 0);
        const c = since ?? y;
        if (dd > y) row.fail('ytd', 'sheet_figures_order');
        else if (y > c) row.fail('sinceStart', 'sheet_figures_order');
        else if (y - dd > 0 && prev.start < period.yearStart) row.fail('ytd', 'sheet_ytd_first_period');
        else {
          if (c - y > 0)
            reports.push({ projectId: id, periodStart: lastYear.start, periodEnd: lastYear.end, investedYuan: c - y, progressText: OPENING_BEFORE_YEAR, problems: null });
          if (y - dd > 0)
            reports.push({ projectId: id, periodStart: prev.start, periodEnd: prev.end, investedYuan: y - dd, progressText: OPENING_IN_YEAR, problems: null });
          if (reportHere) reports.push({ projectId: id, periodStart: period.start, periodEnd: period.end, investedYuan: dd, progressText, problems });
        }
      } else if (!figuresBad && history) {
        // Reports exist: the sheet's cumulatives must agree with them.
        const dd = done ?? history.atPeriod ?? 0;
        const expectYtd = history.yearBefore + dd;
        const expectSince = history.beforeYear + history.yearBefore + dd;
        if (ytd != null && ytd !== expectYtd) row.fail('ytd', 'sheet_figures_mismatch', `（${fromYuan(expectYtd, 'wan')}）`);
        if (since != null && since !== expectSince) row.fail('sinceStart', 'sheet_figures_mismatch', `（${fromYuan(expectSince, 'wan')}）`);
        if (reportHere) reports.push({ projectId: id, periodStart: period.start, periodEnd: period.end, investedYuan: dd, progressText, problems });
      }

      const common = {
        id,
        investorEnterpriseId: investorId,
        sectorText: text('sector', 40),
        constructionContent: text('content', 2000),
        plannedStartYear: startYear,
        plannedEndYear: endYear,
        departmentId,
        officerUserId,
        leaderUserId,
      };
      const newDepartment = departmentId ? ([...run.newDepartments.values()].find((d) => d.id === departmentId) ?? null) : null;
      const newPeople = [...run.newPeople.values()].filter((x) => x.id === officerUserId || x.id === leaderUserId);
      const before = projectId ? details.get(projectId) : undefined;
      if (before) {
        // The preview's diff: what the update writes (an empty cell never clears a field), old → new.
        const changes: { field: DispatchKey; before: string | null; after: string | null }[] = [];
        const put = (field: DispatchKey, was: string | number | null, now: string | number | null, show = (v: string | number | null) => (v == null ? null : String(v))) => {
          if (now != null && now !== was) changes.push({ field, before: show(was), after: show(now) });
        };
        const wan = (v: string | number | null) => (v == null ? null : fromYuan(Number(v), 'wan'));
        put('total', before.total_investment_yuan, total, wan);
        put('annualPlan', plans.get(before.id)?.planYuan ?? null, plan, wan);
        put('nature', before.nature, nature, (v) => (v == null ? null : (natureText[v] ?? String(v))));
        put('level', before.level, level, (v) => (v == null ? null : (levelText[v] ?? String(v))));
        put('sector', before.sector_text, common.sectorText);
        put('content', before.construction_content, common.constructionContent);
        const yearsText = (a: number | null, b: number | null) => (a == null && b == null ? null : `${a ?? ''}-${b ?? ''}`);
        if ((startYear != null && startYear !== before.planned_start_year) || (endYear != null && endYear !== before.planned_end_year))
          changes.push({ field: 'years', before: yearsText(before.planned_start_year, before.planned_end_year), after: yearsText(startYear ?? before.planned_start_year, endYear ?? before.planned_end_year) });
        if (investorId && investorId !== before.investor_id) changes.push({ field: 'investor', before: before.investor, after: enterprise ? `${enterprise.name}（新建）` : investorName });
        const nameOf = (id: string | null, names: Map<string, string>, made?: string) => (id == null ? null : (names.get(id) ?? made ?? id));
        if (departmentId && departmentId !== before.department_id)
          changes.push({ field: 'department', before: nameOf(before.department_id, deptNameOf), after: nameOf(departmentId, deptNameOf, newDepartment ? `${newDepartment.name}（新建）` : undefined) });
        const madePerson = (id: string) => newPeople.find((x) => x.id === id);
        const personAfter = (id: string) => nameOf(id, personNameOf, madePerson(id) ? `${madePerson(id)!.name}（新建人员）` : undefined);
        if (officerUserId && officerUserId !== before.officer_user_id) changes.push({ field: 'officer', before: nameOf(before.officer_user_id, personNameOf), after: personAfter(officerUserId) });
        if (leaderUserId && leaderUserId !== before.leader_user_id) changes.push({ field: 'leader', before: nameOf(before.leader_user_id, personNameOf), after: personAfter(leaderUserId) });
        row.update({ entity: 'project', id: before.id, label: before.name, changes, ...(conflict.length ? { conflict } : {}) });
      }
      return {
        ...(before
          ? {
              version: before.version,
              before: {
                investorEnterpriseId: before.investor_id,
                nature: before.nature,
                level: before.level,
                sectorText: before.sector_text,
                constructionContent: before.construction_content,
                plannedStartYear: before.planned_start_year,
                plannedEndYear: before.planned_end_year,
                totalInvestmentYuan: before.total_investment_yuan,
                departmentId: before.department_id,
                officerUserId: before.officer_user_id,
                leaderUserId: before.leader_user_id,
              },
            }
          : {}),
        newDepartment,
        newPeople,
        unresolved,
        created: projectId ? null : { ...common, name: name!, nature: nature ?? 'new', level: level ?? 'none', totalInvestmentYuan: total! },
        updated: projectId ? { ...common, nature, level, totalInvestmentYuan: total } : null,
        enterprise,
        planYuan: plan,
        reports,
      };
    },

    accept(run, data) {
      if (data.created) run.plan.projectsCreated++;
      if (data.updated) run.plan.projectsUpdated++;
      if (data.enterprise && !run.usedEnterprises.has(data.enterprise.id)) {
        run.usedEnterprises.add(data.enterprise.id);
        run.plan.enterprisesCreated++;
      }
      run.plan.reportsWritten += data.reports.length;
      if (data.newDepartment && !run.usedDepartments.has(data.newDepartment.id)) {
        run.usedDepartments.add(data.newDepartment.id);
        run.plan.departmentsCreated = (run.plan.departmentsCreated ?? 0) + 1;
      }
      for (const x of data.newPeople ?? []) {
        if (run.usedPeople.has(x.id)) continue;
        run.usedPeople.add(x.id);
        run.plan.peopleCreated = (run.plan.peopleCreated ?? 0) + 1;
      }
    },
    plan: (run) => ({ ...run.plan }),

    async commit(tx, rows, { zoneId, resolved, actor, session, mode, clock, record, keepExisting }) {
      const period = resolved as DispatchPeriod;
      // A conflicting row where the user kept the reports filed for the period writes none of its reports.
      const valid = (await rows.all()).map((r) => (keepExisting.has(r.rowNumber) ? { ...(r.data as DispatchRowData), reports: [], reportKept: true } : (r.data as DispatchRowData)));
      const enterprises = new Map<string, NewEnterprise>();
      for (const r of valid) if (r.enterprise) enterprises.set(r.enterprise.id, r.enterprise);
      const created = valid.flatMap((r) => (r.created ? [r.created] : []));
      const updated = valid.flatMap((r) => (r.updated ? [r.updated] : []));
      const plans = valid.flatMap((r) => (r.planYuan == null ? [] : [{ projectId: (r.created ?? r.updated)!.id, planYuan: r.planYuan }]));
      const reports = valid.flatMap((r) => r.reports);
      const today = chinaToday(clock);
      const departments = new Map<string, { id: string; name: string }>();
      for (const r of valid) if (r.newDepartment) departments.set(r.newDepartment.id, r.newDepartment);
      const people = new Map<string, NewPerson>();
      for (const r of valid) for (const x of r.newPeople ?? []) people.set(x.id, x);
      await sheet.insertDepartments(tx, zoneId, [...departments.values()]);
      await sheet.insertPeople(tx, zoneId, [...people.values()]);
      await sheet.insertEnterprises(tx, zoneId, [...enterprises.values()]);
      await sheet.insertProjects(tx, zoneId, today, created, actor);
      // Optimistic concurrency for the updates: a project edited since the upload refuses the commit (nothing written).
      const versions = await sheet.projectVersions(tx, updated.map((u) => u.id));
      const moved = valid.filter((r) => r.updated && r.version != null && versions.get(r.updated.id) !== r.version);
      if (moved.length) throw new AppError('VERSION_CONFLICT', { projects: moved.map((r) => r.updated!.id) });
      // For undo: the updated projects' plans and reports as they are before the writes.
      const year = Number(period.start.slice(0, 4));
      const updatedIds = new Set(updated.map((u) => u.id));
      const reportKeys = reports.filter((r) => updatedIds.has(r.projectId));
      const [plansBefore, reportsBefore] = await Promise.all([sheet.plansOf(tx, [...updatedIds], year), sheet.reportsAt(tx, reportKeys)]);
      await sheet.updateProjects(tx, updated);
      await sheet.upsertAnnualPlans(tx, zoneId, year, plans);
      await sheet.upsertReports(tx, zoneId, period.kind, { id: session.user.id, name: session.user.displayName }, reports);
      await record(await writtenRecords(tx, { valid, year, plans, reportKeys, plansBefore, reportsBefore, departments: [...departments.keys()], enterprises: [...enterprises.keys()], people: [...people.keys()] }, sheet));
      const keptOf = new Set(valid.filter((r) => r.reportKept).map((r) => r.updated!.id));
      await sheet.auditImportedProjects(tx, actor, zoneId, rows.source, [...keepExisting]);
      const written = { projectsCreated: created.length, projectsUpdated: updated.length, enterprisesCreated: enterprises.size, departmentsCreated: departments.size, ...(people.size ? { peopleCreated: people.size } : {}), reportsWritten: reports.length, ...(keptOf.size ? { reportsKept: keptOf.size } : {}) };
      await audit(tx, actor, {
        zoneId,
        action: 'project.dispatch_import',
        entityType: 'zone',
        entityId: zoneId,
        after: { importId: rows.importId, mode, periodStart: period.start, validRows: rows.count, ...written, ...(people.size ? { peopleCreated: [...people.values()].map((x) => x.name) } : {}) },
      });
      await projects.refreshDerived(tx, { projectIds: [...created, ...updated].map((x) => x.id) }, today);
      return written;
    },

    undo: (tx, input) => undoDispatchSheet(tx, input, { sheet, projects }),
  });
}

/**
 * What every projects service shares: the deps, today, the once-a-day flag refresh, scope and
 * permission checks, reference checks, the template in force, and the detail every write answers.
 */
import type { Db, DbOrTx } from '../../db/client.ts';
import type { FieldError } from '../../../contract/errors.ts';
import { pathOf } from '../../../contract/operation.ts';
import { builtinApprovals, builtinMilestones, defaultFlagRule, projectOperations, type FlagReason, type FlagRule } from '../../../contract/projects.ts';
import { daysBetween } from '../../../contract/periods.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import type { ProjectRow, ProjectsRepository, ProjectWithNames } from './projects.repository.ts';
import { createResponsibilityRepository } from './project-responsibility.repository.ts';
import { deriveLand, landToStartOf, pct, storedLandToStart, templatePlanRows, type EnterpriseYearFigures } from './projects.rules.ts';

/**
 * The latest yearly figures (tax, output, energy) of each enterprise that has any: the 标准地 read
 * uses them instead of the project's expected figures as soon as they exist (docs/projects.md).
 */
export type EnterpriseYearlySource = (db: DbOrTx, enterpriseIds: string[]) => Promise<Map<string, EnterpriseYearFigures>>;

export interface ProjectsDeps {
  db: Db;
  projects: ProjectsRepository;
  audit: AuditWriter;
  clock: Clock;
  /** The official calendar; `d` is the caller's transaction when there is one. */
  calendar: (d?: DbOrTx) => Promise<WorkCalendar>;
  /** Absent until the enterprises' yearly figures are wired (projects.module.ts): no yearly figures. */
  enterpriseYearly?: EnterpriseYearlySource;
}

export function createProjectsContext(deps: ProjectsDeps) {
  const { db, projects: repo, clock, calendar } = deps;
  const responsibility = createResponsibilityRepository();
  const enterpriseYearly: EnterpriseYearlySource = deps.enterpriseYearly ?? (async () => new Map());

  /** Today on the official (Beijing) calendar. */
  const today = () => chinaToday(clock);
  // Flags depend on the date (a node becomes overdue overnight): recompute stale ones once a day.
  let freshOn: string | undefined;
  async function ensureFresh() {
    const t = today();
    if (freshOn === t) return;
    await repo.refreshStale(db, t);
    await refreshLandToStart(db);
    freshOn = t;
  }

  /**
   * The stored land-to-start working days (the list's 拿地即开工 filter) of every project and phase
   * with both dates, recomputed on the calendar in force where they differ: rows saved before the
   * column existed, and calendar days an administrator edited since. Once a day, with the flags.
   */
  async function refreshLandToStart(d: DbOrTx) {
    const cal = await calendar(d);
    const rows = await repo.landStartDates(d);
    const changed = rows.map((r) => ({ ...r, workdays: storedLandToStart(cal, r.landOn, r.startOn) })).filter((r) => r.workdays !== r.stored);
    await repo.setLandToStart(d, changed);
  }

  /** The zone's project rule (flags, land-to-start): its own row, else the global one, else the defaults. */
  async function ruleFor(d: DbOrTx, zoneId: string): Promise<FlagRule> {
    const row = (await repo.flagRule(d, zoneId)) ?? (await repo.flagRule(d, null));
    return row
      ? {
          milestoneYellowDays: row.milestoneYellowDays,
          milestoneRedDays: row.milestoneRedDays,
          investmentYellowPoints: row.investmentYellowPoints,
          investmentRedPoints: row.investmentRedPoints,
          missingReportFlag: row.missingReportFlag,
          reportGraceDays: row.reportGraceDays,
          landToStartStatutoryDays: row.landToStartStatutoryDays,
          landToStartPromisedDays: row.landToStartPromisedDays,
          immediateStartDays: row.immediateStartDays,
        }
      : defaultFlagRule;
  }

  /** Land inputs of projects for the 标准地 read, with each investor's latest yearly figures when they exist. */
  async function yearlyOf(d: DbOrTx, enterpriseIds: (string | null)[]) {
    const ids = [...new Set(enterpriseIds.filter((e): e is string => !!e))];
    return ids.length ? enterpriseYearly(d, ids) : new Map<string, EnterpriseYearFigures>();
  }

  function presentItem(s: SessionContext, r: ProjectWithNames) {
    const p = r.project;
    const year = Number(today().slice(0, 4));
    const ytd = p.ytdYear === year ? p.ytdYuan : 0;
    const plan = p.ytdYear === year ? p.annualPlanYuan : null;
    return {
      id: p.id,
      zoneId: p.zoneId,
      zoneName: r.zoneName,
      parkId: p.parkId,
      parkName: r.parkName,
      name: p.name,
      investorName: r.investorName,
      sectorText: p.sectorText,
      nature: p.nature,
      level: p.level,
      stage: p.stage,
      totalInvestmentYuan: p.totalInvestmentYuan,
      investedTotalYuan: p.investedTotalYuan,
      ytdYuan: ytd,
      annualPlanYuan: plan,
      percentOfAnnualPlan: pct(ytd, plan),
      percentOfTotal: pct(p.investedTotalYuan, p.totalInvestmentYuan),
      percentComplete: p.percentComplete,
      lastReportPeriodStart: p.lastReportPeriodStart,
      flag: p.flag,
      flagReasons: p.flagReasons as FlagReason[],
      leader: p.leaderUserId ? { id: p.leaderUserId, name: r.leaderName ?? '' } : null,
      department: p.departmentId ? { id: p.departmentId, name: r.departmentName ?? '' } : null,
      officer: p.officerUserId ? { id: p.officerUserId, name: r.officerName ?? '' } : null,
      taskForce: p.taskForce,
      immediateStart: r.immediateStart ?? false,
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
      actions: actionsFor(s, 'project', p.zoneId),
    };
  }

  /** A project in the caller's scope, or NOT_FOUND (ids outside the scope cannot be probed). */
  async function load(s: SessionContext, id: string, db_: DbOrTx = db): Promise<ProjectRow> {
    const p = await repo.findById(db_, id);
    if (!p || !inScope(s, p.zoneId)) throw notFound();
    return p;
  }
  function requirePermission(s: SessionContext, permission: Permission, zoneId: string | null) {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  }

  /** References must exist in the project's zone; collected so one answer names every bad field. */
  async function checkRefs(
    d: DbOrTx,
    zoneId: string,
    v: {
      parkId?: string | null;
      investorEnterpriseId?: string | null;
      leaderUserId?: string | null;
      officerUserId?: string | null;
      departmentId?: string | null;
      taskForceUserIds?: string[];
    },
  ): Promise<FieldError[]> {
    const fields: FieldError[] = [];
    if (v.parkId && !(await repo.parkInZone(d, v.parkId, zoneId))) fields.push({ field: 'parkId', reason: 'unknown_park' });
    if (v.investorEnterpriseId && !(await repo.enterpriseExists(d, v.investorEnterpriseId)))
      fields.push({ field: 'investorEnterpriseId', reason: 'unknown_enterprise' });
    if (v.leaderUserId) {
      // A 包联领导 is a leader of the zone: a viewer or an officer covering it is refused by name.
      if (!(await repo.userCoversZone(d, v.leaderUserId, zoneId)) && !(await repo.leaderCoversZone(d, v.leaderUserId, zoneId)))
        fields.push({ field: 'leaderUserId', reason: 'unknown_user_in_zone' });
      else if (!(await repo.leaderCoversZone(d, v.leaderUserId, zoneId))) fields.push({ field: 'leaderUserId', reason: 'leader_role_required' });
    }
    // 责任人 and 专班 members: people of the zone who can carry the work (a read-only account cannot).
    const people = await responsibility.coverage(d, [...new Set([...(v.officerUserId ? [v.officerUserId] : []), ...(v.taskForceUserIds ?? [])])], zoneId);
    const personReason = (id: string) => {
      const p = people.get(id);
      return !p ? 'unknown_user_in_zone' : !p.working ? 'responsible_role_required' : null;
    };
    if (v.officerUserId) {
      const reason = personReason(v.officerUserId);
      if (reason) fields.push({ field: 'officerUserId', reason });
    }
    v.taskForceUserIds?.forEach((id, i) => {
      const reason = v.taskForceUserIds!.indexOf(id) < i ? 'task_force_duplicate' : personReason(id);
      if (reason) fields.push({ field: `taskForceUserIds.${i}`, reason });
    });
    if (v.departmentId && !(await repo.departmentInZone(d, v.departmentId, zoneId))) fields.push({ field: 'departmentId', reason: 'unknown_department' });
    return fields;
  }

  async function templateFor(d: DbOrTx, zoneId: string) {
    const row = (await repo.template(d, zoneId)) ?? (await repo.template(d, null));
    return { milestones: row?.milestones ?? builtinMilestones, approvals: row?.approvals ?? builtinApprovals };
  }

  /**
   * Writes a project's template plan if it is still pending (an imported project on first use:
   * opened, its nodes or approvals edited, its stage changed). Inside the caller's transaction;
   * a no-op statement for every other project. Not audited on its own: it is the deferred part of
   * the project's creation, whose audit entry (or import batch) already records it.
   */
  async function ensurePlan(tx: DbOrTx, projectId: string) {
    const claimed = await repo.claimPendingPlan(tx, projectId);
    if (!claimed) return;
    const plan = templatePlanRows(await templateFor(tx, claimed.zoneId), claimed);
    await repo.insertMilestones(tx, plan.milestones);
    await repo.insertApprovals(tx, plan.approvals);
  }

  /** ensurePlan outside a transaction, for a project just read: one of its own only when the plan is pending. */
  async function ensurePlanOf(project: Pick<ProjectRow, 'id' | 'planPending'>) {
    if (project.planPending) await db.transaction((tx) => ensurePlan(tx, project.id));
  }

  async function afterChange(tx: DbOrTx, projectId: string) {
    await repo.touch(tx, projectId);
    await repo.refreshDerived(tx, { projectIds: [projectId] }, today());
  }

  async function detail(s: SessionContext, id: string) {
    const r = await repo.findWithNames(db, id);
    if (!r || !inScope(s, r.project.zoneId)) throw notFound();
    await ensurePlanOf(r.project);
    const p = r.project;
    const t = today();
    const [cal, rule, yearly, { phases, milestones, approvals, land, plans, reports, photos, events }] = await Promise.all([
      calendar(),
      ruleFor(db, p.zoneId),
      yearlyOf(db, [p.investorEnterpriseId]),
      repo.children(db, id),
    ]);
    const photoIdsByReport = new Map<string, string[]>();
    for (const ph of photos) if (ph.reportId) photoIdsByReport.set(ph.reportId, [...(photoIdsByReport.get(ph.reportId) ?? []), ph.id]);
    return {
      ...presentItem(s, r),
      investorEnterpriseId: p.investorEnterpriseId,
      investorCreditCode: r.investorCreditCode,
      chainLinkText: p.chainLinkText,
      fixedAssetInvestmentYuan: p.fixedAssetInvestmentYuan,
      constructionContent: p.constructionContent,
      landMu: p.landMu,
      floorAreaM2: p.floorAreaM2,
      capacityAmount: p.capacityAmount,
      capacityUnit: p.capacityUnit,
      plannedStartYear: p.plannedStartYear,
      plannedEndYear: p.plannedEndYear,
      expectedOutputYuan: p.expectedOutputYuan,
      expectedTaxYuan: p.expectedTaxYuan,
      jobs: p.jobs,
      stageEnteredOn: p.stageEnteredOn,
      signedOn: p.signedOn,
      landOn: p.landOn,
      startOn: p.startOn,
      completedOn: p.completedOn,
      productionOn: p.productionOn,
      fullProductionOn: p.fullProductionOn,
      leadId: p.leadId,
      reportPeriod: r.reportPeriod,
      landToStartWorkdays: p.landOn ? cal.workdaysBetween(p.landOn, p.startOn ?? t) : null,
      landToStart: landToStartOf(cal, p.landOn, p.startOn, t, rule),
      approvalsStatutoryWorkdays: approvals.reduce((sum, a) => sum + (a.statutoryDays ?? 0), 0),
      approvalsPromisedWorkdays: approvals.reduce((sum, a) => sum + (a.promisedDays ?? 0), 0),
      phases: phases.map((ph) => ({
        id: ph.id,
        name: ph.name,
        stage: ph.stage,
        investmentYuan: ph.investmentYuan == null ? null : Number(ph.investmentYuan),
        investedYuan: ph.investedYuan == null ? null : Number(ph.investedYuan),
        content: ph.content,
        plannedStartOn: ph.plannedStartOn,
        plannedEndOn: ph.plannedEndOn,
        landOn: ph.landOn,
        actualStartOn: ph.actualStartOn,
        actualEndOn: ph.actualEndOn,
        productionOn: ph.productionOn,
        landToStart: landToStartOf(cal, ph.landOn, ph.actualStartOn, t, rule),
      })),
      milestones: milestones.map((m) => {
        const overdue = !m.actualOn && !!m.plannedOn && m.plannedOn < t;
        return {
          id: m.id,
          sortOrder: m.sortOrder,
          name: m.name,
          stage: m.stage,
          plannedOn: m.plannedOn,
          actualOn: m.actualOn,
          note: m.note,
          slippageDays: m.plannedOn ? (m.actualOn ? daysBetween(m.plannedOn, m.actualOn) : overdue ? daysBetween(m.plannedOn, t) : null) : null,
          overdue,
          version: m.version,
        };
      }),
      approvals: approvals.map((a) => {
        const elapsed = a.filedOn ? cal.workdaysBetween(a.filedOn, a.grantedOn ?? t) : null;
        return {
          id: a.id,
          sortOrder: a.sortOrder,
          name: a.name,
          agency: a.agency,
          statutoryDays: a.statutoryDays,
          promisedDays: a.promisedDays,
          agent: a.agentUserId ? { id: a.agentUserId, name: a.agentName ?? '' } : null,
          filedOn: a.filedOn,
          grantedOn: a.grantedOn,
          note: a.note,
          workdaysElapsed: elapsed,
          clock: !a.filedOn ? ('not_filed' as const) : a.grantedOn ? ('done' as const) : ('running' as const),
          overPromised: elapsed != null && a.promisedDays != null && elapsed > a.promisedDays,
          overStatutory: elapsed != null && a.statutoryDays != null && elapsed > a.statutoryDays,
          version: a.version,
        };
      }),
      landStandard: land ? deriveLand(land, { ...p, yearly: p.investorEnterpriseId ? yearly.get(p.investorEnterpriseId) : null }) : null,
      annualPlans: plans.map((ap) => ({ year: ap.year, planYuan: Number(ap.planYuan), version: ap.version })),
      reports: reports.map((rep) => ({
        ...rep,
        percentOfAnnualPlan: pct(rep.ytdYuan, rep.annualPlanYuan),
        percentOfTotal: pct(rep.sinceStartYuan, p.totalInvestmentYuan),
        photoIds: photoIdsByReport.get(rep.id) ?? [],
      })),
      photos: photos.map((ph) => ({ ...ph, url: pathOf(projectOperations.photo, { id, photoId: ph.id }) })),
      stageHistory: events,
      taskForceMembers: await responsibility.taskForce(db, id),
    };
  }

  return {
    ...deps,
    repo,
    responsibility,
    today,
    ensureFresh,
    presentItem,
    load,
    requirePermission,
    checkRefs,
    templateFor,
    ensurePlan,
    ensurePlanOf,
    afterChange,
    detail,
    ruleFor,
    yearlyOf,
  };
}

export type ProjectsContext = ReturnType<typeof createProjectsContext>;

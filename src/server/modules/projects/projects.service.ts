import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { FieldError } from '../../../contract/errors.ts';
import {
  builtinApprovals,
  builtinMilestones,
  defaultFlagRule,
  projectStages,
  stageGates,
  type approvalsBody,
  type batchBody,
  type batchQuery,
  type changeStageBody,
  type createProjectBody,
  type createReportBody,
  type FlagReason,
  type landStandardBody,
  type listProjectsQuery,
  type milestonesBody,
  type ProjectStage,
  type putFlagRuleBody,
  type putTemplatesBody,
  type updateProjectBody,
  type updateReportBody,
} from '../../../contract/projects.ts';
import { addDays, daysBetween, isPeriodStart, periodOf, previousPeriod, type PeriodKind } from '../../../contract/periods.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { dateText, type LandStandardRow, type ProjectInsert, type ProjectRow, type ProjectsRepository, type ProjectWithNames } from './projects.repository.ts';

/** Bytes a photo may have; the route's multipart limit says the same. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The input another module (the pipeline, when a lead is signed) gives `createFromLead`. Money in yuan. */
export interface ProjectFromLeadInput {
  zoneId: string;
  name: string;
  /** Required when `signedOn` is given (签约 needs its investor). */
  investorEnterpriseId: string | null;
  totalInvestmentYuan: number;
  leadId: string;
  sectorText?: string | null;
  chainLinkText?: string | null;
  /** 签约日期: when given the project starts in 签约, otherwise in 谋划/储备. */
  signedOn?: string | null;
  parkId?: string | null;
  nature?: ProjectInsert['nature'];
  level?: ProjectInsert['level'];
  fixedAssetInvestmentYuan?: number | null;
  constructionContent?: string | null;
  landMu?: number | null;
  expectedOutputYuan?: number | null;
  expectedTaxYuan?: number | null;
  jobs?: number | null;
  leaderUserId?: string | null;
  departmentId?: string | null;
  officerUserId?: string | null;
}

const gateDateOf: Partial<Record<ProjectStage, 'signedOn' | 'landOn' | 'startOn' | 'completedOn' | 'productionOn' | 'fullProductionOn'>> = {
  signed: 'signedOn',
  land: 'landOn',
  started: 'startOn',
  completed: 'completedOn',
  production: 'productionOn',
  full_production: 'fullProductionOn',
};
const actualDateFields = ['signedOn', 'landOn', 'startOn', 'completedOn', 'productionOn', 'fullProductionOn'] as const;
const stageIndex = (s: ProjectStage) => projectStages.indexOf(s);
const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (part: number, whole: number | null | undefined) => (whole && whole > 0 ? round1((part * 100) / whole) : null);

/** Throws one VALIDATION_FAILED naming every field collected, or nothing when there are none. */
function throwIfAny(fields: FieldError[], code: 'VALIDATION_FAILED' | 'DUPLICATE' = 'VALIDATION_FAILED') {
  if (fields.length) throw new AppError(code, { fields });
}

/** JPEG, PNG or WebP by their first bytes: the declared type is not trusted. */
export function imageTypeOf(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * What `createInTx` takes: the create body as parsed (money already in yuan), the stage optional
 * (planning), and the lead it comes from if any.
 */
export type ProjectCreateValues = Omit<z.infer<typeof createProjectBody>, 'stage'> & { stage?: ProjectStage; leadId?: string | null };

export function createProjectsService(deps: { db: Db; projects: ProjectsRepository; audit: AuditWriter; clock: Clock; calendar: () => Promise<WorkCalendar> }) {
  const { db, projects: repo, audit, clock, calendar } = deps;

  /** Today on the official (Beijing) calendar. */
  const today = () => new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  // Flags depend on the date (a node becomes overdue overnight): recompute stale ones once a day.
  let freshOn: string | undefined;
  async function ensureFresh() {
    const t = today();
    if (freshOn === t) return;
    await repo.refreshStale(db, t);
    freshOn = t;
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
    },
  ): Promise<FieldError[]> {
    const fields: FieldError[] = [];
    if (v.parkId && !(await repo.parkInZone(d, v.parkId, zoneId))) fields.push({ field: 'parkId', reason: 'unknown_park' });
    if (v.investorEnterpriseId && !(await repo.enterpriseExists(d, v.investorEnterpriseId)))
      fields.push({ field: 'investorEnterpriseId', reason: 'unknown_enterprise' });
    if (v.leaderUserId && !(await repo.userCoversZone(d, v.leaderUserId, zoneId))) fields.push({ field: 'leaderUserId', reason: 'unknown_user_in_zone' });
    if (v.officerUserId && !(await repo.userCoversZone(d, v.officerUserId, zoneId))) fields.push({ field: 'officerUserId', reason: 'unknown_user_in_zone' });
    if (v.departmentId && !(await repo.departmentInZone(d, v.departmentId, zoneId))) fields.push({ field: 'departmentId', reason: 'unknown_department' });
    return fields;
  }

  /** Dates, money and year rules shared by create and update, on the merged record. */
  function checkRecord(v: Partial<ProjectInsert>, t: string, phases?: z.infer<typeof createProjectBody>['phases']): FieldError[] {
    const fields: FieldError[] = [];
    for (const f of actualDateFields) if (v[f] && v[f]! > t) fields.push({ field: f, reason: 'date_in_future' });
    if (v.fixedAssetInvestmentYuan != null && v.totalInvestmentYuan != null && v.fixedAssetInvestmentYuan > v.totalInvestmentYuan)
      fields.push({ field: 'fixedAssetInvestmentWan', reason: 'fixed_exceeds_total' });
    if (v.plannedStartYear != null && v.plannedEndYear != null && v.plannedEndYear < v.plannedStartYear)
      fields.push({ field: 'plannedEndYear', reason: 'years_order' });
    phases?.forEach((ph, i) => {
      for (const f of ['actualStartOn', 'actualEndOn'] as const) if (ph[f] && ph[f]! > t) fields.push({ field: `phases.${i}.${f}`, reason: 'date_in_future' });
      if (ph.plannedStartOn && ph.plannedEndOn && ph.plannedEndOn < ph.plannedStartOn)
        fields.push({ field: `phases.${i}.plannedEndOn`, reason: 'dates_order' });
    });
    return fields;
  }

  /** What a stage needs: the gates of every stage up to it, on the merged record. */
  function gateErrors(v: Partial<ProjectInsert>, stage: ProjectStage): FieldError[] {
    const fields: FieldError[] = [];
    for (const st of projectStages.slice(1, stageIndex(stage) + 1))
      for (const g of stageGates[st]) if (v[g] == null || v[g] === '') fields.push({ field: g, reason: 'gate_required' });
    return fields;
  }

  async function templateFor(d: DbOrTx, zoneId: string) {
    const row = (await repo.template(d, zoneId)) ?? (await repo.template(d, null));
    return { milestones: row?.milestones ?? builtinMilestones, approvals: row?.approvals ?? builtinApprovals };
  }

  /** Inserts a project with its phases, first stage event and template plan; audit and flag in the same transaction. */
  async function insertProject(
    tx: DbOrTx,
    s: SessionContext,
    values: ProjectInsert,
    extra: { phases?: z.infer<typeof createProjectBody>['phases']; annualPlanYuan?: number | null },
    requestId: string,
  ): Promise<ProjectRow> {
    const t = today();
    const stage = values.stage ?? 'planning';
    const gate = gateDateOf[stage];
    const row = await repo.insert(tx, { ...values, stage, stageEnteredOn: (gate && values[gate]) || t });
    if (extra.phases)
      await repo.replacePhases(
        tx,
        row.id,
        row.zoneId,
        extra.phases.map((ph) => ({ ...ph, investmentYuan: ph.investmentWan ?? null })),
      );
    const actor = actorOf(s, requestId);
    await repo.insertStageEvent(tx, {
      zoneId: row.zoneId,
      projectId: row.id,
      fromStage: null,
      toStage: stage,
      on: row.stageEnteredOn,
      actorId: actor.id,
      actorName: actor.name,
    });
    const template = await templateFor(tx, row.zoneId);
    await repo.insertMilestones(
      tx,
      template.milestones.map((m, i) => {
        const passed = m.stage && stageIndex(m.stage) <= stageIndex(stage) ? gateDateOf[m.stage] : undefined;
        return {
          zoneId: row.zoneId,
          projectId: row.id,
          sortOrder: i + 1,
          name: m.name,
          stage: m.stage ?? null,
          actualOn: passed ? (row[passed] ?? null) : null,
        };
      }),
    );
    await repo.insertApprovals(
      tx,
      template.approvals.map((a, i) => ({
        zoneId: row.zoneId,
        projectId: row.id,
        sortOrder: i + 1,
        name: a.name,
        agency: a.agency ?? null,
        statutoryDays: a.statutoryDays ?? null,
        promisedDays: a.promisedDays ?? null,
      })),
    );
    if (extra.annualPlanYuan != null)
      await repo.insertAnnualPlan(tx, { projectId: row.id, zoneId: row.zoneId, year: Number(t.slice(0, 4)), planYuan: extra.annualPlanYuan });
    await audit(tx, actor, { zoneId: row.zoneId, action: 'project.create', entityType: 'project', entityId: row.id, after: { ...row, phases: extra.phases } });
    await repo.refreshDerived(tx, { projectIds: [row.id] }, t);
    return row;
  }

  async function afterChange(tx: DbOrTx, projectId: string) {
    await repo.touch(tx, projectId);
    await repo.refreshDerived(tx, { projectIds: [projectId] }, today());
  }

  async function detail(s: SessionContext, id: string) {
    const r = await repo.findWithNames(db, id);
    if (!r || !inScope(s, r.project.zoneId)) throw notFound();
    const p = r.project;
    const t = today();
    const [cal, { phases, milestones, approvals, land, plans, reports, photos, events }] = await Promise.all([calendar(), repo.children(db, id)]);
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
      approvalsStatutoryWorkdays: approvals.reduce((sum, a) => sum + (a.statutoryDays ?? 0), 0),
      approvalsPromisedWorkdays: approvals.reduce((sum, a) => sum + (a.promisedDays ?? 0), 0),
      phases: phases.map((ph) => ({
        id: ph.id,
        name: ph.name,
        investmentYuan: ph.investmentYuan,
        content: ph.content,
        plannedStartOn: ph.plannedStartOn,
        plannedEndOn: ph.plannedEndOn,
        actualStartOn: ph.actualStartOn,
        actualEndOn: ph.actualEndOn,
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
      landStandard: land ? presentLand(land) : null,
      annualPlans: plans.map((ap) => ({ year: ap.year, planYuan: Number(ap.planYuan), version: ap.version })),
      reports: reports.map((rep) => ({
        ...rep,
        percentOfAnnualPlan: pct(rep.ytdYuan, rep.annualPlanYuan),
        percentOfTotal: pct(rep.sinceStartYuan, p.totalInvestmentYuan),
        photoIds: photoIdsByReport.get(rep.id) ?? [],
      })),
      photos: photos.map((ph) => ({ ...ph, url: `/api/projects/${id}/photos/${ph.id}` })),
      stageHistory: events,
    };
  }

  function presentLand(l: LandStandardRow) {
    const pairs = {
      investmentIntensity: [l.investmentIntensityPromised, l.investmentIntensityAchieved, 'higher'],
      taxPerMu: [l.taxPerMuPromised, l.taxPerMuAchieved, 'higher'],
      floorAreaRatio: [l.floorAreaRatioPromised, l.floorAreaRatioAchieved, 'higher'],
      energyPerOutput: [l.energyPerOutputPromised, l.energyPerOutputAchieved, 'lower'],
    } as const;
    const compliance: Record<string, 'met' | 'not_met' | 'pending'> = {};
    for (const [k, [promised, achieved, better]] of Object.entries(pairs)) {
      if (promised == null) continue;
      compliance[k] = achieved == null ? 'pending' : (better === 'higher' ? achieved >= promised : achieved <= promised) ? 'met' : 'not_met';
    }
    const values = Object.values(compliance);
    return {
      investmentIntensityPromised: l.investmentIntensityPromised,
      investmentIntensityAchieved: l.investmentIntensityAchieved,
      taxPerMuPromised: l.taxPerMuPromised,
      taxPerMuAchieved: l.taxPerMuAchieved,
      floorAreaRatioPromised: l.floorAreaRatioPromised,
      floorAreaRatioAchieved: l.floorAreaRatioAchieved,
      energyPerOutputPromised: l.energyPerOutputPromised,
      energyPerOutputAchieved: l.energyPerOutputAchieved,
      assessedOn: l.assessedOn,
      compliance,
      compliant: values.length === 0 || values.includes('pending') ? null : values.every((v) => v === 'met'),
      version: l.version,
    };
  }

  /** Validates a report's entry against the period rules and the history; returns the period amount in yuan. */
  function reportAmount(row: { investedWan?: number; cumulativeWan?: number }, before: number, prefix: string): { invested: number; fields: FieldError[] } {
    const fields: FieldError[] = [];
    const hasInvested = row.investedWan !== undefined;
    const hasCumulative = row.cumulativeWan !== undefined;
    if (hasInvested === hasCumulative) return { invested: 0, fields: [{ field: `${prefix}investedWan`, reason: 'invested_or_cumulative' }] };
    if (hasCumulative && row.cumulativeWan! < before) fields.push({ field: `${prefix}cumulativeWan`, reason: 'cumulative_backwards' });
    return { invested: hasInvested ? row.investedWan! : row.cumulativeWan! - before, fields };
  }

  function checkPeriod(kind: PeriodKind, periodStart: string, field = 'periodStart'): FieldError[] {
    if (!isPeriodStart(kind, periodStart)) return [{ field, reason: 'period_start_invalid' }];
    if (periodStart > today()) return [{ field, reason: 'period_future' }];
    return [];
  }

  const service = {
    today,
    ensureFresh,

    /** For routes: whether the project exists in the caller's scope (checked before a body is validated). */
    async inCallerScope(s: SessionContext, id: string): Promise<boolean> {
      const zoneId = await repo.zoneOf(db, id);
      return zoneId !== undefined && inScope(s, zoneId);
    },

    async list(s: SessionContext, q: z.infer<typeof listProjectsQuery>) {
      await ensureFresh();
      if (q.zoneId && !inScope(s, q.zoneId)) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const { items, total } = await repo.list(
        db,
        {
          ...q,
          zoneIds: s.scope.all ? null : s.scope.zoneIds,
          leaderUserId: q.responsibility === 'led' ? s.user.id : q.leaderUserId,
          officerUserId: q.responsibility === 'mine' ? s.user.id : undefined,
        },
        q,
      );
      return { items: items.map((r) => presentItem(s, r)), total, page: q.page, pageSize: q.pageSize };
    },

    async get(s: SessionContext, id: string) {
      await ensureFresh();
      return detail(s, id);
    },

    async create(s: SessionContext, body: z.infer<typeof createProjectBody>, requestId: string) {
      const row = await db.transaction((tx) => service.createInTx(tx, s, body, requestId));
      return detail(s, row.id);
    },

    /**
     * Creates a project inside the caller's transaction with the route's rules (scope, permission,
     * dates, gates, references), its template plan, stage event, audit and flag. Money fields are
     * the parsed body's (already yuan). Another module (intake) calls this instead of the repository.
     */
    async createInTx(tx: DbOrTx, s: SessionContext, body: ProjectCreateValues, requestId: string): Promise<ProjectRow> {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.create', body.zoneId);
      const stage = body.stage ?? 'planning';
      const values = {
        zoneId: body.zoneId,
        parkId: body.parkId ?? null,
        name: body.name,
        investorEnterpriseId: body.investorEnterpriseId ?? null,
        sectorText: body.sectorText ?? null,
        chainLinkText: body.chainLinkText ?? null,
        nature: body.nature,
        level: body.level,
        totalInvestmentYuan: body.totalInvestmentWan,
        fixedAssetInvestmentYuan: body.fixedAssetInvestmentWan ?? null,
        constructionContent: body.constructionContent ?? null,
        landMu: body.landMu ?? null,
        floorAreaM2: body.floorAreaM2 ?? null,
        capacityAmount: body.capacityAmount ?? null,
        capacityUnit: body.capacityUnit ?? null,
        plannedStartYear: body.plannedStartYear ?? null,
        plannedEndYear: body.plannedEndYear ?? null,
        expectedOutputYuan: body.expectedOutputWan ?? null,
        expectedTaxYuan: body.expectedTaxWan ?? null,
        jobs: body.jobs ?? null,
        stage,
        signedOn: body.signedOn ?? null,
        landOn: body.landOn ?? null,
        startOn: body.startOn ?? null,
        completedOn: body.completedOn ?? null,
        productionOn: body.productionOn ?? null,
        fullProductionOn: body.fullProductionOn ?? null,
        leaderUserId: body.leaderUserId ?? null,
        departmentId: body.departmentId ?? null,
        officerUserId: body.officerUserId ?? null,
        taskForce: body.taskForce ?? null,
        leadId: body.leadId ?? null,
      } satisfies Partial<ProjectInsert>;
      throwIfAny([...checkRecord(values, today(), body.phases), ...gateErrors(values, stage), ...(await checkRefs(tx, body.zoneId, values))]);
      return insertProject(tx, s, values as ProjectInsert, { phases: body.phases, annualPlanYuan: body.annualPlanWan }, requestId);
    },

    /**
     * Creates a project from a signed lead inside the caller's transaction (the pipeline module
     * calls this when a lead is converted). Throws AppError VALIDATION_FAILED with field reasons.
     */
    async createFromLead(tx: DbOrTx, s: SessionContext, input: ProjectFromLeadInput, requestId: string): Promise<{ id: string }> {
      if (!inScope(s, input.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const values = {
        zoneId: input.zoneId,
        parkId: input.parkId ?? null,
        name: input.name,
        investorEnterpriseId: input.investorEnterpriseId,
        sectorText: input.sectorText ?? null,
        chainLinkText: input.chainLinkText ?? null,
        nature: input.nature ?? 'new',
        level: input.level ?? 'none',
        totalInvestmentYuan: input.totalInvestmentYuan,
        fixedAssetInvestmentYuan: input.fixedAssetInvestmentYuan ?? null,
        constructionContent: input.constructionContent ?? null,
        landMu: input.landMu ?? null,
        expectedOutputYuan: input.expectedOutputYuan ?? null,
        expectedTaxYuan: input.expectedTaxYuan ?? null,
        jobs: input.jobs ?? null,
        stage: (input.signedOn ? 'signed' : 'planning') as ProjectStage,
        signedOn: input.signedOn ?? null,
        leaderUserId: input.leaderUserId ?? null,
        departmentId: input.departmentId ?? null,
        officerUserId: input.officerUserId ?? null,
        leadId: input.leadId,
      } satisfies Partial<ProjectInsert>;
      const fields = [...checkRecord(values, today()), ...gateErrors(values, values.stage), ...(await checkRefs(tx, input.zoneId, values))];
      if (!input.name || input.name.trim().length < 2) fields.push({ field: 'name', reason: 'required' });
      if (!Number.isSafeInteger(input.totalInvestmentYuan) || input.totalInvestmentYuan < 0)
        fields.push({ field: 'totalInvestmentYuan', reason: 'money_negative' });
      throwIfAny(fields);
      const row = await insertProject(tx, s, values as ProjectInsert, {}, requestId);
      return { id: row.id };
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateProjectBody>, requestId: string) {
      await db.transaction((tx) => service.updateInTx(tx, s, id, body, requestId));
      return detail(s, id);
    },

    /**
     * Updates a project inside the caller's transaction with the route's rules: scope, permission,
     * the version read, dates, gates and references on the merged record, phases, audit, derived
     * figures and flag. `auditAfter` adds to the audit entry's after (e.g. intake provenance).
     */
    async updateInTx(
      tx: DbOrTx,
      s: SessionContext,
      id: string,
      body: z.infer<typeof updateProjectBody>,
      requestId: string,
      options: { auditAfter?: Record<string, unknown> } = {},
    ): Promise<ProjectRow> {
      const before = await load(s, id, tx);
      requirePermission(s, 'project.update', before.zoneId);
      assertVersion(before, body.version);
      const { version, phases, totalInvestmentWan, fixedAssetInvestmentWan, expectedOutputWan, expectedTaxWan, ...rest } = body;
      const patch: Partial<ProjectInsert> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      if (totalInvestmentWan !== undefined) patch.totalInvestmentYuan = totalInvestmentWan;
      if (fixedAssetInvestmentWan !== undefined) patch.fixedAssetInvestmentYuan = fixedAssetInvestmentWan;
      if (expectedOutputWan !== undefined) patch.expectedOutputYuan = expectedOutputWan;
      if (expectedTaxWan !== undefined) patch.expectedTaxYuan = expectedTaxWan;
      const merged = { ...before, ...patch };
      throwIfAny([...checkRecord(merged, today(), phases), ...gateErrors(merged, before.stage), ...(await checkRefs(tx, before.zoneId, patch))]);
      const after = await repo.update(tx, id, version, patch);
      if (phases)
        await repo.replacePhases(
          tx,
          id,
          before.zoneId,
          phases.map((ph) => ({ ...ph, investmentYuan: ph.investmentWan ?? null })),
        );
      await audit(tx, actorOf(s, requestId), {
        zoneId: before.zoneId,
        action: 'project.update',
        entityType: 'project',
        entityId: id,
        before,
        after: { ...after, ...(phases ? { phases } : {}), ...options.auditAfter },
      });
      await repo.refreshDerived(tx, { projectIds: [id] }, today());
      return after;
    },

    async changeStage(s: SessionContext, id: string, body: z.infer<typeof changeStageBody>, requestId: string) {
      const before = await load(s, id);
      requirePermission(s, 'project.update', before.zoneId);
      assertVersion(before, body.version);
      const t = today();
      if (body.stage === before.stage) throw fieldError('stage', 'stage_same');
      const back = stageIndex(body.stage) < stageIndex(before.stage);
      const { version, stage, reason, ...gates } = body;
      const patch: Partial<ProjectInsert> = Object.fromEntries(Object.entries(gates).filter(([, v]) => v !== undefined));
      const merged = { ...before, ...patch };
      const fields: FieldError[] = [];
      if (back && (!reason || reason.length < 2)) fields.push({ field: 'reason', reason: 'stage_back_reason' });
      fields.push(...checkRecord(patch, t));
      if (!back) fields.push(...gateErrors(merged, stage));
      if (patch.investorEnterpriseId && !(await repo.enterpriseExists(db, patch.investorEnterpriseId)))
        fields.push({ field: 'investorEnterpriseId', reason: 'unknown_enterprise' });
      throwIfAny(fields);
      const gate = gateDateOf[stage];
      const on = (!back && gate && merged[gate]) || t;
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, version, { ...patch, stage, stageEnteredOn: on });
        const actor = actorOf(s, requestId);
        await repo.insertStageEvent(tx, {
          zoneId: before.zoneId,
          projectId: id,
          fromStage: before.stage,
          toStage: stage,
          on,
          reason: reason ?? null,
          actorId: actor.id,
          actorName: actor.name,
        });
        if (!back)
          for (const st of projectStages.slice(stageIndex(before.stage) + 1, stageIndex(stage) + 1)) {
            const g = gateDateOf[st];
            if (g && merged[g]) await repo.fillStageMilestone(tx, id, st, merged[g] as string);
          }
        await audit(tx, actor, {
          zoneId: before.zoneId,
          action: back ? 'project.stage_back' : 'project.stage',
          entityType: 'project',
          entityId: id,
          before: { stage: before.stage, ...Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof ProjectRow]])) },
          after: { stage: after.stage, reason: reason ?? null, ...patch },
        });
        await repo.refreshDerived(tx, { projectIds: [id] }, t);
      });
      return detail(s, id);
    },

    async putMilestones(s: SessionContext, id: string, body: z.infer<typeof milestonesBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.update', project.zoneId);
      const current = await repo.milestones(db, id);
      const byId = new Map(current.map((m) => [m.id, m]));
      const t = today();
      const fields: FieldError[] = [];
      body.items.forEach((m, i) => {
        if (m.id && !byId.has(m.id)) fields.push({ field: `items.${i}.id`, reason: 'unknown_milestone' });
        if (m.id && m.version === undefined) fields.push({ field: `items.${i}.version`, reason: 'required' });
        if (m.actualOn && m.actualOn > t) fields.push({ field: `items.${i}.actualOn`, reason: 'date_in_future' });
      });
      throwIfAny(fields);
      for (const m of body.items)
        if (m.id && byId.get(m.id)!.version !== m.version)
          throw new AppError('VERSION_CONFLICT', { expectedVersion: m.version, currentVersion: byId.get(m.id)!.version });
      await db.transaction(async (tx) => {
        const kept = new Set(body.items.filter((m) => m.id).map((m) => m.id!));
        await repo.deleteMilestones(
          tx,
          current.filter((m) => !kept.has(m.id)).map((m) => m.id),
        );
        const inserts = [];
        for (const [i, m] of body.items.entries()) {
          const values = {
            sortOrder: i + 1,
            name: m.name,
            stage: m.stage ?? null,
            plannedOn: m.plannedOn ?? null,
            actualOn: m.actualOn ?? null,
            note: m.note ?? null,
          };
          if (m.id) {
            if (!(await repo.updateMilestone(tx, m.id, m.version!, values))) throw new AppError('VERSION_CONFLICT', { expectedVersion: m.version });
          } else inserts.push({ ...values, zoneId: project.zoneId, projectId: id });
        }
        await repo.insertMilestones(tx, inserts);
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.milestones',
          entityType: 'project',
          entityId: id,
          before: { milestones: current.map(({ name, plannedOn, actualOn }) => ({ name, plannedOn, actualOn })) },
          after: { milestones: body.items.map(({ name, plannedOn, actualOn }) => ({ name, plannedOn: plannedOn ?? null, actualOn: actualOn ?? null })) },
        });
        await afterChange(tx, id);
      });
      return detail(s, id);
    },

    async putApprovals(s: SessionContext, id: string, body: z.infer<typeof approvalsBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.approvals', project.zoneId);
      const current = (await repo.approvals(db, id)).map((a) => a.approval);
      const byId = new Map(current.map((a) => [a.id, a]));
      const t = today();
      const fields: FieldError[] = [];
      for (const [i, a] of body.items.entries()) {
        if (a.id && !byId.has(a.id)) fields.push({ field: `items.${i}.id`, reason: 'unknown_approval' });
        if (a.id && a.version === undefined) fields.push({ field: `items.${i}.version`, reason: 'required' });
        if (a.filedOn && a.filedOn > t) fields.push({ field: `items.${i}.filedOn`, reason: 'date_in_future' });
        if (a.grantedOn && a.grantedOn > t) fields.push({ field: `items.${i}.grantedOn`, reason: 'date_in_future' });
        if (a.grantedOn && !a.filedOn) fields.push({ field: `items.${i}.filedOn`, reason: 'required' });
        if (a.grantedOn && a.filedOn && a.grantedOn < a.filedOn) fields.push({ field: `items.${i}.grantedOn`, reason: 'granted_before_filed' });
        if (a.agentUserId && !(await repo.userCoversZone(db, a.agentUserId, project.zoneId)))
          fields.push({ field: `items.${i}.agentUserId`, reason: 'unknown_user_in_zone' });
      }
      throwIfAny(fields);
      for (const a of body.items)
        if (a.id && byId.get(a.id)!.version !== a.version)
          throw new AppError('VERSION_CONFLICT', { expectedVersion: a.version, currentVersion: byId.get(a.id)!.version });
      await db.transaction(async (tx) => {
        const kept = new Set(body.items.filter((a) => a.id).map((a) => a.id!));
        await repo.deleteApprovals(
          tx,
          current.filter((a) => !kept.has(a.id)).map((a) => a.id),
        );
        const inserts = [];
        for (const [i, a] of body.items.entries()) {
          const values = {
            sortOrder: i + 1,
            name: a.name,
            agency: a.agency ?? null,
            statutoryDays: a.statutoryDays ?? null,
            promisedDays: a.promisedDays ?? null,
            agentUserId: a.agentUserId ?? null,
            filedOn: a.filedOn ?? null,
            grantedOn: a.grantedOn ?? null,
            note: a.note ?? null,
          };
          if (a.id) {
            if (!(await repo.updateApproval(tx, a.id, a.version!, values))) throw new AppError('VERSION_CONFLICT', { expectedVersion: a.version });
          } else inserts.push({ ...values, zoneId: project.zoneId, projectId: id });
        }
        await repo.insertApprovals(tx, inserts);
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.approvals',
          entityType: 'project',
          entityId: id,
          before: { approvals: current.map(({ name, filedOn, grantedOn }) => ({ name, filedOn, grantedOn })) },
          after: { approvals: body.items.map(({ name, filedOn, grantedOn }) => ({ name, filedOn: filedOn ?? null, grantedOn: grantedOn ?? null })) },
        });
        await afterChange(tx, id);
      });
      return detail(s, id);
    },

    async putLandStandard(s: SessionContext, id: string, body: z.infer<typeof landStandardBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.update', project.zoneId);
      if (body.assessedOn && body.assessedOn > today()) throw fieldError('assessedOn', 'date_in_future');
      const before = await repo.landStandard(db, id);
      const { version, ...values } = body;
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertLandStandard(tx, { ...values, projectId: id, zoneId: project.zoneId });
        else {
          if (version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateLandStandard(tx, id, version, values);
          if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: version, currentVersion: before.version });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.land_standard',
          entityType: 'project',
          entityId: id,
          before: before ?? null,
          after,
        });
        await repo.touch(tx, id);
      });
      return detail(s, id);
    },

    async putAnnualPlan(s: SessionContext, id: string, year: number, body: { planWan: number; version?: number }, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.update', project.zoneId);
      const before = await repo.findAnnualPlan(db, id, year);
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertAnnualPlan(tx, { projectId: id, zoneId: project.zoneId, year, planYuan: body.planWan });
        else {
          if (body.version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateAnnualPlan(tx, id, year, body.version, body.planWan);
          if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version, currentVersion: before.version });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.annual_plan',
          entityType: 'project',
          entityId: id,
          before: before ?? null,
          after,
        });
        await afterChange(tx, id);
      });
      return detail(s, id);
    },

    async createReport(s: SessionContext, id: string, body: z.infer<typeof createReportBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.report', project.zoneId);
      const kind = (await repo.zoneReportPeriod(db, project.zoneId))!;
      throwIfAny(checkPeriod(kind, body.periodStart));
      if ((await repo.reportsOfPeriod(db, [id], body.periodStart)).length)
        throw new AppError('DUPLICATE', { fields: [{ field: 'periodStart', reason: 'period_reported' }] });
      const before = (await repo.investedBefore(db, [id], body.periodStart)).get(id) ?? 0;
      const { invested, fields } = reportAmount(body, before, '');
      throwIfAny(fields);
      const actor = actorOf(s, requestId);
      const reportId = await db.transaction(async (tx) => {
        const [row] = await repo.insertReports(tx, [
          {
            zoneId: project.zoneId,
            projectId: id,
            periodKind: kind,
            periodStart: body.periodStart,
            periodEnd: periodOf(kind, body.periodStart).end,
            investedYuan: invested,
            percentComplete: body.percentComplete ?? null,
            progressText: body.progressText ?? null,
            problems: body.problems ?? null,
            reportedById: actor.id,
            reportedByName: s.user.displayName,
          },
        ]);
        await audit(tx, actor, { zoneId: project.zoneId, action: 'project.report', entityType: 'project', entityId: id, after: row });
        await afterChange(tx, id);
        return row.id;
      });
      return (await detail(s, id)).reports.find((r) => r.id === reportId)!;
    },

    async updateReport(s: SessionContext, id: string, reportId: string, body: z.infer<typeof updateReportBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.report', project.zoneId);
      const before = await repo.findReport(db, reportId);
      if (!before || before.projectId !== id) throw notFound();
      assertVersion(before, body.version);
      await db.transaction(async (tx) => {
        const after = await repo.updateReport(tx, reportId, body.version, {
          ...(body.investedWan !== undefined ? { investedYuan: body.investedWan } : {}),
          ...(body.percentComplete !== undefined ? { percentComplete: body.percentComplete } : {}),
          ...(body.progressText !== undefined ? { progressText: body.progressText } : {}),
          ...(body.problems !== undefined ? { problems: body.problems } : {}),
        });
        if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version });
        await audit(tx, actorOf(s, requestId), { zoneId: project.zoneId, action: 'project.report_update', entityType: 'project', entityId: id, before, after });
        await afterChange(tx, id);
      });
      return (await detail(s, id)).reports.find((r) => r.id === reportId)!;
    },

    /** The batch grid: the caller's projects (responsible officer or leader in charge) of a zone, for one period. */
    async batch(s: SessionContext, q: z.infer<typeof batchQuery>) {
      if (!inScope(s, q.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      await ensureFresh();
      const kind = (await repo.zoneReportPeriod(db, q.zoneId))!;
      const period = q.periodStart ? periodOf(kind, q.periodStart) : previousPeriod(kind, today());
      if (q.periodStart) throwIfAny(checkPeriod(kind, q.periodStart));
      const mine = await repo.list(db, { zoneIds: [q.zoneId], officerUserId: s.user.id }, { page: 1, pageSize: 5000, sort: 'name', order: 'asc' });
      const led = await repo.list(db, { zoneIds: [q.zoneId], leaderUserId: s.user.id }, { page: 1, pageSize: 5000, sort: 'name', order: 'asc' });
      const rows = [...new Map([...mine.items, ...led.items].map((r) => [r.project.id, r])).values()].sort((a, b) =>
        a.project.name.localeCompare(b.project.name, 'zh-CN'),
      );
      const ids = rows.map((r) => r.project.id);
      const [before, existing] = await Promise.all([repo.investedBefore(db, ids, period.start), repo.reportsOfPeriod(db, ids, period.start)]);
      const byProject = new Map(existing.map((r) => [r.projectId, r]));
      return {
        zoneId: q.zoneId,
        periodKind: kind,
        periodStart: period.start,
        periodEnd: period.end,
        rows: rows.map(({ project: p }) => {
          const rep = byProject.get(p.id);
          const prior = before.get(p.id) ?? 0;
          return {
            projectId: p.id,
            name: p.name,
            stage: p.stage,
            flag: p.flag,
            totalInvestmentYuan: p.totalInvestmentYuan,
            investedBeforeYuan: prior,
            annualPlanYuan: p.annualPlanYuan,
            lastPercentComplete: p.percentComplete,
            report: rep
              ? {
                  id: rep.id,
                  periodKind: rep.periodKind,
                  periodStart: rep.periodStart,
                  periodEnd: rep.periodEnd,
                  investedYuan: rep.investedYuan,
                  ytdYuan: 0,
                  sinceStartYuan: prior + rep.investedYuan,
                  percentOfAnnualPlan: null,
                  percentOfTotal: pct(prior + rep.investedYuan, p.totalInvestmentYuan),
                  percentComplete: rep.percentComplete,
                  progressText: rep.progressText,
                  problems: rep.problems,
                  reportedByName: rep.reportedByName,
                  photoIds: [],
                  createdAt: rep.createdAt.toISOString(),
                  version: rep.version,
                }
              : null,
          };
        }),
      };
    },

    /** Files one period for many projects of a zone: every row is checked first; any problem writes nothing. */
    async batchCreate(s: SessionContext, body: z.infer<typeof batchBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.report', body.zoneId);
      const kind = (await repo.zoneReportPeriod(db, body.zoneId))!;
      throwIfAny(checkPeriod(kind, body.periodStart));
      const ids = body.rows.map((r) => r.projectId);
      const [found, existing, before] = await Promise.all([
        repo.idsInZone(db, body.zoneId, ids),
        repo.reportsOfPeriod(db, ids, body.periodStart),
        repo.investedBefore(db, ids, body.periodStart),
      ]);
      const foundIds = new Set(found);
      const reported = new Set(existing.map((r) => r.projectId));
      const seen = new Set<string>();
      const fields: FieldError[] = [];
      const amounts: number[] = [];
      body.rows.forEach((row, i) => {
        if (!foundIds.has(row.projectId)) fields.push({ field: `rows.${i}.projectId`, reason: 'unknown_project' });
        else if (seen.has(row.projectId)) fields.push({ field: `rows.${i}.projectId`, reason: 'duplicate_row' });
        else if (reported.has(row.projectId)) fields.push({ field: `rows.${i}.projectId`, reason: 'period_reported' });
        seen.add(row.projectId);
        const { invested, fields: f } = reportAmount(row, before.get(row.projectId) ?? 0, `rows.${i}.`);
        fields.push(...f);
        amounts.push(invested);
      });
      throwIfAny(fields);
      const end = periodOf(kind, body.periodStart).end;
      const actor = actorOf(s, requestId);
      await db.transaction(async (tx) => {
        const common = {
          zoneId: body.zoneId,
          periodKind: kind,
          periodStart: body.periodStart,
          periodEnd: end,
          reportedById: actor.id,
          reportedByName: s.user.displayName,
        };
        const values = body.rows.map((row, i) => ({
          projectId: row.projectId,
          investedYuan: amounts[i],
          percentComplete: row.percentComplete ?? null,
          progressText: row.progressText ?? null,
          problems: row.problems ?? null,
        }));
        const inserted = await repo.insertPeriodReports(tx, common, values);
        const byProject = new Map(values.map((v) => [v.projectId, v]));
        await repo.auditMany(
          tx,
          actor,
          { zoneId: body.zoneId, action: 'project.report', entityType: 'project' },
          inserted.map((r) => ({ entityId: r.projectId, after: { id: r.id, ...common, ...byProject.get(r.projectId) } })),
        );
        await repo.refreshDerived(tx, { projectIds: ids }, today());
      });
      return { created: body.rows.length, periodStart: body.periodStart, periodEnd: end };
    },

    async uploadPhoto(
      s: SessionContext,
      id: string,
      file: { bytes: Buffer; truncated: boolean } | undefined,
      fields: { caption?: string; reportId?: string },
      requestId: string,
    ) {
      const project = await load(s, id);
      requirePermission(s, 'project.report', project.zoneId);
      if (!file || file.bytes.length === 0) throw fieldError('file', 'photo_missing');
      if (file.truncated || file.bytes.length > PHOTO_MAX_BYTES) throw fieldError('file', 'photo_too_large');
      const mimeType = imageTypeOf(file.bytes);
      if (!mimeType) throw fieldError('file', 'photo_not_image');
      if (fields.reportId) {
        const rep = /^[0-9a-f-]{36}$/i.test(fields.reportId) ? await repo.findReport(db, fields.reportId) : undefined;
        if (!rep || rep.projectId !== id) throw fieldError('reportId', 'required');
      }
      const caption = fields.caption?.trim().slice(0, 200) || null;
      const actor = actorOf(s, requestId);
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertPhoto(tx, {
          zoneId: project.zoneId,
          projectId: id,
          reportId: fields.reportId ?? null,
          mimeType,
          sizeBytes: file.bytes.length,
          caption,
          bytes: file.bytes,
          uploadedById: actor.id,
          uploadedByName: s.user.displayName,
        });
        await audit(tx, actor, {
          zoneId: project.zoneId,
          action: 'project.photo',
          entityType: 'project',
          entityId: id,
          after: { photoId: inserted.id, mimeType, sizeBytes: file.bytes.length, caption },
        });
        await repo.touch(tx, id);
        return inserted;
      });
      return {
        id: row.id,
        reportId: fields.reportId ?? null,
        mimeType,
        sizeBytes: file.bytes.length,
        caption,
        uploadedByName: s.user.displayName,
        createdAt: row.createdAt.toISOString(),
        url: `/api/projects/${id}/photos/${row.id}`,
      };
    },

    async photo(s: SessionContext, id: string, photoId: string) {
      await load(s, id);
      const row = await repo.photoBytes(db, id, photoId);
      if (!row) throw notFound();
      return row;
    },

    async templates(s: SessionContext, zoneId: string | undefined) {
      if (zoneId && !inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const own = await repo.template(db, zoneId ?? null);
      const global = zoneId && !own ? await repo.template(db, null) : undefined;
      const used = own ?? global;
      return {
        zoneId: zoneId ?? null,
        source: own ? (zoneId ? ('zone' as const) : ('global' as const)) : global ? ('global' as const) : ('builtin' as const),
        milestones: used?.milestones ?? builtinMilestones,
        approvals: used?.approvals ?? builtinApprovals,
        version: own?.version ?? null,
        actions: can(s, 'project.configure', zoneId ?? null) ? ['update'] : [],
      };
    },

    async putTemplates(s: SessionContext, body: z.infer<typeof putTemplatesBody>, requestId: string) {
      if (body.zoneId && !inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.configure', body.zoneId);
      const before = await repo.template(db, body.zoneId);
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertTemplate(tx, { zoneId: body.zoneId, milestones: body.milestones, approvals: body.approvals });
        else {
          if (body.version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateTemplate(tx, before.id, body.version, { milestones: body.milestones, approvals: body.approvals });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: body.zoneId,
          action: 'project_template.update',
          entityType: 'project_template',
          entityId: after.id,
          before: before ?? null,
          after,
        });
      });
      return service.templates(s, body.zoneId ?? undefined);
    },

    async flagRule(s: SessionContext, zoneId: string | undefined) {
      if (zoneId && !inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const own = await repo.flagRule(db, zoneId ?? null);
      const global = zoneId && !own ? await repo.flagRule(db, null) : undefined;
      const used = own ?? global;
      const rule = used
        ? {
            milestoneYellowDays: used.milestoneYellowDays,
            milestoneRedDays: used.milestoneRedDays,
            investmentYellowPoints: used.investmentYellowPoints,
            investmentRedPoints: used.investmentRedPoints,
            missingReportFlag: used.missingReportFlag,
            reportGraceDays: used.reportGraceDays,
          }
        : defaultFlagRule;
      return {
        ...rule,
        zoneId: zoneId ?? null,
        source: own ? (zoneId ? ('zone' as const) : ('global' as const)) : global ? ('global' as const) : ('builtin' as const),
        version: own?.version ?? null,
        actions: can(s, 'project.configure', zoneId ?? null) ? ['update'] : [],
      };
    },

    async putFlagRule(s: SessionContext, body: z.infer<typeof putFlagRuleBody>, requestId: string) {
      if (body.zoneId && !inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.configure', body.zoneId);
      const fields: FieldError[] = [];
      if (body.milestoneRedDays < body.milestoneYellowDays) fields.push({ field: 'milestoneRedDays', reason: 'thresholds_order' });
      if (body.investmentRedPoints < body.investmentYellowPoints) fields.push({ field: 'investmentRedPoints', reason: 'thresholds_order' });
      throwIfAny(fields);
      const { zoneId, version, ...values } = body;
      const before = await repo.flagRule(db, zoneId);
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertFlagRule(tx, { zoneId, ...values });
        else {
          if (version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateFlagRule(tx, before.id, version, values);
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId,
          action: 'project_flag_rule.update',
          entityType: 'project_flag_rule',
          entityId: after.id,
          before: before ?? null,
          after,
        });
        // The rule is an input of every flag it governs: recompute them now.
        await repo.refreshDerived(tx, { zoneIds: zoneId ? [zoneId] : s.scope.zoneIds }, today());
      });
      return service.flagRule(s, zoneId ?? undefined);
    },

    async landCompliance(s: SessionContext, zoneId: string | undefined) {
      if (zoneId && !inScope(s, zoneId)) return [];
      const rows = await repo.landCompliance(db, zoneId ? [zoneId] : s.scope.all ? null : s.scope.zoneIds);
      return rows.map((r) => ({ ...presentLand(r.land), projectId: r.land.projectId, projectName: r.projectName, zoneId: r.land.zoneId, landMu: r.landMu }));
    },

    async assignableUsers(s: SessionContext, zoneId: string) {
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      return repo.usersInZone(db, zoneId);
    },

    /** The 工作台 entries: my overdue nodes, and my projects whose last period is not reported. */
    async workbench(s: SessionContext) {
      const t = today();
      const zoneIds = s.scope.zoneIds;
      const previous = { week: previousPeriod('week', t), xun: previousPeriod('xun', t), month: previousPeriod('month', t) };
      const [overdue, due] = await Promise.all([
        repo.overdueMilestonesOf(db, s.user.id, zoneIds, t),
        repo.reportsDueOf(db, s.user.id, zoneIds, { week: previous.week.start, xun: previous.xun.start, month: previous.month.start }),
      ]);
      return {
        overdueMilestones: overdue.map((m) => ({ ...m, daysOverdue: daysBetween(m.plannedOn, t) })),
        reportsDue: due.map((p) => ({
          projectId: p.id,
          projectName: p.name,
          zoneId: p.zone_id,
          periodStart: previous[p.report_period].start,
          periodEnd: previous[p.report_period].end,
        })),
      };
    },
  };
  return service;
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
export { addDays, dateText };

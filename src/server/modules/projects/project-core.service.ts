/**
 * The project itself (core and stage): list, detail, create (from the route, a lead or another
 * module's transaction), update, stage changes, assignable users and the 工作台 entries.
 */
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { FieldError } from '../../../contract/errors.ts';
import {
  projectStages,
  type changeStageBody,
  type createProjectBody,
  type listProjectsQuery,
  type ProjectStage,
  type updateProjectBody,
} from '../../../contract/projects.ts';
import { daysBetween, previousPeriod } from '../../../contract/periods.ts';
import { fieldError, throwIfAny } from '../../platform/errors.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { ProjectsContext } from './projects.context.ts';
import type { ProjectInsert, ProjectRow } from './projects.repository.ts';
import { checkRecord, gateDateOf, gateErrors, stageIndex, storedLandToStart, templatePlanRows } from './projects.rules.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';

type PhaseBody = NonNullable<z.infer<typeof createProjectBody>['phases']>[number];

/** A phase as stored: money in yuan (the parsed body's), its stage, and its land-to-start working days. */
function phaseRows(phases: PhaseBody[], cal: WorkCalendar) {
  return phases.map(({ investmentWan, investedWan, ...ph }) => ({
    ...ph,
    stage: ph.stage ?? 'planning',
    investmentYuan: investmentWan ?? null,
    investedYuan: investedWan ?? null,
    landToStartWorkdays: storedLandToStart(cal, ph.landOn, ph.actualStartOn),
  }));
}

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

/**
 * What `createInTx` takes: the create body as parsed (money already in yuan), the stage optional
 * (planning), and the lead it comes from if any.
 */
export type ProjectCreateValues = Omit<z.infer<typeof createProjectBody>, 'stage'> & { stage?: ProjectStage; leadId?: string | null };

export function createProjectCoreService(k: ProjectsContext) {
  const { db, repo, audit, today, ensureFresh, presentItem, load, requirePermission, checkRefs, responsibility, templateFor, ensurePlan, detail, calendar } = k;

  /** Inserts a project with its phases, first stage event and template plan; audit and flag in the same transaction. */
  async function insertProject(
    tx: DbOrTx,
    s: SessionContext,
    values: ProjectInsert,
    extra: { phases?: z.infer<typeof createProjectBody>['phases']; annualPlanYuan?: number | null; taskForceUserIds?: string[] },
    requestId: string,
  ): Promise<ProjectRow> {
    const t = today();
    const stage = values.stage ?? 'planning';
    const gate = gateDateOf[stage];
    const cal = await calendar(tx);
    const row = await repo.insert(tx, {
      ...values,
      stage,
      stageEnteredOn: (gate && values[gate]) || t,
      landToStartWorkdays: storedLandToStart(cal, values.landOn, values.startOn),
    });
    const phases = extra.phases ? phaseRows(extra.phases, cal) : undefined;
    if (phases) await repo.replacePhases(tx, row.id, row.zoneId, phases);
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
    const plan = templatePlanRows(await templateFor(tx, row.zoneId), row);
    await repo.insertMilestones(tx, plan.milestones);
    await repo.insertApprovals(tx, plan.approvals);
    if (extra.annualPlanYuan != null)
      await repo.insertAnnualPlan(tx, { projectId: row.id, zoneId: row.zoneId, year: Number(t.slice(0, 4)), planYuan: extra.annualPlanYuan });
    if (extra.taskForceUserIds?.length) await responsibility.replaceTaskForce(tx, row.zoneId, row.id, extra.taskForceUserIds);
    await audit(tx, actor, {
      zoneId: row.zoneId,
      action: 'project.create',
      entityType: 'project',
      entityId: row.id,
      after: { ...row, phases, ...(extra.taskForceUserIds?.length ? { taskForceUserIds: extra.taskForceUserIds } : {}) },
    });
    await repo.refreshDerived(tx, { projectIds: [row.id] }, t);
    return row;
  }

  const service = {
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
          scope: s,
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
      throwIfAny([
        ...checkRecord(values, today(), body.phases),
        ...gateErrors(values, stage),
        ...(await checkRefs(tx, body.zoneId, { ...values, taskForceUserIds: body.taskForceUserIds })),
      ]);
      return insertProject(
        tx,
        s,
        values as ProjectInsert,
        { phases: body.phases, annualPlanYuan: body.annualPlanWan, taskForceUserIds: body.taskForceUserIds },
        requestId,
      );
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
      const { version, phases, taskForceUserIds, totalInvestmentWan, fixedAssetInvestmentWan, expectedOutputWan, expectedTaxWan, ...rest } = body;
      const patch: Partial<ProjectInsert> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      if (totalInvestmentWan !== undefined) patch.totalInvestmentYuan = totalInvestmentWan;
      if (fixedAssetInvestmentWan !== undefined) patch.fixedAssetInvestmentYuan = fixedAssetInvestmentWan;
      if (expectedOutputWan !== undefined) patch.expectedOutputYuan = expectedOutputWan;
      if (expectedTaxWan !== undefined) patch.expectedTaxYuan = expectedTaxWan;
      const merged = { ...before, ...patch };
      throwIfAny([
        ...checkRecord(merged, today(), phases),
        ...gateErrors(merged, before.stage),
        ...(await checkRefs(tx, before.zoneId, { ...patch, taskForceUserIds })),
      ]);
      const cal = await calendar(tx);
      const landToStartWorkdays = storedLandToStart(cal, merged.landOn, merged.startOn);
      if (landToStartWorkdays !== before.landToStartWorkdays) patch.landToStartWorkdays = landToStartWorkdays;
      const after = await repo.update(tx, id, version, patch);
      const phaseValues = phases ? phaseRows(phases, cal) : undefined;
      if (phaseValues) await repo.replacePhases(tx, id, before.zoneId, phaseValues);
      // 专班 as people: replaced as a whole when given, the old team kept in the audit entry.
      const teamBefore = taskForceUserIds ? (await responsibility.taskForce(tx, id)).map((m) => m.id) : undefined;
      if (taskForceUserIds) await responsibility.replaceTaskForce(tx, before.zoneId, id, taskForceUserIds);
      await audit(tx, actorOf(s, requestId), {
        zoneId: before.zoneId,
        action: 'project.update',
        entityType: 'project',
        entityId: id,
        before: { ...before, ...(teamBefore ? { taskForceUserIds: teamBefore } : {}) },
        after: { ...after, ...(phaseValues ? { phases: phaseValues } : {}), ...(taskForceUserIds ? { taskForceUserIds } : {}), ...options.auditAfter },
      });
      await repo.refreshDerived(tx, { projectIds: [id] }, today());
      return after;
    },

    async changeStage(s: SessionContext, id: string, body: z.infer<typeof changeStageBody>, requestId: string) {
      await db.transaction((tx) => service.changeStageInTx(tx, s, id, body, requestId));
      return detail(s, id);
    },

    /**
     * Moves a project's stage inside the caller's transaction with the route's rules: scope, permission,
     * the version read, a reason to go back, the gates of every stage passed (their dates in `body`),
     * the stage event, milestones filled from the gate dates, audit and derived figures.
     */
    async changeStageInTx(
      tx: DbOrTx,
      s: SessionContext,
      id: string,
      body: z.infer<typeof changeStageBody>,
      requestId: string,
      options: { auditAfter?: Record<string, unknown> } = {},
    ): Promise<ProjectRow> {
      const before = await load(s, id, tx);
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
      fields.push(...checkRecord(merged, t));
      if (!back) fields.push(...gateErrors(merged, stage));
      if (patch.investorEnterpriseId && !(await repo.enterpriseExists(tx, patch.investorEnterpriseId)))
        fields.push({ field: 'investorEnterpriseId', reason: 'unknown_enterprise' });
      throwIfAny(fields);
      const gate = gateDateOf[stage];
      const on = (!back && gate && merged[gate]) || t;
      const landToStartWorkdays = storedLandToStart(await calendar(tx), merged.landOn, merged.startOn);
      // The plan as of the stage it leaves, so the nodes of the stages entered now are filled below.
      if (before.planPending) await ensurePlan(tx, id);
      const after = await repo.update(tx, id, version, { ...patch, stage, stageEnteredOn: on, landToStartWorkdays });
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
        after: { stage: after.stage, reason: reason ?? null, ...patch, ...options.auditAfter },
      });
      await repo.refreshDerived(tx, { projectIds: [id] }, t);
      return after;
    },

    /**
     * Sets one phase by name (一期) inside the caller's transaction, keeping the others as they are:
     * the phase's investment (yuan, as parsed) is added, or replaces the one on file; the same rules,
     * audit and derived figures as `updateInTx` with the whole list.
     */
    async setPhaseInTx(
      tx: DbOrTx,
      s: SessionContext,
      id: string,
      body: { version: number; name: string; investmentWan: number },
      requestId: string,
      options: { auditAfter?: Record<string, unknown> } = {},
    ): Promise<ProjectRow> {
      await load(s, id, tx);
      const stored = (await repo.children(tx, id)).phases;
      const phases: PhaseBody[] = stored.map(({ investmentYuan, investedYuan, ...ph }) => ({
        name: ph.name,
        stage: ph.stage,
        investmentWan: investmentYuan,
        investedWan: investedYuan,
        content: ph.content ?? null,
        plannedStartOn: ph.plannedStartOn ?? null,
        plannedEndOn: ph.plannedEndOn ?? null,
        landOn: ph.landOn ?? null,
        actualStartOn: ph.actualStartOn ?? null,
        actualEndOn: ph.actualEndOn ?? null,
        productionOn: ph.productionOn ?? null,
      }));
      const same = phases.find((ph) => ph.name === body.name);
      if (same) same.investmentWan = body.investmentWan;
      else phases.push({ name: body.name, stage: 'planning', investmentWan: body.investmentWan });
      return service.updateInTx(tx, s, id, { version: body.version, phases }, requestId, options);
    },

    /** The project's flag changes, newest first; outside the caller's zones the project is not found. */
    async flagHistory(s: SessionContext, id: string) {
      await ensureFresh();
      await load(s, id);
      return { items: await repo.flagHistory(db, id) };
    },

    async assignableUsers(s: SessionContext, zoneId: string) {
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      return repo.usersInZone(db, zoneId);
    },

    /** The 工作台 entries: my overdue nodes, and my projects whose last period is not reported. */
    async workbench(s: SessionContext) {
      const t = today();
      const previous = { week: previousPeriod('week', t), xun: previousPeriod('xun', t), month: previousPeriod('month', t) };
      const [overdue, due] = await Promise.all([
        repo.overdueMilestonesOf(db, s, t),
        repo.reportsDueOf(db, s, { week: previous.week.start, xun: previous.xun.start, month: previous.month.start }),
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

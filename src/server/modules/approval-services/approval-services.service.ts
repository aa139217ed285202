/**
 * Approval services (审批服务): the 赋权事项 catalogue and cases under 承诺制 (start on a signed promise,
 * inspect later) or 全代办 (the agent files everything), on working-day clocks of the official
 * calendar. A case may fulfil an item of a project's approval checklist: its filing and grant are
 * written there in the same transaction (projects' public service). Overdue cases escalate one level
 * per N working days (agent → 分管领导 → 主要领导), like blockers, on every read.
 */
import type { z } from 'zod';
import type { FieldError } from '../../../contract/errors.ts';
import { caseLevels, type CaseLevel } from '../../../contract/services/enums.ts';
import {
  stepsOf,
  type advanceCaseBody,
  type createCaseBody,
  type createItemBody,
  type listCasesQuery,
  type listItemsQuery,
  type updateCaseBody,
  type updateItemBody,
} from '../../../contract/services/approval-services.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, systemActor, type SessionContext } from '../../platform/auth/session.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound, throwIfAny } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications.ts';
import { actionsFor, can, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { ProjectsService } from '../projects/index.ts';
import './approval-services.notifications.ts';
import type { ApprovalServicesRepository, CaseRow } from './approval-services.repository.ts';

/** Working days an overdue case waits at a level before it escalates, when the zone has not set its own. */
export const DEFAULT_CASE_ESCALATION_WORKDAYS = 2;
/** 承诺制: working days from the promise to the 核查, unless the case says otherwise. */
export const DEFAULT_INSPECTION_WORKDAYS = 60;

export interface ApprovalServicesDeps {
  db: Db;
  repo: ApprovalServicesRepository;
  audit: AuditWriter;
  clock: Clock;
  calendar: () => Promise<WorkCalendar>;
  projects: Pick<ProjectsService, 'approvalItemInTx' | 'recordApprovalFromCaseInTx'>;
}

const isOpen = (c: Pick<CaseRow, 'step'>) => c.step !== 'granted' && c.step !== 'inspected';
const dueOf = (c: Pick<CaseRow, 'mode' | 'dueOn' | 'inspectionDueOn'>) => (c.mode === 'full_agency' ? c.dueOn : c.inspectionDueOn);

export function createApprovalServicesService({ db, repo, audit, clock, calendar, projects }: ApprovalServicesDeps) {
  const today = () => chinaToday(clock);
  const requireHandle = (s: SessionContext, zoneId: string) => {
    if (!can(s, 'approval_service.handle', zoneId)) throw new AppError('FORBIDDEN');
  };

  type CaseListRow = Awaited<ReturnType<ApprovalServicesRepository['listCases']>>[number];
  const presentCase = (s: SessionContext, c: CaseListRow, cal: WorkCalendar, t: string) => {
    const due = dueOf(c);
    const open = isOpen(c);
    const workdaysLeft = !open || !due ? null : due >= t ? cal.workdaysBetween(t, due) : -cal.workdaysBetween(due, t);
    return {
      id: c.id,
      zoneId: c.zoneId,
      itemId: c.itemId,
      itemName: c.item_name,
      projectId: c.projectId,
      projectName: c.project_name,
      projectApprovalId: c.projectApprovalId,
      projectApprovalName: c.project_approval_name,
      enterpriseId: c.enterpriseId,
      applicant: c.applicant,
      mode: c.mode,
      step: c.step,
      open,
      agentUserId: c.agentUserId,
      agentName: c.agent_name,
      acceptedOn: c.acceptedOn,
      dueOn: due,
      workdaysLeft,
      overdue: open && Boolean(due) && due! < t,
      materialsOn: c.materialsOn,
      filedOn: c.filedOn,
      grantedOn: c.grantedOn,
      promiseSignedOn: c.promiseSignedOn,
      inspectionDueOn: c.inspectionDueOn,
      inspectedOn: c.inspectedOn,
      inspectionResult: c.inspectionResult,
      satisfaction: c.satisfaction == null ? null : Number(c.satisfaction),
      documents: c.documents ?? [],
      level: c.level,
      ownerName: c.owner_name,
      note: c.note,
      version: Number(c.version),
      actions: open ? actionsFor(s, 'approvalCase', c.zoneId) : actionsFor(s, 'approvalCase', c.zoneId).filter((a) => a !== 'advance'),
    };
  };
  async function presentCases(s: SessionContext, rows: CaseListRow[]) {
    const [cal, t] = [await calendar(), today()];
    return rows.map((r) => presentCase(s, r, cal, t));
  }
  const oneCase = async (s: SessionContext, id: string) => (await presentCases(s, await repo.listCases(db, s, { ids: [id] })))[0];

  type ItemListRow = Awaited<ReturnType<ApprovalServicesRepository['listItems']>>[number];
  const presentItem = (s: SessionContext, i: ItemListRow) => ({
    id: i.id,
    zoneId: i.zoneId,
    code: i.code,
    name: i.name,
    department: i.department,
    legalBasis: i.legalBasis,
    statutoryDays: i.statutoryDays == null ? null : Number(i.statutoryDays),
    promisedDays: i.promisedDays == null ? null : Number(i.promisedDays),
    materials: i.materials,
    caseCount: Number(i.case_count),
    version: Number(i.version),
    actions: actionsFor(s, 'delegatedItem', i.zoneId),
  });

  /** The owner of a level: the agent, then the project's 包联领导 or a 分管领导, then the 主要领导. */
  async function ownerForLevel(tx: DbOrTx, c: Pick<CaseRow, 'zoneId' | 'projectId' | 'agentUserId'>, level: CaseLevel) {
    if (level === 'agent') return c.agentUserId;
    const people = await repo.zoneUsers(tx, c.zoneId);
    const first = (role: string) => people.find((p) => p.role === role)?.id ?? null;
    if (level === 'leader') return (c.projectId ? await repo.projectLeader(tx, c.projectId) : null) ?? first('deputy_leader') ?? first('zone_leader');
    return first('zone_leader') ?? first('deputy_leader');
  }

  /**
   * Escalates the overdue open cases of the caller's zones (all zones for the timer): one level per
   * N working days past the due day, dated the day each step fell due; each write names the version
   * it read, so concurrent sweeps are harmless.
   */
  async function escalateDue(s: SessionContext | null, zoneId?: string) {
    const t = today();
    const ids = await repo.overdueOpen(db, s, t, zoneId);
    if (!ids.length) return 0;
    const cal = await calendar();
    let moved = 0;
    for (const id of ids) {
      const c = await repo.case(db, id);
      if (!c || !isOpen(c)) continue;
      const due = dueOf(c)!;
      const n = (await repo.escalationWorkdays(db, c.zoneId)) ?? DEFAULT_CASE_ESCALATION_WORKDAYS;
      const steps = Math.min(caseLevels.length - 1, Math.floor(cal.workdaysBetween(due, t) / Math.max(1, n)));
      const current = caseLevels.indexOf(c.level);
      if (steps <= current) continue;
      const level = caseLevels[steps];
      await db.transaction(async (tx) => {
        const ownerUserId = await ownerForLevel(tx, c, level);
        const after = await repo.updateCaseIfVersion(tx, c.id, c.version, { level, levelSince: cal.addWorkdays(due, n * steps), ownerUserId });
        if (!after) return;
        moved++;
        const item = await repo.item(tx, c.itemId);
        await notify(tx, {
          zoneId: c.zoneId,
          userId: ownerUserId,
          kind: 'approval_case.escalated',
          entityType: 'approval_case',
          entityId: c.id,
          params: { item: item?.name ?? '', applicant: c.applicant, level, dueOn: due },
        });
        await audit(tx, systemActor, { zoneId: c.zoneId, action: 'approval_case.escalate', entityType: 'approval_case', entityId: c.id, before: c, after });
      });
    }
    return moved;
  }

  async function worklist(s: SessionContext) {
    await escalateDue(s);
    const cases = await presentCases(s, await repo.listCases(db, s, { open: true, agentUserId: s.user.id }));
    return cases.sort((a, b) => (a.workdaysLeft ?? 9999) - (b.workdaysLeft ?? 9999));
  }

  return {
    today,
    escalateDue,
    async recordInScope(s: SessionContext, kind: 'item' | 'case', id: string) {
      const row = kind === 'item' ? await repo.item(db, id) : await repo.case(db, id);
      return Boolean(row) && inScope(s, row!.zoneId);
    },

    // ---- catalogue
    async listItems(s: SessionContext, q: z.infer<typeof listItemsQuery>) {
      return (await repo.listItems(db, s, q)).map((i) => presentItem(s, i));
    },
    async createItem(s: SessionContext, body: z.infer<typeof createItemBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      if (!can(s, 'approval_service.catalogue', body.zoneId)) throw new AppError('FORBIDDEN');
      if (body.promisedDays != null && body.statutoryDays != null && body.promisedDays > body.statutoryDays)
        throw fieldError('promisedDays', 'promised_above_statutory');
      if (await repo.itemByName(db, body.zoneId, body.name)) throw fieldError('name', 'item_exists', 'DUPLICATE');
      const id = await db.transaction(async (tx) => {
        const i = await repo.insertItem(tx, body);
        await audit(tx, actorOf(s, requestId), { zoneId: i.zoneId, action: 'approval_item.create', entityType: 'approval_item', entityId: i.id, after: i });
        return i.id;
      });
      return presentItem(s, (await repo.listItems(db, s, { ids: [id] }))[0]);
    },
    async updateItem(s: SessionContext, id: string, body: z.infer<typeof updateItemBody>, requestId: string) {
      const before = await repo.item(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      if (!can(s, 'approval_service.catalogue', before.zoneId)) throw new AppError('FORBIDDEN');
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      const statutory = patch.statutoryDays !== undefined ? patch.statutoryDays : before.statutoryDays;
      const promised = patch.promisedDays !== undefined ? patch.promisedDays : before.promisedDays;
      if (promised != null && statutory != null && promised > statutory) throw fieldError('promisedDays', 'promised_above_statutory');
      if (patch.name && (await repo.itemByName(db, before.zoneId, patch.name, id))) throw fieldError('name', 'item_exists', 'DUPLICATE');
      await db.transaction(async (tx) => {
        const after = await repo.updateItem(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'approval_item.update',
          entityType: 'approval_item',
          entityId: id,
          before,
          after,
        });
      });
      return presentItem(s, (await repo.listItems(db, s, { ids: [id] }))[0]);
    },

    // ---- cases
    async listCases(s: SessionContext, q: z.infer<typeof listCasesQuery>) {
      await escalateDue(s, q.zoneId);
      const rows = await repo.listCases(db, s, {
        zoneId: q.zoneId,
        open: q.open === undefined ? undefined : q.open === 'true',
        mode: q.mode,
        projectId: q.projectId,
      });
      const cases = await presentCases(s, rows);
      return q.overdue === 'true' ? cases.filter((c) => c.overdue) : cases;
    },
    /** The 代办 officer's worklist: open cases the caller handles or owns at their level, most urgent first. */
    worklist,
    /** The worklist as the 工作台 lists it. */
    async myWorklist(s: SessionContext) {
      return (await worklist(s)).map((c) => ({
        kind: 'approval_case' as const,
        id: c.id,
        zoneId: c.zoneId,
        title: `${c.itemName}（${c.applicant}）`,
        detail: c.projectApprovalName ? `${c.projectName} · ${c.projectApprovalName}` : null,
        dueOn: c.dueOn,
        overdue: c.overdue,
        link: '/approval-services',
      }));
    },
    async createCase(s: SessionContext, body: z.infer<typeof createCaseBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requireHandle(s, body.zoneId);
      const t = today();
      const acceptedOn = body.acceptedOn ?? t;
      const fields: FieldError[] = [];
      const item = await repo.item(db, body.itemId);
      if (!item || item.zoneId !== body.zoneId) fields.push({ field: 'itemId', reason: 'unknown_item' });
      if (acceptedOn > t) fields.push({ field: 'acceptedOn', reason: 'date_in_future' });
      const agentUserId = body.agentUserId ?? (body.mode === 'full_agency' ? null : s.user.id);
      if (body.mode === 'full_agency' && !agentUserId) fields.push({ field: 'agentUserId', reason: 'agent_required' });
      if (agentUserId && !(await repo.userCoversZone(db, agentUserId, body.zoneId))) fields.push({ field: 'agentUserId', reason: 'unknown_user' });
      if (body.projectId && (await repo.projectZone(db, body.projectId)) !== body.zoneId) fields.push({ field: 'projectId', reason: 'project_not_in_zone' });
      if (body.projectApprovalId) {
        const linked = body.projectId ? await projects.approvalItemInTx(db, body.projectId, body.projectApprovalId) : undefined;
        if (!linked) fields.push({ field: 'projectApprovalId', reason: 'approval_not_of_project' });
        else if (await repo.caseOfProjectApproval(db, body.zoneId, body.projectApprovalId))
          fields.push({ field: 'projectApprovalId', reason: 'approval_case_exists' });
      }
      if (body.mode === 'promise' && body.inspectionDueOn && body.inspectionDueOn < acceptedOn)
        fields.push({ field: 'inspectionDueOn', reason: 'step_date_before_previous' });
      throwIfAny(fields);
      const cal = await calendar();
      const days = item!.promisedDays ?? item!.statutoryDays;
      const promise = body.mode === 'promise';
      const id = await db.transaction(async (tx) => {
        const c = await repo.insertCase(tx, {
          zoneId: body.zoneId,
          itemId: item!.id,
          projectId: body.projectId ?? null,
          projectApprovalId: body.projectApprovalId ?? null,
          enterpriseId: body.enterpriseId ?? null,
          applicant: body.applicant,
          mode: body.mode,
          step: promise ? 'promised' : 'accepted',
          agentUserId,
          acceptedOn,
          dueOn: !promise && days != null ? cal.addWorkdays(acceptedOn, days) : null,
          promiseSignedOn: promise ? acceptedOn : null,
          inspectionDueOn: promise ? (body.inspectionDueOn ?? cal.addWorkdays(acceptedOn, DEFAULT_INSPECTION_WORKDAYS)) : null,
          level: 'agent',
          levelSince: acceptedOn,
          ownerUserId: agentUserId,
          note: body.note ?? null,
        });
        // One filing updates both: the project's checklist item takes the agent (全代办) or, under
        // 承诺制, is filed and granted on the promise.
        if (c.projectId && c.projectApprovalId)
          await projects.recordApprovalFromCaseInTx(
            tx,
            s,
            c.projectId,
            c.projectApprovalId,
            promise ? { filedOn: acceptedOn, grantedOn: acceptedOn, agentUserId } : { agentUserId },
            requestId,
          );
        await notify(
          tx,
          {
            zoneId: c.zoneId,
            userId: agentUserId,
            kind: 'approval_case.assigned',
            entityType: 'approval_case',
            entityId: c.id,
            params: { item: item!.name, applicant: c.applicant, dueOn: c.dueOn ?? c.inspectionDueOn },
          },
          { except: s.user.id },
        );
        await audit(tx, actorOf(s, requestId), { zoneId: c.zoneId, action: 'approval_case.create', entityType: 'approval_case', entityId: c.id, after: c });
        return c.id;
      });
      return oneCase(s, id);
    },
    async advanceCase(s: SessionContext, id: string, body: z.infer<typeof advanceCaseBody>, requestId: string) {
      const before = await repo.case(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requireHandle(s, before.zoneId);
      assertVersion(before, body.version);
      if (!isOpen(before)) throw fieldError('step', 'case_closed');
      const steps: readonly string[] = stepsOf[before.mode];
      if (!steps.includes(body.step)) throw fieldError('step', 'mode_mismatch');
      if (steps.indexOf(body.step) !== steps.indexOf(before.step) + 1) throw fieldError('step', 'step_out_of_order');
      const on = body.on ?? today();
      const fields: FieldError[] = [];
      if (on > today()) fields.push({ field: 'on', reason: 'date_in_future' });
      const previous =
        before.mode === 'full_agency' ? (before.filedOn ?? before.materialsOn ?? before.acceptedOn) : (before.promiseSignedOn ?? before.acceptedOn);
      if (on < previous) fields.push({ field: 'on', reason: 'step_date_before_previous' });
      if (body.step === 'inspected' && !body.inspectionResult) fields.push({ field: 'inspectionResult', reason: 'inspection_result_required' });
      throwIfAny(fields);
      const patch: Record<string, unknown> = { step: body.step };
      if (body.step === 'materials_ready') patch.materialsOn = on;
      if (body.step === 'filed') patch.filedOn = on;
      if (body.step === 'granted') patch.grantedOn = on;
      if (body.step === 'inspected') Object.assign(patch, { inspectedOn: on, inspectionResult: body.inspectionResult });
      if (body.note !== undefined) patch.note = body.note;
      await db.transaction(async (tx) => {
        const after = await repo.updateCase(tx, id, body.version, patch);
        if (before.mode === 'full_agency' && before.projectId && before.projectApprovalId && (body.step === 'filed' || body.step === 'granted'))
          await projects.recordApprovalFromCaseInTx(
            tx,
            s,
            before.projectId,
            before.projectApprovalId,
            body.step === 'filed' ? { filedOn: on } : { grantedOn: on },
            requestId,
          );
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'approval_case.step',
          entityType: 'approval_case',
          entityId: id,
          before,
          after,
        });
      });
      return oneCase(s, id);
    },
    async updateCase(s: SessionContext, id: string, body: z.infer<typeof updateCaseBody>, requestId: string) {
      const before = await repo.case(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requireHandle(s, before.zoneId);
      assertVersion(before, body.version);
      if (body.agentUserId && !(await repo.userCoversZone(db, body.agentUserId, before.zoneId))) throw fieldError('agentUserId', 'unknown_user');
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateCase(tx, id, version, {
          ...patch,
          ...(patch.agentUserId !== undefined && before.level === 'agent' ? { ownerUserId: patch.agentUserId } : {}),
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'approval_case.update',
          entityType: 'approval_case',
          entityId: id,
          before,
          after,
        });
      });
      return oneCase(s, id);
    },
  };
}

export type ApprovalServicesService = ReturnType<typeof createApprovalServicesService>;

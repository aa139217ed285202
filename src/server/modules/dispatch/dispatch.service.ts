import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import type {
  addAgendaItemBody,
  agendaOrderBody,
  confirmEntryBody,
  createBlockerBody,
  createCampaignBody,
  createDecisionBody,
  createEntryBody,
  createMeetingBody,
  escalateBlockerBody,
  listBlockersQuery,
  listDecisionsQuery,
  putDispatchSettingsBody,
  reopenBlockerBody,
  resolveBlockerBody,
  updateBlockerBody,
  updateCampaignBody,
  updateDecisionBody,
  updateMeetingBody,
} from '../../../contract/dispatch.ts';
import { blockerLevelLabels, blockerLevels, nextLevel, type AgendaItemKind, type BlockerLevel } from '../../../contract/dispatch-enums.ts';
import { periodLabel, periodOf } from '../../../contract/periods.ts';
import type { FlagReason } from '../../../contract/projects.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, systemActor, type Actor, type SessionContext } from '../../platform/auth/session.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { computeRates, type Rates } from './campaign-rates.ts';
import { cnDate } from './cn-date.ts';
import type { BriefData } from './dispatch.documents.ts';

/** docx and exceljs take seconds to load on a busy machine: load the builders on first use, not at server start. */
const documents = () => import('./dispatch.documents.ts');
import type { BlockerRow, BlockerWithNames, CampaignEntryRow, CampaignRow, DecisionWithNames, DispatchRepository, MeetingRow } from './dispatch.repository.ts';

/** A red/yellow flag's reason in words, for the agenda. */
function flagReasonText(r: FlagReason): string {
  if (r.code === 'milestone_overdue') return `节点“${r.milestone ?? ''}”超期${r.days ?? ''}天`;
  if (r.code === 'investment_behind') return `投资完成滞后时序进度${r.points ?? ''}个百分点`;
  return `${r.periodStart ?? ''}起未填报进度`;
}

/** Working days an overdue blocker waits at one level before it escalates, when the zone has not set its own. */
export const DEFAULT_ESCALATION_WORKDAYS = 3;
const SWEEP_MEMO_MS = 60_000;

/** Today in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export interface DispatchDeps {
  db: Db;
  repo: DispatchRepository;
  audit: AuditWriter;
  clock: Clock;
  calendar: () => Promise<WorkCalendar>;
}

type CreateBlocker = z.infer<typeof createBlockerBody>;

export function createDispatchService({ db, repo, audit, clock, calendar }: DispatchDeps) {
  const today = () => chinaDay(clock());
  const swept = new Map<string, { day: string; at: number }>();
  /** A blocker or the settings of its zone changed here: the next read sweeps that zone again. */
  const changed = (zoneId: string) => swept.delete(zoneId);

  function requireZone(s: SessionContext, permission: Permission, zoneId: string) {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  }
  const scopeOf = (s: SessionContext, zoneId?: string) => (zoneId ? (inScope(s, zoneId) ? [zoneId] : []) : s.scope.zoneIds);

  // ------------------------------------------------------------ presenting

  function overdueDays(cal: WorkCalendar, b: { status: string; deadlineOn: string }, on: string) {
    if (b.status === 'resolved' || b.deadlineOn >= on) return 0;
    return cal.workdaysBetween(b.deadlineOn, on);
  }

  function presentBlocker(s: SessionContext, b: BlockerWithNames, cal: WorkCalendar, on: string) {
    const overdueWorkdays = overdueDays(cal, b, on);
    const actions = actionsFor(s, 'blocker', b.zoneId).filter((a) => {
      if (b.status === 'resolved') return a === 'reopen' || a === 'history';
      if (a === 'reopen') return false;
      if (a === 'escalate') return b.level !== 'main_leader';
      if (a === 'reminder') return overdueWorkdays > 0;
      return true;
    });
    return {
      id: b.id,
      zoneId: b.zoneId,
      projectId: b.projectId,
      projectName: b.projectName,
      leadId: b.leadId,
      leadName: b.leadName,
      title: b.title,
      description: b.description,
      category: b.category,
      raisedOn: b.raisedOn,
      raisedByName: b.raisedByName,
      departmentId: b.departmentId,
      departmentName: b.departmentName,
      responsibleUserId: b.responsibleUserId,
      responsibleName: b.responsibleName,
      ownerUserId: b.ownerUserId,
      ownerName: b.ownerName,
      deadlineOn: b.deadlineOn,
      level: b.level,
      levelSince: b.levelSince,
      status: b.status,
      resolution: b.resolution,
      resolvedOn: b.resolvedOn,
      overdue: overdueWorkdays > 0 || (b.status !== 'resolved' && b.deadlineOn < on),
      overdueWorkdays,
      version: b.version,
      updatedAt: b.updatedAt.toISOString(),
      actions,
    };
  }

  function presentDecision(s: SessionContext, d: DecisionWithNames, on: string, meetingClosed?: boolean) {
    return {
      id: d.id,
      zoneId: d.zoneId,
      meetingId: d.meetingId,
      meetingTitle: d.meetingTitle,
      task: d.task,
      ownerUserId: d.ownerUserId,
      ownerName: d.ownerName,
      departmentId: d.departmentId,
      departmentName: d.departmentName,
      deadlineOn: d.deadlineOn,
      projectId: d.projectId,
      projectName: d.projectName,
      blockerId: d.blockerId,
      blockerTitle: d.blockerTitle,
      status: d.status,
      doneOn: d.doneOn,
      note: d.note,
      overdue: d.status === 'open' && d.deadlineOn < on,
      version: d.version,
      actions: can(s, 'decision.update', d.zoneId) || d.ownerUserId === s.user.id ? ['update', ...(meetingClosed === false ? ['edit'] : [])] : [],
    };
  }

  function presentMeeting(s: SessionContext, m: MeetingRow, counts: { agendaCount: number; decisionCount: number }) {
    return {
      id: m.id,
      zoneId: m.zoneId,
      title: m.title,
      heldOn: m.heldOn,
      status: m.status,
      minutes: m.minutes,
      closedAt: m.closedAt ? m.closedAt.toISOString() : null,
      closedByName: m.closedByName,
      createdByName: m.createdByName,
      agendaCount: counts.agendaCount,
      decisionCount: counts.decisionCount,
      version: m.version,
      actions: actionsFor(s, 'meeting', m.zoneId).filter((a) => m.status !== 'closed' || a === 'brief'),
    };
  }

  // ------------------------------------------------------------ notifications

  interface Notice {
    zoneId: string;
    userId: string | null | undefined;
    kind: string;
    title: string;
    body?: string;
    entityType: string;
    entityId: string;
  }
  async function notify(tx: DbOrTx, notices: Notice[], exceptUserId?: string | null) {
    await repo.insertNotifications(
      tx,
      notices
        .filter((n) => n.userId && n.userId !== exceptUserId)
        .map((n) => ({
          zoneId: n.zoneId,
          userId: n.userId!,
          kind: n.kind,
          title: n.title,
          body: n.body ?? null,
          entityType: n.entityType,
          entityId: n.entityId,
        })),
    );
  }

  // ------------------------------------------------------------ escalation

  /** The owner of a level: the responsible person, the project's 包联领导, then the zone's leaders. */
  async function ownerForLevel(tx: DbOrTx, b: BlockerRow, level: BlockerLevel): Promise<string | null> {
    if (level === 'task_force') return b.responsibleUserId;
    const people = await repo.zoneUsers(tx, b.zoneId);
    const first = (role: string) => people.find((p) => p.role === role)?.id ?? null;
    if (level === 'leader') {
      const project = b.projectId ? await repo.project(tx, b.projectId) : undefined;
      return project?.leaderUserId ?? first('deputy_leader') ?? first('zone_leader');
    }
    return first('zone_leader') ?? first('deputy_leader');
  }

  async function escalateOne(
    tx: DbOrTx,
    b: BlockerRow,
    to: BlockerLevel,
    on: string,
    actor: Actor,
    note: string | null,
    automatic: boolean,
    expectedVersion: number,
  ) {
    const ownerUserId = await ownerForLevel(tx, b, to);
    const after = automatic
      ? await repo.updateBlockerIfVersion(tx, b.id, expectedVersion, { level: to, levelSince: on, ownerUserId })
      : await repo.updateBlocker(tx, b.id, expectedVersion, { level: to, levelSince: on, ownerUserId });
    if (!after) return undefined;
    await repo.insertEvents(tx, [
      { zoneId: b.zoneId, blockerId: b.id, kind: 'escalated', fromValue: b.level, toValue: to, note, on, automatic, actorId: actor.id, actorName: actor.name },
    ]);
    await notify(tx, [
      {
        zoneId: b.zoneId,
        userId: ownerUserId,
        kind: 'blocker.escalated',
        title: `堵点提级至${blockerLevelLabels[to][0]}：${b.title}`,
        body: automatic ? `超期未解决，已于${cnDate(on)}自动提级，请协调解决。` : (note ?? '请协调解决。'),
        entityType: 'blocker',
        entityId: b.id,
      },
    ]);
    await audit(tx, actor, {
      zoneId: b.zoneId,
      action: automatic ? 'blocker.auto_escalate' : 'blocker.escalate',
      entityType: 'blocker',
      entityId: b.id,
      before: b,
      after,
    });
    return after;
  }

  /**
   * Escalates every overdue blocker whose time at its level has run out: one level per
   * `escalationWorkdays` working days past max(deadline, the day it reached its level), dated the
   * day each step fell due. Idempotent (the dates are stored, and each write names the version it
   * read), so the timer and every read may call it.
   */
  async function escalateDue(zoneIds: string[] | 'all'): Promise<number> {
    const on = today();
    const nowMs = clock().getTime();
    // A zone swept this minute, on this day, with no blocker written since, has nothing new to escalate.
    const fresh = (z: string) => {
      const last = swept.get(z);
      return last !== undefined && last.day === on && nowMs - last.at < SWEEP_MEMO_MS;
    };
    if (zoneIds !== 'all') {
      zoneIds = zoneIds.filter((z) => !fresh(z));
      if (zoneIds.length === 0) return 0;
      for (const z of zoneIds) swept.set(z, { day: on, at: nowMs });
    } else swept.clear();
    const candidates = await repo.escalationCandidates(db, zoneIds, on);
    if (candidates.length === 0) return 0;
    const cal = await calendar();
    const settings = new Map((await repo.settings(db, [...new Set(candidates.map((c) => c.zoneId))])).map((r) => [r.zoneId, r.escalationWorkdays]));
    let escalated = 0;
    for (const b of candidates) {
      const n = settings.get(b.zoneId) ?? DEFAULT_ESCALATION_WORKDAYS;
      const steps: { to: BlockerLevel; on: string }[] = [];
      let level: BlockerLevel = b.level;
      let since = b.levelSince;
      for (;;) {
        const due = cal.addWorkdays(b.deadlineOn > since ? b.deadlineOn : since, n);
        const next = nextLevel(level);
        if (due > on || !next) break;
        steps.push({ to: next, on: due });
        level = next;
        since = due;
      }
      if (steps.length === 0) continue;
      await db.transaction(async (tx) => {
        let current: BlockerRow | undefined = b;
        for (const step of steps) {
          if (!current) return;
          current = await escalateOne(tx, current, step.to, step.on, systemActor, null, true, current.version);
          if (current) escalated++;
        }
      });
    }
    return escalated;
  }

  async function blockerInScope(s: SessionContext, id: string) {
    const b = await repo.findBlocker(db, id);
    if (!b || !inScope(s, b.zoneId)) throw notFound();
    return b;
  }

  async function checkLinks(
    tx: DbOrTx,
    zoneId: string,
    v: { projectId?: string | null; leadId?: string | null; departmentId?: string | null; responsibleUserId?: string | null },
  ) {
    if (v.projectId) {
      const p = await repo.project(tx, v.projectId);
      if (!p || p.zoneId !== zoneId) throw fieldError('projectId', 'unknown_project');
    }
    if (v.leadId) {
      const l = await repo.lead(tx, v.leadId);
      if (!l || l.zoneId !== zoneId) throw fieldError('leadId', 'unknown_lead');
    }
    if (v.departmentId && (await repo.departmentZone(tx, v.departmentId)) !== zoneId) throw fieldError('departmentId', 'unknown_department');
    if (v.responsibleUserId && !(await repo.userInZone(tx, v.responsibleUserId, zoneId))) throw fieldError('responsibleUserId', 'unknown_user');
  }

  // ------------------------------------------------------------ meetings helpers

  async function meetingInScope(s: SessionContext, id: string) {
    const m = await repo.findMeeting(db, id);
    if (!m || !inScope(s, m.zoneId)) throw notFound();
    return m;
  }
  function assertOpen(m: MeetingRow) {
    if (m.status === 'closed') throw fieldError('status', 'meeting_closed');
  }

  /** The agenda a meeting on `heldOn` should have, from the data (docs/dispatch.md, "Agenda"). */
  async function generateAgenda(tx: DbOrTx, zoneId: string, heldOn: string, previous: MeetingRow | undefined) {
    const cal = await calendar();
    const items: { kind: AgendaItemKind; refId: string | null; title: string; detail: string | null }[] = [];
    const previousAgenda = previous ? await repo.agenda(tx, previous.id) : [];
    const wasRed = new Set(previousAgenda.filter((a) => a.kind === 'red_project').map((a) => a.refId));

    // One after another: a transaction is one connection.
    const red = await repo.redProjects(tx, zoneId);
    const slipped = await repo.slippedMilestones(tx, zoneId, previous?.heldOn ?? null, heldOn);
    const agendaBlockers = await repo.agendaBlockers(tx, zoneId, heldOn);
    for (const p of red) {
      const reasons = (p.flagReasons ?? []).filter((r) => r.level === 'red').map(flagReasonText);
      items.push({ kind: 'red_project', refId: p.id, title: p.name, detail: [wasRed.has(p.id) ? '连续亮红灯' : '新亮红灯', ...reasons].join('；') });
    }
    const byProject = new Map<string, { name: string; nodes: string[] }>();
    for (const m of slipped) {
      const entry = byProject.get(m.project_id) ?? { name: m.project_name, nodes: [] };
      entry.nodes.push(`${m.name}（计划${m.planned_on}${m.actual_on ? `，实际${m.actual_on}` : '，未完成'}）`);
      byProject.set(m.project_id, entry);
    }
    for (const [projectId, p] of byProject) items.push({ kind: 'slipped_project', refId: projectId, title: p.name, detail: `节点滞后：${p.nodes.join('；')}` });
    for (const b of agendaBlockers) {
      const atMeeting = b.level === 'meeting' || b.level === 'main_leader';
      const late = b.deadlineOn < heldOn ? `已超期${cal.workdaysBetween(b.deadlineOn, heldOn)}个工作日` : `期限${b.deadlineOn}`;
      items.push({
        kind: atMeeting ? 'escalated_blocker' : 'overdue_blocker',
        refId: b.id,
        title: `${b.projectName ? `${b.projectName}：` : ''}${b.title}`,
        detail: `${blockerLevelLabels[b.level][0]}层级；${b.departmentName ?? '未指定责任单位'}；${late}`,
      });
    }
    if (previous) {
      for (const d of await repo.decisionsOfMeeting(tx, previous.id)) {
        if (d.status !== 'open') continue;
        items.push({
          kind: 'open_decision',
          refId: d.id,
          title: d.task,
          detail: `责任人${d.ownerName}；时限${d.deadlineOn}${d.deadlineOn < heldOn ? '（已超期）' : ''}`,
        });
      }
    }
    return items;
  }

  async function meetingDetail(s: SessionContext, m: MeetingRow) {
    const [agenda, decisionRows, previous] = await Promise.all([
      repo.agenda(db, m.id),
      repo.decisionsOfMeeting(db, m.id),
      repo.previousMeeting(db, m.zoneId, m.heldOn, m.id),
    ]);
    const on = today();
    return {
      ...presentMeeting(s, m, { agendaCount: agenda.length, decisionCount: decisionRows.length }),
      previousMeetingId: previous?.id ?? null,
      agenda: agenda.map((a) => ({
        id: a.id,
        kind: a.kind,
        refId: a.refId,
        title: a.title,
        detail: a.detail,
        sortOrder: a.sortOrder,
        annotation: a.annotation,
        generated: a.generated,
      })),
      decisions: decisionRows.map((d) => presentDecision(s, d, on, m.status === 'closed')),
    };
  }

  /** The brief's data for a meeting: live figures, or the figures frozen when it closed. */
  async function briefData(m: MeetingRow): Promise<BriefData> {
    if (m.status === 'closed' && m.frozen) {
      const frozen = m.frozen as BriefData;
      // Decision progress moves on after the meeting; the brief shows it as it stands.
      return { ...frozen, decisions: (await repo.decisionsOfMeeting(db, m.id)).map(briefDecision) };
    }
    return liveBriefData(db, m);
  }
  const briefDecision = (d: DecisionWithNames) => ({
    task: d.task,
    ownerName: d.ownerName,
    departmentName: d.departmentName,
    deadlineOn: d.deadlineOn,
    status: d.status,
    projectName: d.projectName,
  });

  async function liveBriefData(tx: DbOrTx, m: MeetingRow): Promise<BriefData> {
    const cal = await calendar();
    const zone = (await repo.zoneName(tx, m.zoneId))!;
    const year = Number(m.heldOn.slice(0, 4));
    const week = periodOf('week', m.heldOn);
    const previous = await repo.previousMeeting(tx, m.zoneId, m.heldOn, m.id);
    const headline = await repo.headline(tx, m.zoneId, year, week.start, week.end);
    const signings = await repo.signings(tx, m.zoneId, year, m.heldOn);
    const slipped = await repo.slippedMilestones(tx, m.zoneId, previous?.heldOn ?? null, m.heldOn);
    const red = await repo.redProjects(tx, m.zoneId);
    const agendaBlockers = await repo.agendaBlockers(tx, m.zoneId, m.heldOn);
    const decisionRows = await repo.decisionsOfMeeting(tx, m.id);
    const agenda = await repo.agenda(tx, m.id);
    const slippedByProject = new Map<string, BriefData['slipped'][number]>();
    for (const s of slipped) {
      const p = slippedByProject.get(s.project_id) ?? { projectName: s.project_name, flag: s.flag, milestones: [] };
      p.milestones.push({ name: s.name, plannedOn: s.planned_on, actualOn: s.actual_on });
      slippedByProject.set(s.project_id, p);
    }
    for (const r of red) if (![...slippedByProject.keys()].includes(r.id)) slippedByProject.set(r.id, { projectName: r.name, flag: 'red', milestones: [] });
    return {
      zoneName: zone.name,
      zoneShortName: zone.shortName,
      title: m.title,
      heldOn: m.heldOn,
      weekLabel: periodLabel('week', week.start),
      headline: { ...headline, signings },
      slipped: [...slippedByProject.values()],
      blockers: agendaBlockers.map((b) => ({
        title: b.title,
        projectName: b.projectName,
        category: b.category,
        departmentName: b.departmentName,
        ownerName: b.ownerName,
        raisedOn: b.raisedOn,
        deadlineOn: b.deadlineOn,
        level: b.level,
        status: b.status,
        overdueWorkdays: overdueDays(cal, b, m.heldOn),
      })),
      decisions: decisionRows.map(briefDecision),
      agenda: agenda.map((a) => ({ kind: a.kind, title: a.title, annotation: a.annotation })),
      minutes: m.minutes,
    };
  }

  // ------------------------------------------------------------ campaigns helpers

  function presentCampaign(s: SessionContext, c: CampaignRow, entries: CampaignEntryRow[]) {
    return {
      id: c.id,
      zoneId: c.zoneId,
      year: c.year,
      quarter: c.quarter,
      name: c.name,
      eventOn: c.eventOn,
      rates: computeRates(entries),
      version: c.version,
      actions: actionsFor(s, 'campaign', c.zoneId),
    };
  }
  const presentEntry = (e: CampaignEntryRow) => ({
    id: e.id,
    campaignId: e.campaignId,
    batch: e.batch,
    projectId: e.projectId,
    leadId: e.leadId,
    name: e.name,
    plannedAmountYuan: e.plannedAmountYuan,
    confirmed: e.confirmed,
    reason: e.reason,
    actualOn: e.actualOn,
    actualAmountYuan: e.actualAmountYuan,
    arrivedYuan: e.arrivedYuan,
    outputReached: e.outputReached,
    sortOrder: e.sortOrder,
    version: e.version,
  });
  async function campaignInScope(s: SessionContext, id: string) {
    const c = await repo.findCampaign(db, id);
    if (!c || !inScope(s, c.zoneId)) throw notFound();
    return c;
  }

  return {
    today,
    escalateDue,

    /** Starts the periodic sweep; returns the function that stops it. */
    startEscalationTimer(intervalMs = 15 * 60_000, log: (err: unknown) => void = () => undefined): () => void {
      const tick = () => escalateDue('all').catch(log);
      const first = setTimeout(tick, 5_000);
      const timer = setInterval(tick, intervalMs);
      first.unref();
      timer.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },

    // ------------------------------------------------------------ blockers

    async listBlockers(s: SessionContext, q: z.infer<typeof listBlockersQuery>) {
      const zoneIds = scopeOf(s, q.zoneId);
      await escalateDue(zoneIds);
      const on = today();
      const filter = {
        status: q.status,
        level: q.level,
        category: q.category,
        projectId: q.projectId,
        overdueOn: q.overdue === 'true' ? on : undefined,
        notOverdueOn: q.overdue === 'false' ? on : undefined,
        userId: q.mine === 'true' ? s.user.id : undefined,
        q: q.q,
      };
      const [rows, total, counts, cal] = await Promise.all([
        repo.listBlockers(db, zoneIds, filter, on, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.countBlockers(db, zoneIds, filter),
        repo.blockerCounts(db, zoneIds, on),
        calendar(),
      ]);
      const byLevel: Record<string, number> = {};
      const byStatus: Record<string, number> = {};
      let overdue = 0;
      for (const c of counts) {
        if (c.status !== 'resolved') byLevel[c.level] = (byLevel[c.level] ?? 0) + Number(c.n);
        byStatus[c.status] = (byStatus[c.status] ?? 0) + Number(c.n);
        overdue += Number(c.overdue);
      }
      return { items: rows.map((b) => presentBlocker(s, b, cal, on)), total, page: q.page, pageSize: q.pageSize, counts: { byLevel, byStatus, overdue } };
    },

    async getBlocker(s: SessionContext, id: string) {
      const first = await blockerInScope(s, id);
      await escalateDue([first.zoneId]);
      const b = (await repo.findBlocker(db, id))!;
      const [events, cal] = await Promise.all([repo.events(db, id), calendar()]);
      return {
        ...presentBlocker(s, b, cal, today()),
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          fromValue: e.fromValue,
          toValue: e.toValue,
          note: e.note,
          on: e.on,
          automatic: e.automatic,
          actorName: e.actorName,
          at: e.at.toISOString(),
        })),
      };
    },

    async createBlocker(s: SessionContext, body: CreateBlocker, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requireZone(s, 'blocker.create', body.zoneId);
      const raisedOn = body.raisedOn ?? today();
      if (body.deadlineOn < raisedOn) throw fieldError('deadlineOn', 'deadline_before_raised');
      const actor = actorOf(s, requestId);
      changed(body.zoneId);
      const id = await db.transaction(async (tx) => {
        await checkLinks(tx, body.zoneId, body);
        const level = body.level ?? 'task_force';
        const draft = { responsibleUserId: body.responsibleUserId ?? null, projectId: body.projectId ?? null, zoneId: body.zoneId } as BlockerRow;
        const ownerUserId = await ownerForLevel(tx, draft, level);
        const row = await repo.insertBlocker(tx, {
          zoneId: body.zoneId,
          projectId: body.projectId ?? null,
          leadId: body.leadId ?? null,
          title: body.title,
          description: body.description ?? null,
          category: body.category,
          raisedOn,
          raisedById: s.user.id,
          raisedByName: s.user.displayName,
          departmentId: body.departmentId ?? null,
          responsibleUserId: body.responsibleUserId ?? null,
          ownerUserId,
          deadlineOn: body.deadlineOn,
          level,
          levelSince: raisedOn,
        });
        await repo.insertEvents(tx, [
          { zoneId: row.zoneId, blockerId: row.id, kind: 'raised', toValue: level, on: raisedOn, actorId: s.user.id, actorName: s.user.displayName },
        ]);
        await notify(
          tx,
          [
            {
              zoneId: row.zoneId,
              userId: ownerUserId,
              kind: 'blocker.assigned',
              title: `新堵点待协调：${row.title}`,
              body: `办理期限${cnDate(row.deadlineOn)}`,
              entityType: 'blocker',
              entityId: row.id,
            },
          ],
          s.user.id,
        );
        await audit(tx, actor, { zoneId: row.zoneId, action: 'blocker.create', entityType: 'blocker', entityId: row.id, after: row });
        return row.id;
      });
      return this.getBlocker(s, id);
    },

    async updateBlocker(s: SessionContext, id: string, body: z.infer<typeof updateBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      requireZone(s, 'blocker.update', before.zoneId);
      if (before.status === 'resolved') throw fieldError('status', 'blocker_resolved');
      assertVersion(before, body.version);
      const deadlineOn = body.deadlineOn ?? before.deadlineOn;
      if (deadlineOn < before.raisedOn) throw fieldError('deadlineOn', 'deadline_before_raised');
      const { version, ...patch } = body;
      const actor = actorOf(s, requestId);
      changed(before.zoneId);
      await db.transaction(async (tx) => {
        await checkLinks(tx, before.zoneId, { departmentId: patch.departmentId, responsibleUserId: patch.responsibleUserId });
        const reassigned = patch.responsibleUserId !== undefined && patch.responsibleUserId !== before.responsibleUserId;
        const extra: Partial<BlockerRow> = {};
        if (reassigned && before.level === 'task_force') extra.ownerUserId = patch.responsibleUserId ?? null;
        const after = await repo.updateBlocker(tx, id, version, { ...patch, ...extra });
        const on = today();
        const events = [];
        if (reassigned) {
          events.push({
            zoneId: before.zoneId,
            blockerId: id,
            kind: 'reassigned' as const,
            fromValue: before.responsibleName,
            toValue: (await repo.findBlocker(tx, id))?.responsibleName ?? null,
            on,
            actorId: s.user.id,
            actorName: s.user.displayName,
          });
          await notify(
            tx,
            [
              {
                zoneId: before.zoneId,
                userId: patch.responsibleUserId,
                kind: 'blocker.assigned',
                title: `堵点已转交您负责：${before.title}`,
                entityType: 'blocker',
                entityId: id,
              },
            ],
            s.user.id,
          );
        }
        if (patch.status && patch.status !== before.status)
          events.push({
            zoneId: before.zoneId,
            blockerId: id,
            kind: 'status' as const,
            fromValue: before.status,
            toValue: patch.status,
            on,
            actorId: s.user.id,
            actorName: s.user.displayName,
          });
        const edited = (['title', 'description', 'category', 'deadlineOn', 'departmentId'] as const).filter(
          (k) => patch[k] !== undefined && patch[k] !== before[k],
        );
        if (edited.length)
          events.push({
            zoneId: before.zoneId,
            blockerId: id,
            kind: 'updated' as const,
            note: edited.includes('deadlineOn') ? `期限 ${before.deadlineOn} → ${deadlineOn}` : edited.join(', '),
            on,
            actorId: s.user.id,
            actorName: s.user.displayName,
          });
        await repo.insertEvents(tx, events);
        await audit(tx, actor, { zoneId: before.zoneId, action: 'blocker.update', entityType: 'blocker', entityId: id, before, after });
      });
      return this.getBlocker(s, id);
    },

    async escalateBlocker(s: SessionContext, id: string, body: z.infer<typeof escalateBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      requireZone(s, 'blocker.update', before.zoneId);
      if (before.status === 'resolved') throw fieldError('status', 'blocker_resolved');
      const to = nextLevel(before.level);
      if (!to) throw fieldError('level', 'escalation_top');
      assertVersion(before, body.version);
      changed(before.zoneId);
      await db.transaction((tx) => escalateOne(tx, before, to, today(), actorOf(s, requestId), body.note ?? null, false, body.version));
      return this.getBlocker(s, id);
    },

    async resolveBlocker(s: SessionContext, id: string, body: z.infer<typeof resolveBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      requireZone(s, 'blocker.update', before.zoneId);
      if (!body.resolution?.trim()) throw fieldError('resolution', 'resolution_required');
      if (before.status === 'resolved') throw fieldError('status', 'blocker_resolved');
      const resolvedOn = body.resolvedOn ?? today();
      if (resolvedOn < before.raisedOn) throw fieldError('resolvedOn', 'deadline_before_raised');
      if (resolvedOn > today()) throw fieldError('resolvedOn', 'date_in_future');
      assertVersion(before, body.version);
      changed(before.zoneId);
      await db.transaction(async (tx) => {
        const after = await repo.updateBlocker(tx, id, body.version, { status: 'resolved', resolution: body.resolution!, resolvedOn });
        await repo.insertEvents(tx, [
          {
            zoneId: before.zoneId,
            blockerId: id,
            kind: 'resolved',
            fromValue: before.status,
            toValue: 'resolved',
            note: body.resolution!,
            on: resolvedOn,
            actorId: s.user.id,
            actorName: s.user.displayName,
          },
        ]);
        await notify(
          tx,
          [
            {
              zoneId: before.zoneId,
              userId: before.raisedById,
              kind: 'blocker.resolved',
              title: `堵点已销号：${before.title}`,
              body: body.resolution!,
              entityType: 'blocker',
              entityId: id,
            },
          ],
          s.user.id,
        );
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'blocker.resolve', entityType: 'blocker', entityId: id, before, after });
      });
      return this.getBlocker(s, id);
    },

    async reopenBlocker(s: SessionContext, id: string, body: z.infer<typeof reopenBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      requireZone(s, 'blocker.update', before.zoneId);
      if (!body.reason?.trim()) throw fieldError('reason', 'reason_required');
      if (before.status !== 'resolved') throw fieldError('status', 'blocker_not_resolved');
      assertVersion(before, body.version);
      const on = today();
      changed(before.zoneId);
      await db.transaction(async (tx) => {
        // The clock restarts today: a reopened blocker gets a full period at its level before escalating again.
        const after = await repo.updateBlocker(tx, id, body.version, { status: 'open', resolution: null, resolvedOn: null, levelSince: on });
        await repo.insertEvents(tx, [
          {
            zoneId: before.zoneId,
            blockerId: id,
            kind: 'reopened',
            fromValue: 'resolved',
            toValue: 'open',
            note: body.reason!,
            on,
            actorId: s.user.id,
            actorName: s.user.displayName,
          },
        ]);
        await notify(
          tx,
          [
            {
              zoneId: before.zoneId,
              userId: before.ownerUserId,
              kind: 'blocker.reopened',
              title: `堵点重新打开：${before.title}`,
              body: body.reason!,
              entityType: 'blocker',
              entityId: id,
            },
          ],
          s.user.id,
        );
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'blocker.reopen', entityType: 'blocker', entityId: id, before, after });
      });
      return this.getBlocker(s, id);
    },

    async reminderDocx(s: SessionContext, id: string) {
      const first = await blockerInScope(s, id);
      await escalateDue([first.zoneId]);
      const b = (await repo.findBlocker(db, id))!;
      const cal = await calendar();
      const on = today();
      const overdueWorkdays = overdueDays(cal, b, on);
      if (b.status === 'resolved') throw fieldError('status', 'blocker_resolved');
      const zone = (await repo.zoneName(db, b.zoneId))!;
      const buffer = await (
        await documents()
      ).buildReminder({
        zoneName: zone.name,
        departmentName: b.departmentName,
        ownerName: b.responsibleName ?? b.ownerName,
        projectName: b.projectName,
        title: b.title,
        category: b.category,
        raisedOn: b.raisedOn,
        deadlineOn: b.deadlineOn,
        level: b.level,
        overdueWorkdays,
        today: on,
      });
      return { buffer, fileName: `提醒函-${b.title.slice(0, 20)}-${on}.docx` };
    },

    async blockersXlsx(s: SessionContext, q: { zoneId?: string; status?: 'open' | 'resolving' | 'resolved' | 'unresolved' }) {
      const zoneIds = scopeOf(s, q.zoneId);
      await escalateDue(zoneIds);
      const on = today();
      const [rows, cal, zones] = await Promise.all([repo.listBlockers(db, zoneIds, { status: q.status }, on), calendar(), repo.zoneNames(db, zoneIds)]);
      const zoneLabel = zones.length === 1 ? zones[0].shortName : '';
      const buffer = await (
        await documents()
      ).buildBlockersSheet(
        `${zoneLabel}项目堵点问题清单（截至${cnDate(on)}）`,
        rows.map((b) => ({ ...b, overdueWorkdays: overdueDays(cal, b, on) })),
      );
      return { buffer, fileName: `堵点清单-${on}.xlsx` };
    },

    // ------------------------------------------------------------ settings

    async getSettings(s: SessionContext, zoneId: string) {
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const [row] = await repo.settings(db, [zoneId]);
      return { zoneId, escalationWorkdays: row?.escalationWorkdays ?? DEFAULT_ESCALATION_WORKDAYS, version: row?.version ?? 0 };
    },
    async putSettings(s: SessionContext, body: z.infer<typeof putDispatchSettingsBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requireZone(s, 'dispatch.settings', body.zoneId);
      changed(body.zoneId);
      const row = await db.transaction(async (tx) => {
        const [before] = await repo.settings(tx, [body.zoneId]);
        let after;
        if (!before) after = await repo.insertSettings(tx, { zoneId: body.zoneId, escalationWorkdays: body.escalationWorkdays });
        else {
          if (body.version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateSettings(tx, body.zoneId, body.version, body.escalationWorkdays);
          if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version, currentVersion: before.version });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: body.zoneId,
          action: 'dispatch.settings',
          entityType: 'dispatch_settings',
          entityId: body.zoneId,
          before,
          after,
        });
        return after;
      });
      changed(body.zoneId);
      return { zoneId: row.zoneId, escalationWorkdays: row.escalationWorkdays, version: row.version };
    },

    // ------------------------------------------------------------ notifications

    async listNotifications(s: SessionContext, q: { unread?: 'true' | 'false'; limit: number }) {
      const [rows, unread] = await Promise.all([repo.listNotifications(db, s.user.id, q.unread === 'true', q.limit), repo.unreadCount(db, s.user.id)]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          zoneId: n.zoneId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          entityType: n.entityType,
          entityId: n.entityId,
          read: n.readAt !== null,
          createdAt: n.createdAt.toISOString(),
        })),
        unread,
      };
    },
    unreadCount: async (s: SessionContext) => ({ unread: await repo.unreadCount(db, s.user.id) }),
    async markRead(s: SessionContext, id: string) {
      const n = await repo.findNotification(db, id);
      if (!n || n.userId !== s.user.id) throw notFound();
      await repo.markRead(db, s.user.id, clock(), id);
      return { unread: await repo.unreadCount(db, s.user.id) };
    },
    async markAllRead(s: SessionContext) {
      await repo.markRead(db, s.user.id, clock());
      return { unread: 0 };
    },

    // ------------------------------------------------------------ meetings

    async listMeetings(s: SessionContext, zoneId?: string) {
      const rows = await repo.listMeetings(db, scopeOf(s, zoneId));
      return rows.map((r) => presentMeeting(s, r.m, { agendaCount: Number(r.agendaCount), decisionCount: Number(r.decisionCount) }));
    },

    async getMeeting(s: SessionContext, id: string) {
      return meetingDetail(s, await meetingInScope(s, id));
    },

    async createMeeting(s: SessionContext, body: z.infer<typeof createMeetingBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requireZone(s, 'meeting.manage', body.zoneId);
      await escalateDue([body.zoneId]);
      const id = await db.transaction(async (tx) => {
        const previous = await repo.previousMeeting(tx, body.zoneId, body.heldOn);
        const title = body.title ?? `${periodLabel('week', periodOf('week', body.heldOn).start)}项目调度会`;
        const m = await repo.insertMeeting(tx, { zoneId: body.zoneId, title, heldOn: body.heldOn, createdByName: s.user.displayName });
        const items = await generateAgenda(tx, body.zoneId, body.heldOn, previous);
        await repo.insertAgenda(
          tx,
          items.map((it, i) => ({ ...it, zoneId: body.zoneId, meetingId: m.id, sortOrder: (i + 1) * 10, generated: true })),
        );
        await audit(tx, actorOf(s, requestId), {
          zoneId: body.zoneId,
          action: 'meeting.create',
          entityType: 'meeting',
          entityId: m.id,
          after: { ...m, agenda: items.length },
        });
        return m.id;
      });
      return this.getMeeting(s, id);
    },

    async updateMeeting(s: SessionContext, id: string, body: z.infer<typeof updateMeetingBody>, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateMeeting(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'meeting.update', entityType: 'meeting', entityId: id, before, after });
      });
      return this.getMeeting(s, id);
    },

    /** Adds the generated items the data now calls for (new red projects, newly overdue blockers …), keeping order and annotations. */
    async regenerateAgenda(s: SessionContext, id: string, body: { version: number }, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      assertVersion(before, body.version);
      await escalateDue([before.zoneId]);
      await db.transaction(async (tx) => {
        await repo.touchMeeting(tx, id, body.version);
        const current = await repo.agenda(tx, id);
        const previous = await repo.previousMeeting(tx, before.zoneId, before.heldOn, id);
        const wanted = await generateAgenda(tx, before.zoneId, before.heldOn, previous);
        const key = (k: string, ref: string | null) => `${k}:${ref}`;
        const wantedKeys = new Set(wanted.map((w) => key(w.kind, w.refId)));
        const have = new Set(current.map((c) => key(c.kind, c.refId)));
        // Generated items no longer called for go, unless someone annotated them.
        const stale = current.filter((c) => c.generated && !wantedKeys.has(key(c.kind, c.refId)) && !c.annotation).map((c) => c.id);
        await repo.deleteAgendaItems(tx, stale);
        const maxOrder = current.reduce((mx, c) => Math.max(mx, c.sortOrder), 0);
        const added = wanted.filter((w) => !have.has(key(w.kind, w.refId)));
        await repo.insertAgenda(
          tx,
          added.map((w, i) => ({ ...w, zoneId: before.zoneId, meetingId: id, sortOrder: maxOrder + (i + 1) * 10, generated: true })),
        );
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'meeting.agenda_regenerate',
          entityType: 'meeting',
          entityId: id,
          after: { added: added.length, removed: stale.length },
        });
      });
      return this.getMeeting(s, id);
    },

    async setAgendaOrder(s: SessionContext, id: string, body: z.infer<typeof agendaOrderBody>, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      assertVersion(before, body.version);
      const current = await repo.agenda(db, id);
      const ids = new Set(current.map((c) => c.id));
      if (body.items.length !== current.length || new Set(body.items.map((i) => i.id)).size !== current.length || body.items.some((i) => !ids.has(i.id)))
        throw fieldError('items', 'agenda_items_mismatch');
      await db.transaction(async (tx) => {
        await repo.touchMeeting(tx, id, body.version);
        for (const [i, item] of body.items.entries()) await repo.setAgendaItem(tx, item.id, (i + 1) * 10, item.annotation?.trim() || null);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'meeting.agenda_order',
          entityType: 'meeting',
          entityId: id,
          before: current.map((c) => ({ id: c.id, title: c.title, annotation: c.annotation })),
          after: body.items,
        });
      });
      return this.getMeeting(s, id);
    },

    async addAgendaItem(s: SessionContext, id: string, body: z.infer<typeof addAgendaItemBody>, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      const title = body.title?.trim();
      if (!title || title.length < 2) throw fieldError('title', 'required');
      assertVersion(before, body.version);
      await db.transaction(async (tx) => {
        await repo.touchMeeting(tx, id, body.version);
        const current = await repo.agenda(tx, id);
        const sortOrder = current.reduce((mx, c) => Math.max(mx, c.sortOrder), 0) + 10;
        await repo.insertAgenda(tx, [
          { zoneId: before.zoneId, meetingId: id, kind: 'other', refId: null, title, detail: body.detail ?? null, sortOrder, generated: false },
        ]);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'meeting.agenda_add', entityType: 'meeting', entityId: id, after: body });
      });
      return this.getMeeting(s, id);
    },

    async closeMeeting(s: SessionContext, id: string, body: { version: number }, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      assertVersion(before, body.version);
      await db.transaction(async (tx) => {
        const frozen = await liveBriefData(tx, before);
        const after = await repo.updateMeeting(tx, id, body.version, { status: 'closed', closedAt: clock(), closedByName: s.user.displayName, frozen });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'meeting.close',
          entityType: 'meeting',
          entityId: id,
          before,
          after: { ...after, frozen: undefined },
        });
      });
      return this.getMeeting(s, id);
    },

    async briefDocx(s: SessionContext, id: string) {
      const m = await meetingInScope(s, id);
      const data = await briefData(m);
      return { buffer: await (await documents()).buildBrief(data), fileName: `${data.zoneShortName}${m.title}简报-${m.heldOn}.docx` };
    },
    /** For the bench and tests: the brief's data and document without a session. */
    async briefFor(meetingId: string) {
      const m = (await repo.findMeeting(db, meetingId))!;
      return (await documents()).buildBrief(await briefData(m));
    },
    generateAgendaFor: (zoneId: string, heldOn: string) =>
      db.transaction(async (tx) => generateAgenda(tx, zoneId, heldOn, await repo.previousMeeting(tx, zoneId, heldOn))),

    // ------------------------------------------------------------ decisions

    async addDecision(s: SessionContext, meetingId: string, body: z.infer<typeof createDecisionBody>, requestId: string) {
      const m = await meetingInScope(s, meetingId);
      requireZone(s, 'meeting.manage', m.zoneId);
      assertOpen(m);
      const task = body.task?.trim();
      if (!task || task.length < 2) throw fieldError('task', 'required');
      if (!body.ownerUserId) throw fieldError('ownerUserId', 'owner_required');
      if (!body.deadlineOn) throw fieldError('deadlineOn', 'required');
      const deadlineOn = body.deadlineOn;
      const id = await db.transaction(async (tx) => {
        if (!(await repo.userInZone(tx, body.ownerUserId!, m.zoneId))) throw fieldError('ownerUserId', 'unknown_user');
        await checkLinks(tx, m.zoneId, { projectId: body.projectId, departmentId: body.departmentId });
        if (body.blockerId) {
          const b = await repo.findBlocker(tx, body.blockerId);
          if (!b || b.zoneId !== m.zoneId) throw fieldError('blockerId', 'unknown_blocker');
        }
        const d = await repo.insertDecision(tx, {
          zoneId: m.zoneId,
          meetingId,
          task,
          ownerUserId: body.ownerUserId!,
          departmentId: body.departmentId ?? null,
          deadlineOn,
          projectId: body.projectId ?? null,
          blockerId: body.blockerId ?? null,
        });
        await notify(tx, [
          {
            zoneId: m.zoneId,
            userId: d.ownerUserId,
            kind: 'decision.assigned',
            title: `会议交办：${d.task.slice(0, 40)}`,
            body: `${m.title}；完成时限${cnDate(d.deadlineOn)}`,
            entityType: 'meeting',
            entityId: meetingId,
          },
        ]);
        await audit(tx, actorOf(s, requestId), { zoneId: m.zoneId, action: 'decision.create', entityType: 'decision', entityId: d.id, after: d });
        return d.id;
      });
      return presentDecision(s, (await repo.findDecision(db, id))!, today(), false);
    },

    async listDecisions(s: SessionContext, q: z.infer<typeof listDecisionsQuery>) {
      const rows = await repo.listDecisions(db, scopeOf(s, q.zoneId), { status: q.status, ownerUserId: q.mine === 'true' ? s.user.id : undefined });
      const on = today();
      return rows.map((d) => presentDecision(s, d, on));
    },

    async updateDecision(s: SessionContext, id: string, body: z.infer<typeof updateDecisionBody>, requestId: string) {
      const before = await repo.findDecision(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      if (!can(s, 'decision.update', before.zoneId) && before.ownerUserId !== s.user.id) throw new AppError('FORBIDDEN');
      const m = (await repo.findMeeting(db, before.meetingId))!;
      // A closed meeting's record is frozen: only the task's progress (status, done date, note) moves on.
      if (m.status === 'closed' && (body.task !== undefined || body.ownerUserId !== undefined || body.deadlineOn !== undefined))
        throw fieldError('status', 'meeting_closed');
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      if (patch.ownerUserId && !(await repo.userInZone(db, patch.ownerUserId, before.zoneId))) throw fieldError('ownerUserId', 'unknown_user');
      const doneOn = patch.status === 'done' ? (patch.doneOn ?? today()) : patch.status ? null : undefined;
      await db.transaction(async (tx) => {
        const after = await repo.updateDecision(tx, id, version, { ...patch, ...(doneOn !== undefined ? { doneOn } : {}) });
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'decision.update', entityType: 'decision', entityId: id, before, after });
      });
      return presentDecision(s, (await repo.findDecision(db, id))!, today(), m.status === 'closed');
    },

    // ------------------------------------------------------------ campaigns

    async listCampaigns(s: SessionContext, q: { zoneId?: string; year?: number }) {
      const rows = await repo.listCampaigns(db, scopeOf(s, q.zoneId), q.year);
      const entries = await repo.entries(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((c) =>
        presentCampaign(
          s,
          c,
          entries.filter((e) => e.campaignId === c.id),
        ),
      );
    },

    async getCampaign(s: SessionContext, id: string) {
      const c = await campaignInScope(s, id);
      const entries = await repo.entries(db, [id]);
      return { ...presentCampaign(s, c, entries), entries: entries.map(presentEntry) };
    },

    async createCampaign(s: SessionContext, body: z.infer<typeof createCampaignBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requireZone(s, 'campaign.manage', body.zoneId);
      if (await repo.campaignOfQuarter(db, body.zoneId, body.year, body.quarter)) throw fieldError('quarter', 'campaign_exists', 'DUPLICATE');
      const c = await db.transaction(async (tx) => {
        const row = await repo.insertCampaign(tx, {
          zoneId: body.zoneId,
          year: body.year,
          quarter: body.quarter,
          name: body.name ?? `${body.year}年第${['一', '二', '三', '四'][body.quarter - 1]}季度“三个一批”活动`,
          eventOn: body.eventOn ?? null,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: row.zoneId, action: 'campaign.create', entityType: 'campaign', entityId: row.id, after: row });
        return row;
      });
      return this.getCampaign(s, c.id);
    },

    async updateCampaign(s: SessionContext, id: string, body: z.infer<typeof updateCampaignBody>, requestId: string) {
      const before = await campaignInScope(s, id);
      requireZone(s, 'campaign.manage', before.zoneId);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateCampaign(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'campaign.update', entityType: 'campaign', entityId: id, before, after });
      });
      return this.getCampaign(s, id);
    },

    async addEntry(s: SessionContext, campaignId: string, body: z.infer<typeof createEntryBody>, requestId: string) {
      const c = await campaignInScope(s, campaignId);
      requireZone(s, 'campaign.manage', c.zoneId);
      if (!body.batch) throw fieldError('batch', 'required');
      const batch = body.batch;
      if (body.projectId && body.leadId) throw fieldError('leadId', 'project_or_lead');
      let name = body.name?.trim() || null;
      let planned = body.plannedAmountWan ?? null;
      if (body.projectId) {
        const p = await repo.project(db, body.projectId);
        if (!p || p.zoneId !== c.zoneId) throw fieldError('projectId', 'unknown_project');
        name ??= p.name;
        planned ??= p.totalInvestmentYuan;
      } else if (body.leadId) {
        const l = await repo.lead(db, body.leadId);
        if (!l || l.zoneId !== c.zoneId) throw fieldError('leadId', 'unknown_lead');
        name ??= l.name;
        planned ??= l.plannedInvestmentYuan;
      }
      if (!name) throw fieldError('projectId', 'entry_target_required');
      const existing = await repo.entries(db, [campaignId]);
      if (existing.some((e) => e.batch === batch && ((body.projectId && e.projectId === body.projectId) || (body.leadId && e.leadId === body.leadId))))
        throw fieldError(body.projectId ? 'projectId' : 'leadId', 'already_in_list', 'DUPLICATE');
      if (await repo.countedElsewhere(db, batch, body)) throw fieldError(body.projectId ? 'projectId' : 'leadId', 'already_counted', 'DUPLICATE');
      const row = await db.transaction(async (tx) => {
        const e = await repo.insertEntry(tx, {
          zoneId: c.zoneId,
          campaignId,
          batch,
          projectId: body.projectId ?? null,
          leadId: body.leadId ?? null,
          name: name!,
          plannedAmountYuan: planned,
          sortOrder: existing.filter((x) => x.batch === batch).length + 1,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: c.zoneId, action: 'campaign.entry_add', entityType: 'campaign', entityId: campaignId, after: e });
        return e;
      });
      return presentEntry(row);
    },

    async confirmEntry(s: SessionContext, id: string, body: z.infer<typeof confirmEntryBody>, requestId: string) {
      const before = await repo.findEntry(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requireZone(s, 'campaign.manage', before.zoneId);
      const confirmed = body.confirmed === undefined ? before.confirmed : body.confirmed;
      const reason = body.reason !== undefined ? body.reason?.trim() : confirmed === false ? before.reason : null;
      if (confirmed === false && !reason) throw fieldError('reason', 'confirm_reason_required');
      if (body.outputReached && before.batch !== 'production') throw fieldError('outputReached', 'output_needs_production');
      if (body.confirmed === true && (await repo.countedElsewhere(db, before.batch, before, id)))
        throw fieldError(before.projectId ? 'projectId' : 'leadId', 'already_counted', 'DUPLICATE');
      assertVersion(before, body.version);
      const after = await db.transaction(async (tx) => {
        const row = await repo.updateEntry(tx, id, body.version, {
          ...(body.confirmed !== undefined ? { confirmed: body.confirmed } : {}),
          reason: body.reason !== undefined ? body.reason?.trim() || null : body.confirmed === true || body.confirmed === null ? null : before.reason,
          ...(body.actualOn !== undefined ? { actualOn: body.actualOn } : {}),
          ...(body.actualAmountWan !== undefined ? { actualAmountYuan: body.actualAmountWan } : {}),
          ...(body.arrivedWan !== undefined ? { arrivedYuan: body.arrivedWan } : {}),
          ...(body.outputReached !== undefined ? { outputReached: body.outputReached } : {}),
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'campaign.entry_confirm',
          entityType: 'campaign',
          entityId: before.campaignId,
          before,
          after: row,
        });
        return row;
      });
      return presentEntry(after);
    },

    async trackingXlsx(s: SessionContext, id: string) {
      const c = await campaignInScope(s, id);
      const entries = await repo.entries(db, [id]);
      const zone = (await repo.zoneName(db, c.zoneId))!;
      const projectDates = new Map<string, Awaited<ReturnType<DispatchRepository['projectDates']>>[number]>(
        (
          await repo.projectDates(
            db,
            entries.map((e) => e.projectId).filter((p): p is string => Boolean(p)),
          )
        ).map((p) => [p.id, p]),
      );
      const rows = entries.map((e) => {
        const p = e.projectId ? projectDates.get(e.projectId) : undefined;
        const own = e.confirmed ? e.actualOn : null;
        return {
          batch: e.batch,
          name: e.name,
          signedOn: e.batch === 'sign' ? own : (p?.signedOn ?? null),
          agreedAmountYuan: e.actualAmountYuan ?? e.plannedAmountYuan,
          startOn: e.batch === 'start' ? own : (p?.startOn ?? null),
          productionOn: e.batch === 'production' ? own : (p?.productionOn ?? null),
          outputReached: e.outputReached,
          arrivedYuan: e.arrivedYuan,
          confirmed: e.confirmed,
          reason: e.reason,
        };
      });
      const buffer = await (await documents()).buildCampaignSheet(`${zone.shortName}${c.name}推进情况表`, rows, computeRates(entries));
      return { buffer, fileName: `三个一批-${c.year}Q${c.quarter}.xlsx` };
    },

    /** 签约完成率, 开工率, 投产率, 达效率 per zone (all its campaigns of the year) and per batch. */
    async zoneRates(s: SessionContext, year: number) {
      const rows = await repo.listCampaigns(db, s.scope.zoneIds, year);
      const entries = await repo.entries(
        db,
        rows.map((r) => r.id),
      );
      const zones = await repo.zoneNames(db, [...new Set(rows.map((r) => r.zoneId))]);
      return zones.map((z) => {
        const mine = rows.filter((r) => r.zoneId === z.id).sort((a, b) => a.quarter - b.quarter);
        const ids = new Set(mine.map((m) => m.id));
        return {
          zoneId: z.id,
          zoneName: z.shortName,
          rates: computeRates(entries.filter((e) => ids.has(e.campaignId))) as Rates,
          batches: mine.map((c) => ({ campaignId: c.id, quarter: c.quarter, name: c.name, rates: computeRates(entries.filter((e) => e.campaignId === c.id)) })),
        };
      });
    },

    // ------------------------------------------------------------ 我的待办

    /** My open dispatch work for the 工作台 (我的待办): blockers I own or am responsible for, decisions assigned to me. */
    async myTodo(s: SessionContext) {
      const zoneIds = s.scope.zoneIds;
      await escalateDue(zoneIds);
      const on = today();
      const [mine, decisions] = await Promise.all([repo.myBlockers(db, s.user.id, zoneIds), repo.myDecisions(db, s.user.id, zoneIds)]);
      const items = [
        ...mine.map((b) => ({
          kind: 'blocker' as const,
          id: b.id,
          zoneId: b.zoneId,
          title: `${b.projectName ? `${b.projectName}：` : ''}${b.title}`,
          detail: blockerLevelLabels[b.level][0],
          dueOn: b.deadlineOn,
          overdue: b.deadlineOn < on,
          link: `/dispatch/blockers/${b.id}`,
        })),
        ...decisions.map((d) => ({
          kind: 'decision' as const,
          id: d.id,
          zoneId: d.zoneId,
          title: d.task,
          detail: d.meetingTitle,
          dueOn: d.deadlineOn,
          overdue: d.deadlineOn < on,
          link: `/dispatch/meetings/${d.meetingId}`,
        })),
      ];
      return { todo: items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn)) };
    },

    levels: blockerLevels,
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;

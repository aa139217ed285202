/** Rows as the contract shows them, with the actions the caller may take (the UI hides the rest). */
import type { SessionContext } from '../../platform/auth/session.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import { actionsFor, can } from '../../platform/policies.ts';
import type { BlockerWithNames, DecisionWithNames, MeetingRow } from './dispatch.repository.ts';

/** Working days past the deadline on `on` (0 when resolved or not yet due). */
export function overdueDays(cal: WorkCalendar, b: { status: string; deadlineOn: string }, on: string) {
  if (b.status === 'resolved' || b.deadlineOn >= on) return 0;
  return cal.workdaysBetween(b.deadlineOn, on);
}

export function presentBlocker(s: SessionContext, b: BlockerWithNames, cal: WorkCalendar, on: string) {
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

export function presentDecision(s: SessionContext, d: DecisionWithNames, on: string, meetingClosed?: boolean) {
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

export function presentMeeting(s: SessionContext, m: MeetingRow, counts: { agendaCount: number; decisionCount: number }) {
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

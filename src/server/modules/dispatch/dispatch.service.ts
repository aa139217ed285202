/**
 * The dispatch module's public service, composed of one service per aggregate: blockers (with the
 * escalation sweep and their documents), meetings (agenda, minutes, brief), decisions, campaigns,
 * settings; plus 我的待办 for the 工作台 and the notification inbox.
 */
import { blockerLevelLabels } from '../../../contract/dispatch-enums.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { createNotificationInbox } from '../../platform/notifications.ts';
import { createBlockerDocumentsService } from './blocker-documents.service.ts';
import { createBlockersService } from './blockers.service.ts';
import { createCampaignsService } from './campaigns.service.ts';
import { dispatchContext, type DispatchDeps } from './dispatch.context.ts';
import { createDecisionsService } from './decisions.service.ts';
import { createEscalation } from './escalation.ts';
import { createMeetingsService } from './meetings.service.ts';
import { createSettingsService } from './settings.service.ts';

export type { DispatchDeps } from './dispatch.context.ts';
export { DEFAULT_ESCALATION_WORKDAYS } from './escalation.ts';

export function createDispatchService(deps: DispatchDeps) {
  const ctx = dispatchContext(deps);
  const escalation = createEscalation(ctx);
  const blockers = createBlockersService(ctx, escalation);
  const meetings = createMeetingsService(ctx, escalation);
  const { db, repo, today, scopeOf } = ctx;

  return {
    today,
    escalateDue: escalation.escalateDue,
    /** Starts the periodic escalation sweep; returns the function that stops it. */
    startEscalationTimer: escalation.startTimer,
    blockers,
    blockerDocuments: createBlockerDocumentsService(ctx, escalation, blockers),
    meetings,
    decisions: createDecisionsService(ctx, meetings),
    campaigns: createCampaignsService(ctx),
    settings: createSettingsService(ctx, escalation),
    notifications: createNotificationInbox(deps.db, deps.clock),

    /** My open dispatch work for the 工作台 (我的待办): blockers I own or am responsible for, decisions assigned to me. */
    async myTodo(s: SessionContext) {
      await escalation.escalateDue(scopeOf(s));
      const on = today();
      const [mine, decisions] = await Promise.all([repo.blockers.myBlockers(db, s, s.user.id), repo.decisions.myDecisions(db, s, s.user.id)]);
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
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;

/** Meetings (周调度会): list, create with a generated agenda, edit the minutes, close (freezing the record), the brief .docx. */
import type { z } from 'zod';
import type { addAgendaItemBody, agendaOrderBody, createMeetingBody, updateMeetingBody } from '../../../contract/dispatch.ts';
import { periodLabel, periodOf } from '../../../contract/periods.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { notFound } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { assertOpen, createAgendaService } from './agenda.service.ts';
import { documents } from './blocker-documents.service.ts';
import type { DispatchContext } from './dispatch.context.ts';
import { presentDecision, presentMeeting } from './dispatch.presenters.ts';
import type { MeetingRow } from './dispatch.repository.ts';
import type { Escalation } from './escalation.ts';
import { createMeetingBrief } from './meeting-brief.ts';

export function createMeetingsService(ctx: DispatchContext, escalation: Escalation) {
  const { db, repo, audit, clock, today, requireZone, requireOwnZone, scopeOf } = ctx;
  const agenda = createAgendaService(ctx, escalation);
  const brief = createMeetingBrief(ctx);

  async function meetingInScope(s: SessionContext, id: string) {
    const m = await repo.meetings.findMeeting(db, id);
    if (!m || !inScope(s, m.zoneId)) throw notFound();
    return m;
  }

  async function detail(s: SessionContext, m: MeetingRow) {
    const [items, decisionRows, previous] = await Promise.all([
      repo.meetings.agenda(db, m.id),
      repo.decisions.decisionsOfMeeting(db, m.id),
      repo.meetings.previousMeeting(db, m.zoneId, m.heldOn, m.id),
    ]);
    const on = today();
    return {
      ...presentMeeting(s, m, { agendaCount: items.length, decisionCount: decisionRows.length }),
      previousMeetingId: previous?.id ?? null,
      agenda: items.map((a) => ({
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
  const get = async (s: SessionContext, id: string) => detail(s, await meetingInScope(s, id));

  return {
    meetingInScope,
    /** The record check of the routes: a meeting within the caller's zones. */
    async inCallerScope(s: SessionContext, id: string) {
      const m = await repo.meetings.findMeeting(db, id);
      return m !== undefined && inScope(s, m.zoneId);
    },

    async list(s: SessionContext, zoneId?: string) {
      const rows = await repo.meetings.listMeetings(db, scopeOf(s, zoneId));
      return rows.map((r) => presentMeeting(s, r.m, { agendaCount: Number(r.agendaCount), decisionCount: Number(r.decisionCount) }));
    },

    get,

    async create(s: SessionContext, body: z.infer<typeof createMeetingBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'meeting.manage', body.zoneId);
      await escalation.escalateDue(scopeOf(s, body.zoneId));
      const id = await db.transaction(async (tx) => {
        const previous = await repo.meetings.previousMeeting(tx, body.zoneId, body.heldOn);
        const title = body.title ?? `${periodLabel('week', periodOf('week', body.heldOn).start)}项目调度会`;
        const m = await repo.meetings.insertMeeting(tx, { zoneId: body.zoneId, title, heldOn: body.heldOn, createdByName: s.user.displayName });
        const items = await agenda.generateAgenda(tx, body.zoneId, body.heldOn, previous);
        await repo.meetings.insertAgenda(
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
      return get(s, id);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateMeetingBody>, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.meetings.updateMeeting(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'meeting.update', entityType: 'meeting', entityId: id, before, after });
      });
      return get(s, id);
    },

    async regenerateAgenda(s: SessionContext, id: string, body: { version: number }, requestId: string) {
      await agenda.regenerate(s, await meetingInScope(s, id), body, requestId);
      return get(s, id);
    },
    async setAgendaOrder(s: SessionContext, id: string, body: z.infer<typeof agendaOrderBody>, requestId: string) {
      await agenda.setOrder(s, await meetingInScope(s, id), body, requestId);
      return get(s, id);
    },
    async addAgendaItem(s: SessionContext, id: string, body: z.infer<typeof addAgendaItemBody>, requestId: string) {
      await agenda.addItem(s, await meetingInScope(s, id), body, requestId);
      return get(s, id);
    },

    async close(s: SessionContext, id: string, body: { version: number }, requestId: string) {
      const before = await meetingInScope(s, id);
      requireZone(s, 'meeting.manage', before.zoneId);
      assertOpen(before);
      assertVersion(before, body.version);
      await db.transaction(async (tx) => {
        const frozen = await brief.liveBriefData(tx, before);
        const after = await repo.meetings.updateMeeting(tx, id, body.version, {
          status: 'closed',
          closedAt: clock(),
          closedByName: s.user.displayName,
          frozen,
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'meeting.close',
          entityType: 'meeting',
          entityId: id,
          before,
          after: { ...after, frozen: undefined },
        });
      });
      return get(s, id);
    },

    async briefDocx(s: SessionContext, id: string) {
      const m = await meetingInScope(s, id);
      const data = await brief.briefData(m);
      return { buffer: await (await documents()).buildBrief(data), fileName: `${data.zoneShortName}${m.title}简报-${m.heldOn}.docx` };
    },
    /** For the bench and tests: the brief's document without a session. */
    async briefFor(meetingId: string) {
      const m = (await repo.meetings.findMeeting(db, meetingId))!;
      return (await documents()).buildBrief(await brief.briefData(m));
    },
    generateAgendaFor: agenda.generateAgendaFor,
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;

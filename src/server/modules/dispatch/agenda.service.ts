/** A meeting's agenda: generated from the data (docs/dispatch.md, "Agenda"), refreshed, reordered and annotated, added to by hand. */
import type { z } from 'zod';
import type { addAgendaItemBody, agendaOrderBody } from '../../../contract/dispatch.ts';
import { blockerLevelLabels, type AgendaItemKind } from '../../../contract/dispatch-enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { DispatchContext } from './dispatch.context.ts';
import type { MeetingRow } from './dispatch.repository.ts';
import type { Escalation } from './escalation.ts';
import { cnDate } from './cn-date.ts';
import { flagReasonText } from './flag-words.ts';

export type GeneratedItem = { kind: AgendaItemKind; refId: string | null; title: string; detail: string | null };

export function assertOpen(m: MeetingRow) {
  if (m.status === 'closed') throw fieldError('status', 'meeting_closed');
}

export function createAgendaService(ctx: DispatchContext, escalation: Escalation) {
  const { db, repo, audit, calendar, requireZone, scopeOf } = ctx;

  /** The agenda a meeting on `heldOn` should have, from the data. */
  async function generateAgenda(tx: DbOrTx, zoneId: string, heldOn: string, previous: MeetingRow | undefined): Promise<GeneratedItem[]> {
    const cal = await calendar(tx);
    const items: GeneratedItem[] = [];
    // "Newly red since the last meeting" comes from the flag history; the previous agenda is only
    // the fallback for a flag set before the history was kept.
    const previousAgenda = previous ? await repo.meetings.agenda(tx, previous.id) : [];
    const wasRed = new Set(previousAgenda.filter((a) => a.kind === 'red_project').map((a) => a.refId));

    // One after another: a transaction is one connection.
    const flagged = await repo.meetings.flaggedProjects(tx, zoneId);
    const slipped = await repo.meetings.slippedMilestones(tx, zoneId, previous?.heldOn ?? null, heldOn);
    const agendaBlockers = await repo.blockers.agendaBlockers(tx, zoneId, heldOn);
    for (const p of flagged.filter((f) => f.flag === 'red')) {
      const reasons = p.flagReasons.filter((r) => r.level === 'red').map(flagReasonText);
      const isNew = p.turnedOn ? !previous || p.turnedOn >= previous.heldOn : !wasRed.has(p.id);
      const since = p.turnedOn ? `（${cnDate(p.turnedOn)}起）` : '';
      items.push({ kind: 'red_project', refId: p.id, title: p.name, detail: [`${isNew ? '新亮红灯' : '连续亮红灯'}${since}`, ...reasons].join('；') });
    }
    // 省/市重点 projects without their 包联领导, 责任单位 or 责任人 (yellow for it): the meeting assigns them.
    for (const p of flagged) {
      const gap = p.flagReasons.find((r) => r.code === 'responsibility_missing');
      if (!gap) continue;
      const since = p.flag === 'yellow' && p.turnedOn ? `（${cnDate(p.turnedOn)}起亮黄灯）` : '';
      items.push({ kind: 'responsibility_gap', refId: p.id, title: p.name, detail: `${flagReasonText(gap)}${since}` });
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
      for (const d of await repo.decisions.decisionsOfMeeting(tx, previous.id)) {
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

  /** An open meeting the caller manages, at the version the caller read. */
  async function editable(s: SessionContext, m: MeetingRow, version: number) {
    requireZone(s, 'meeting.manage', m.zoneId);
    assertOpen(m);
    assertVersion(m, version);
  }

  return {
    generateAgenda,
    /** For the seed and the bench: the agenda of a zone's meeting on a day, without a session. */
    generateAgendaFor: (zoneId: string, heldOn: string, tx?: DbOrTx) =>
      tx
        ? repo.meetings.previousMeeting(tx, zoneId, heldOn).then((previous) => generateAgenda(tx, zoneId, heldOn, previous))
        : db.transaction(async (t) => generateAgenda(t, zoneId, heldOn, await repo.meetings.previousMeeting(t, zoneId, heldOn))),

    /** Adds the generated items the data now calls for (new red projects, newly overdue blockers …), keeping order and annotations. */
    async regenerate(s: SessionContext, before: MeetingRow, body: { version: number }, requestId: string) {
      await editable(s, before, body.version);
      await escalation.escalateDue(scopeOf(s, before.zoneId));
      const id = before.id;
      await db.transaction(async (tx) => {
        await repo.meetings.touchMeeting(tx, id, body.version);
        const current = await repo.meetings.agenda(tx, id);
        const previous = await repo.meetings.previousMeeting(tx, before.zoneId, before.heldOn, id);
        const wanted = await generateAgenda(tx, before.zoneId, before.heldOn, previous);
        const key = (k: string, ref: string | null) => `${k}:${ref}`;
        const wantedKeys = new Set(wanted.map((w) => key(w.kind, w.refId)));
        const have = new Set(current.map((c) => key(c.kind, c.refId)));
        // Generated items no longer called for go, unless someone annotated them.
        const stale = current.filter((c) => c.generated && !wantedKeys.has(key(c.kind, c.refId)) && !c.annotation).map((c) => c.id);
        await repo.meetings.deleteAgendaItems(tx, stale);
        const maxOrder = current.reduce((mx, c) => Math.max(mx, c.sortOrder), 0);
        const added = wanted.filter((w) => !have.has(key(w.kind, w.refId)));
        await repo.meetings.insertAgenda(
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
    },

    async setOrder(s: SessionContext, before: MeetingRow, body: z.infer<typeof agendaOrderBody>, requestId: string) {
      await editable(s, before, body.version);
      const id = before.id;
      const current = await repo.meetings.agenda(db, id);
      const ids = new Set(current.map((c) => c.id));
      if (body.items.length !== current.length || new Set(body.items.map((i) => i.id)).size !== current.length || body.items.some((i) => !ids.has(i.id)))
        throw fieldError('items', 'agenda_items_mismatch');
      await db.transaction(async (tx) => {
        await repo.meetings.touchMeeting(tx, id, body.version);
        for (const [i, item] of body.items.entries()) await repo.meetings.setAgendaItem(tx, item.id, (i + 1) * 10, item.annotation?.trim() || null);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'meeting.agenda_order',
          entityType: 'meeting',
          entityId: id,
          before: current.map((c) => ({ id: c.id, title: c.title, annotation: c.annotation })),
          after: body.items,
        });
      });
    },

    async addItem(s: SessionContext, before: MeetingRow, body: z.infer<typeof addAgendaItemBody>, requestId: string) {
      await editable(s, before, body.version);
      const id = before.id;
      await db.transaction(async (tx) => {
        await repo.meetings.touchMeeting(tx, id, body.version);
        const current = await repo.meetings.agenda(tx, id);
        const sortOrder = current.reduce((mx, c) => Math.max(mx, c.sortOrder), 0) + 10;
        await repo.meetings.insertAgenda(tx, [
          { zoneId: before.zoneId, meetingId: id, kind: 'other', refId: null, title: body.title, detail: body.detail ?? null, sortOrder, generated: false },
        ]);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'meeting.agenda_add', entityType: 'meeting', entityId: id, after: body });
      });
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;

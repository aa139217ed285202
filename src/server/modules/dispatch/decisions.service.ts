/** Decisions (议定事项): recorded at a meeting with an owner and a deadline; their progress moves on after it closes. */
import type { z } from 'zod';
import type { BatchResult } from '../../../contract/batch.ts';
import type { batchUpdateDecisionsBody, createDecisionBody, listDecisionsQuery, updateDecisionBody } from '../../../contract/dispatch.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { checkEach } from '../../platform/batch.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications.ts';
import { can, inScope } from '../../platform/policies.ts';
import { listWorkbook } from '../../platform/list-export.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { decisionStatusLabels } from '../../../contract/dispatch-enums.ts';
import { assertOpen } from './agenda.service.ts';
import type { DispatchContext } from './dispatch.context.ts';
import './dispatch.notifications.ts';
import { presentDecision } from './dispatch.presenters.ts';
import type { CallerScope, DecisionWithNames } from './dispatch.repository.ts';
import type { MeetingsService } from './meetings.service.ts';

export function createDecisionsService(ctx: DispatchContext, meetings: Pick<MeetingsService, 'meetingInScope'>) {
  const { db, repo, audit, clock, today, requireZone, scopeOf } = ctx;

  return {
    /** The record check of the routes: a decision within the caller's zones. */
    async inCallerScope(s: SessionContext, id: string) {
      const zoneId = await repo.decisions.decisionZone(db, id);
      return zoneId !== undefined && inScope(s, zoneId);
    },

    async add(s: SessionContext, meetingId: string, body: z.infer<typeof createDecisionBody>, requestId: string) {
      const m = await meetings.meetingInScope(s, meetingId);
      requireZone(s, 'meeting.manage', m.zoneId);
      assertOpen(m);
      const id = await db.transaction(async (tx) => {
        if (!(await repo.refs.userInZone(tx, body.ownerUserId, m.zoneId))) throw fieldError('ownerUserId', 'unknown_user');
        if (body.projectId) {
          const p = await repo.refs.project(tx, body.projectId);
          if (!p || p.zoneId !== m.zoneId) throw fieldError('projectId', 'project_not_in_zone');
        }
        if (body.departmentId && (await repo.refs.departmentZone(tx, body.departmentId)) !== m.zoneId) throw fieldError('departmentId', 'unknown_department');
        if (body.blockerId && (await repo.blockers.blockerZone(tx, body.blockerId)) !== m.zoneId) throw fieldError('blockerId', 'unknown_blocker');
        const d = await repo.decisions.insertDecision(tx, {
          zoneId: m.zoneId,
          meetingId,
          task: body.task,
          ownerUserId: body.ownerUserId,
          departmentId: body.departmentId ?? null,
          deadlineOn: body.deadlineOn,
          projectId: body.projectId ?? null,
          blockerId: body.blockerId ?? null,
        });
        await notify(tx, {
          zoneId: m.zoneId,
          userId: d.ownerUserId,
          kind: 'decision.assigned',
          entityType: 'meeting',
          entityId: meetingId,
          params: { task: d.task, meetingTitle: m.title, deadlineOn: d.deadlineOn },
        });
        await audit(tx, actorOf(s, requestId), { zoneId: m.zoneId, action: 'decision.create', entityType: 'decision', entityId: d.id, after: d });
        return d.id;
      });
      return presentDecision(s, (await repo.decisions.findDecision(db, id))!, today(), false);
    },

    async list(s: SessionContext, q: z.infer<typeof listDecisionsQuery>) {
      const rows = await repo.decisions.listDecisions(db, scopeOf(s, q.zoneId), { status: q.status, ownerUserId: q.mine === 'true' ? s.user.id : undefined });
      const on = today();
      return rows.map((d) => presentDecision(s, d, on));
    },

    /** 议定事项 as filtered on screen, overdue first then by deadline, as an .xlsx people file (platform/list-export.ts). */
    async exportList(s: SessionContext, q: z.infer<typeof listDecisionsQuery>) {
      const scope = scopeOf(s, q.zoneId);
      const rows = await repo.decisions.listDecisions(db, scope, { status: q.status, ownerUserId: q.mine === 'true' ? s.user.id : undefined });
      return decisionsWorkbook(s, scope, rows, q.status ? decisionStatusLabels[q.status][0] : undefined);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateDecisionBody>, requestId: string) {
      const before = await repo.decisions.findDecision(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      const closed = await checkUpdate(db, s, before, body);
      await db.transaction((tx) => applyUpdate(tx, s, before, body, requestId));
      return presentDecision(s, (await repo.decisions.findDecision(db, id))!, today(), closed);
    },

    /** 批量办结 / 批量改派: one status and/or 责任人 for every selected decision, all or nothing (BATCH_REFUSED names each refused row). */
    async batchUpdate(s: SessionContext, body: z.infer<typeof batchUpdateDecisionsBody>, requestId: string): Promise<BatchResult> {
      const { items, ...change } = body;
      return db.transaction(async (tx) => {
        const found = new Map((await repo.decisions.findDecisions(tx, items.map((i) => i.id))).map((d) => [d.id, d]));
        await checkEach(items, async (item) => {
          const d = found.get(item.id);
          if (!d || !inScope(s, d.zoneId)) throw notFound();
          await checkUpdate(tx, s, d, { ...change, version: item.version });
        });
        const out = [];
        for (const item of items) out.push(await applyUpdate(tx, s, found.get(item.id)!, { ...change, version: item.version }, requestId));
        return { updated: out.length, items: out.map((r) => ({ id: r.id, version: r.version })) };
      });
    },

    /** The selected 议定事项 as an .xlsx (the columns of the filtered export); a row outside the caller's zones refuses it. */
    async exportSelected(s: SessionContext, ids: readonly string[]) {
      const found = new Map((await repo.decisions.findDecisions(db, ids)).map((d) => [d.id, d]));
      await checkEach(
        ids.map((id) => ({ id })),
        async ({ id }) => {
          const d = found.get(id);
          if (!d || !inScope(s, d.zoneId)) throw notFound();
        },
      );
      const scope = scopeOf(s);
      return decisionsWorkbook(s, scope, [...found.values()], '所选');
    },
  };

  /** Who may change it and what a closed meeting freezes; answers whether its meeting is closed. */
  async function checkUpdate(tx: DbOrTx, s: SessionContext, before: DecisionWithNames, body: z.infer<typeof updateDecisionBody>) {
    if (!can(s, 'decision.update', before.zoneId) && before.ownerUserId !== s.user.id) throw new AppError('FORBIDDEN');
    const m = (await repo.meetings.findMeeting(tx, before.meetingId))!;
    // A closed meeting's record is frozen: only the task's progress (status, done date, note) moves on.
    if (m.status === 'closed' && (body.task !== undefined || body.ownerUserId !== undefined || body.deadlineOn !== undefined))
      throw fieldError('status', 'meeting_closed');
    assertVersion(before, body.version);
    if (body.ownerUserId && !(await repo.refs.userInZone(tx, body.ownerUserId, before.zoneId))) throw fieldError('ownerUserId', 'unknown_user');
    return m.status === 'closed';
  }

  /** Writes a checked change and its audit entry. */
  async function applyUpdate(tx: DbOrTx, s: SessionContext, before: DecisionWithNames, body: z.infer<typeof updateDecisionBody>, requestId: string) {
    const { version, ...patch } = body;
    const doneOn = patch.status === 'done' ? (patch.doneOn ?? today()) : patch.status ? null : undefined;
    const after = await repo.decisions.updateDecision(tx, before.id, version, { ...patch, ...(doneOn !== undefined ? { doneOn } : {}) });
    await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'decision.update', entityType: 'decision', entityId: before.id, before, after });
    return after;
  }

  async function decisionsWorkbook(s: SessionContext, scope: CallerScope, rows: DecisionWithNames[], note: string | undefined) {
    const zones = await repo.refs.zonesIn(db, scope);
    const on = today();
    const items = rows
      .map((d) => presentDecision(s, d, on))
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) || Number(b.status === 'open') - Number(a.status === 'open') || a.deadlineOn.localeCompare(b.deadlineOn),
      );
    const zoneName = new Map(zones.map((z) => [z.id, z.shortName]));
    return listWorkbook({
      title: `${zones.length === 1 ? zones[0].shortName : ''}会议议定事项`,
      fileName: `议定事项-${on}.xlsx`,
      clock,
      note,
      rows: items,
      columns: [
        { header: '序号', width: 6, value: (d) => items.indexOf(d) + 1 },
        ...(zones.length > 1 ? [{ header: '开发区', width: 14, value: (d: (typeof items)[number]) => zoneName.get(d.zoneId) ?? '' }] : []),
        { header: '议定事项', width: 44, value: (d) => d.task },
        { header: '所属会议', width: 24, value: (d) => d.meetingTitle ?? '' },
        { header: '关联项目', width: 24, value: (d) => d.projectName },
        { header: '关联堵点', width: 24, value: (d) => d.blockerTitle },
        { header: '责任人', width: 10, value: (d) => d.ownerName },
        { header: '责任单位', width: 18, value: (d) => d.departmentName },
        { header: '完成时限', width: 12, value: (d) => d.deadlineOn },
        { header: '办理状态', width: 12, value: (d) => `${decisionStatusLabels[d.status][0]}${d.overdue ? '（已超期）' : ''}` },
        { header: '完成日期', width: 12, value: (d) => d.doneOn },
        { header: '办理情况', width: 36, value: (d) => d.note },
      ],
    });
  }
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;

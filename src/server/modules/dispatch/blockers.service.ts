/** Blockers (堵点): raise, edit and reassign, escalate by hand, resolve (销号), reopen; the board and one blocker's timeline. */
import type { z } from 'zod';
import type { BatchResult } from '../../../contract/batch.ts';
import type {
  batchAssignBlockersBody,
  batchResolveBlockersBody,
  createBlockerBody,
  escalateBlockerBody,
  listBlockersQuery,
  reopenBlockerBody,
  resolveBlockerBody,
  updateBlockerBody,
} from '../../../contract/dispatch.ts';
import { nextLevel } from '../../../contract/dispatch-enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { checkEach } from '../../platform/batch.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { inScope } from '../../platform/policies.ts';
import type { DispatchContext } from './dispatch.context.ts';
import './dispatch.notifications.ts';
import { presentBlocker } from './dispatch.presenters.ts';
import type { BlockerRow, BlockerWithNames } from './dispatch.repository.ts';
import type { Escalation } from './escalation.ts';

export function createBlockersService(ctx: DispatchContext, escalation: Escalation) {
  const { db, repo, audit, calendar, today, requireZone, requireOwnZone, scopeOf } = ctx;
  const { changed, escalateDue, escalateOne, ownerForLevel } = escalation;

  async function blockerInScope(s: SessionContext, id: string) {
    const b = await repo.blockers.findBlocker(db, id);
    if (!b || !inScope(s, b.zoneId)) throw notFound();
    return b;
  }

  /** Linked records must be of the blocker's zone. */
  async function checkLinks(
    tx: DbOrTx,
    zoneId: string,
    v: { projectId?: string | null; leadId?: string | null; departmentId?: string | null; responsibleUserId?: string | null },
  ) {
    if (v.projectId) {
      const p = await repo.refs.project(tx, v.projectId);
      if (!p || p.zoneId !== zoneId) throw fieldError('projectId', 'project_not_in_zone');
    }
    if (v.leadId) {
      const l = await repo.refs.lead(tx, v.leadId);
      if (!l || l.zoneId !== zoneId) throw fieldError('leadId', 'lead_not_in_zone');
    }
    if (v.departmentId && (await repo.refs.departmentZone(tx, v.departmentId)) !== zoneId) throw fieldError('departmentId', 'unknown_department');
    if (v.responsibleUserId && !(await repo.refs.userInZone(tx, v.responsibleUserId, zoneId))) throw fieldError('responsibleUserId', 'unknown_user');
  }

  async function getBlocker(s: SessionContext, id: string) {
    const first = await blockerInScope(s, id);
    await escalateDue(scopeOf(s, first.zoneId));
    const b = (await repo.blockers.findBlocker(db, id))!;
    const [events, cal] = await Promise.all([repo.blockers.events(db, id), calendar()]);
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
  }

  /**
   * Raises a blocker inside the caller's transaction (another module raising one in one step with
   * its own write, e.g. an unresolved 要素保障 request); answers its id.
   */
  async function createInTx(tx: DbOrTx, s: SessionContext, body: z.infer<typeof createBlockerBody>, requestId: string) {
    requireOwnZone(s, body.zoneId);
    requireZone(s, 'blocker.create', body.zoneId);
    const raisedOn = body.raisedOn ?? today();
    if (body.deadlineOn < raisedOn) throw fieldError('deadlineOn', 'deadline_before_raised');
    changed();
    await checkLinks(tx, body.zoneId, body);
    const level = body.level ?? 'task_force';
    const ownerUserId = await ownerForLevel(
      tx,
      { responsibleUserId: body.responsibleUserId ?? null, projectId: body.projectId ?? null, zoneId: body.zoneId },
      level,
    );
    // Not said (as opposed to said none): the project's own 责任单位 is the blocker's.
    const departmentId =
      body.departmentId !== undefined ? body.departmentId : body.projectId ? ((await repo.refs.project(tx, body.projectId))?.departmentId ?? null) : null;
    const row = await repo.blockers.insertBlocker(tx, {
      zoneId: body.zoneId,
      projectId: body.projectId ?? null,
      leadId: body.leadId ?? null,
      title: body.title,
      description: body.description ?? null,
      category: body.category,
      raisedOn,
      raisedById: s.user.id,
      raisedByName: s.user.displayName,
      departmentId,
      responsibleUserId: body.responsibleUserId ?? null,
      ownerUserId,
      deadlineOn: body.deadlineOn,
      level,
      levelSince: raisedOn,
    });
    await repo.blockers.insertEvents(tx, [
      { zoneId: row.zoneId, blockerId: row.id, kind: 'raised', toValue: level, on: raisedOn, actorId: s.user.id, actorName: s.user.displayName },
    ]);
    await notify(
      tx,
      {
        zoneId: row.zoneId,
        userId: ownerUserId,
        kind: 'blocker.assigned',
        entityType: 'blocker',
        entityId: row.id,
        params: { title: row.title, deadlineOn: row.deadlineOn },
      },
      { except: s.user.id },
    );
    await audit(tx, actorOf(s, requestId), { zoneId: row.zoneId, action: 'blocker.create', entityType: 'blocker', entityId: row.id, after: row });
    return row.id;
  }

  /** The rules of an edit or reassignment (转办), before anything is written. */
  function checkUpdate(s: SessionContext, before: BlockerWithNames, body: z.infer<typeof updateBlockerBody>) {
    requireZone(s, 'blocker.update', before.zoneId);
    if (before.status === 'resolved') throw fieldError('status', 'blocker_resolved');
    assertVersion(before, body.version);
    const deadlineOn = body.deadlineOn ?? before.deadlineOn;
    if (deadlineOn < before.raisedOn) throw fieldError('deadlineOn', 'deadline_before_raised');
  }

  /** Writes a checked edit: the row, its timeline events, the new 责任人's notice and the audit entry. */
  async function applyUpdate(tx: DbOrTx, s: SessionContext, before: BlockerWithNames, body: z.infer<typeof updateBlockerBody>, requestId: string) {
    const { version, ...patch } = body;
    const id = before.id;
    const deadlineOn = patch.deadlineOn ?? before.deadlineOn;
    const reassigned = patch.responsibleUserId !== undefined && patch.responsibleUserId !== before.responsibleUserId;
    const extra: Partial<BlockerRow> = {};
    if (reassigned && before.level === 'task_force') extra.ownerUserId = patch.responsibleUserId ?? null;
    const after = await repo.blockers.updateBlocker(tx, id, version, { ...patch, ...extra });
    const on = today();
    const event = { zoneId: before.zoneId, blockerId: id, on, actorId: s.user.id, actorName: s.user.displayName };
    const events = [];
    if (reassigned) {
      const toName = (await repo.blockers.findBlocker(tx, id))?.responsibleName ?? null;
      events.push({ ...event, kind: 'reassigned' as const, fromValue: before.responsibleName, toValue: toName });
      await notify(
        tx,
        {
          zoneId: before.zoneId,
          userId: patch.responsibleUserId,
          kind: 'blocker.assigned',
          entityType: 'blocker',
          entityId: id,
          params: { title: before.title, reassigned: 1 },
        },
        { except: s.user.id },
      );
    }
    if (patch.status && patch.status !== before.status) events.push({ ...event, kind: 'status' as const, fromValue: before.status, toValue: patch.status });
    const edited = (['title', 'description', 'category', 'deadlineOn', 'departmentId'] as const).filter(
      (k) => patch[k] !== undefined && patch[k] !== before[k],
    );
    if (edited.length)
      events.push({
        ...event,
        kind: 'updated' as const,
        note: edited.includes('deadlineOn') ? `期限 ${before.deadlineOn} → ${deadlineOn}` : edited.join(', '),
      });
    await repo.blockers.insertEvents(tx, events);
    await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'blocker.update', entityType: 'blocker', entityId: id, before, after });
    return after;
  }

  /** The rules of 销号, before anything is written. */
  function checkResolve(s: SessionContext, before: BlockerWithNames, body: z.infer<typeof resolveBlockerBody>) {
    requireZone(s, 'blocker.update', before.zoneId);
    if (before.status === 'resolved') throw fieldError('status', 'blocker_resolved');
    const resolvedOn = body.resolvedOn ?? today();
    if (resolvedOn < before.raisedOn) throw fieldError('resolvedOn', 'deadline_before_raised');
    if (resolvedOn > today()) throw fieldError('resolvedOn', 'date_in_future');
    assertVersion(before, body.version);
  }

  /** Writes a checked 销号: the row, its timeline event, the raiser's notice and the audit entry. */
  async function applyResolve(tx: DbOrTx, s: SessionContext, before: BlockerWithNames, body: z.infer<typeof resolveBlockerBody>, requestId: string) {
    const id = before.id;
    const resolvedOn = body.resolvedOn ?? today();
    const after = await repo.blockers.updateBlocker(tx, id, body.version, { status: 'resolved', resolution: body.resolution, resolvedOn });
    await repo.blockers.insertEvents(tx, [
      {
        zoneId: before.zoneId,
        blockerId: id,
        kind: 'resolved',
        fromValue: before.status,
        toValue: 'resolved',
        note: body.resolution,
        on: resolvedOn,
        actorId: s.user.id,
        actorName: s.user.displayName,
      },
    ]);
    await notify(
      tx,
      {
        zoneId: before.zoneId,
        userId: before.raisedById,
        kind: 'blocker.resolved',
        entityType: 'blocker',
        entityId: id,
        params: { title: before.title, resolution: body.resolution },
      },
      { except: s.user.id },
    );
    await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'blocker.resolve', entityType: 'blocker', entityId: id, before, after });
    return after;
  }

  /**
   * The selected rows read on the batch's transaction, each checked as its single operation would
   * (scope first: a row of another zone is refused as not found); all pass or BATCH_REFUSED.
   */
  async function batchOf(tx: DbOrTx, s: SessionContext, items: readonly { id: string; version: number }[], check: (b: BlockerWithNames, version: number) => Promise<void> | void) {
    const found = new Map((await repo.blockers.findBlockers(tx, items.map((i) => i.id))).map((b) => [b.id, b]));
    await checkEach(items, async (item) => {
      const b = found.get(item.id);
      if (!b || !inScope(s, b.zoneId)) throw notFound();
      await check(b, item.version);
    });
    return items.map((i) => found.get(i.id)!);
  }

  return {
    blockerInScope,
    /** The record check of the routes: a blocker within the caller's zones. */
    async inCallerScope(s: SessionContext, id: string) {
      const zoneId = await repo.blockers.blockerZone(db, id);
      return zoneId !== undefined && inScope(s, zoneId);
    },

    async list(s: SessionContext, q: z.infer<typeof listBlockersQuery>) {
      const scope = scopeOf(s, q.zoneId);
      await escalateDue(scope);
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
        repo.blockers.listBlockers(db, scope, filter, on, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.blockers.countBlockers(db, scope, filter),
        repo.blockers.blockerCounts(db, scope, on),
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

    get: getBlocker,

    /** 批量转办: one 责任人 and/or 责任单位 for every selected blocker, all or nothing (BATCH_REFUSED names each refused row). */
    async batchAssign(s: SessionContext, body: z.infer<typeof batchAssignBlockersBody>, requestId: string): Promise<BatchResult> {
      const { items, responsibleUserId, departmentId } = body;
      changed();
      return db.transaction(async (tx) => {
        const rows = await batchOf(tx, s, items, async (b, version) => {
          checkUpdate(s, b, { version, responsibleUserId, departmentId });
          await checkLinks(tx, b.zoneId, { responsibleUserId, departmentId });
        });
        const out = [];
        for (const [i, b] of rows.entries()) out.push(await applyUpdate(tx, s, b, { version: items[i].version, responsibleUserId, departmentId }, requestId));
        return { updated: out.length, items: out.map((r) => ({ id: r.id, version: r.version })) };
      });
    },

    /** 批量销号: one resolution text for every selected blocker, all or nothing. */
    async batchResolve(s: SessionContext, body: z.infer<typeof batchResolveBlockersBody>, requestId: string): Promise<BatchResult> {
      const { items, resolution, resolvedOn } = body;
      changed();
      return db.transaction(async (tx) => {
        const rows = await batchOf(tx, s, items, (b, version) => checkResolve(s, b, { version, resolution, resolvedOn }));
        const out = [];
        for (const [i, b] of rows.entries()) out.push(await applyResolve(tx, s, b, { version: items[i].version, resolution, resolvedOn }, requestId));
        return { updated: out.length, items: out.map((r) => ({ id: r.id, version: r.version })) };
      });
    },

    createInTx,

    async create(s: SessionContext, body: z.infer<typeof createBlockerBody>, requestId: string) {
      const id = await db.transaction((tx) => createInTx(tx, s, body, requestId));
      return getBlocker(s, id);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      checkUpdate(s, before, body);
      changed();
      await db.transaction(async (tx) => {
        await checkLinks(tx, before.zoneId, { departmentId: body.departmentId, responsibleUserId: body.responsibleUserId });
        await applyUpdate(tx, s, before, body, requestId);
      });
      return getBlocker(s, id);
    },

    async escalate(s: SessionContext, id: string, body: z.infer<typeof escalateBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      requireZone(s, 'blocker.update', before.zoneId);
      if (before.status === 'resolved') throw fieldError('status', 'blocker_resolved');
      const to = nextLevel(before.level);
      if (!to) throw fieldError('level', 'escalation_top');
      assertVersion(before, body.version);
      changed();
      await db.transaction((tx) => escalateOne(tx, before, to, today(), actorOf(s, requestId), body.note ?? null, false, body.version));
      return getBlocker(s, id);
    },

    async resolve(s: SessionContext, id: string, body: z.infer<typeof resolveBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      checkResolve(s, before, body);
      changed();
      await db.transaction((tx) => applyResolve(tx, s, before, body, requestId));
      return getBlocker(s, id);
    },

    async reopen(s: SessionContext, id: string, body: z.infer<typeof reopenBlockerBody>, requestId: string) {
      const before = await blockerInScope(s, id);
      requireZone(s, 'blocker.update', before.zoneId);
      if (before.status !== 'resolved') throw fieldError('status', 'blocker_not_resolved');
      assertVersion(before, body.version);
      const on = today();
      changed();
      await db.transaction(async (tx) => {
        // The clock restarts today: a reopened blocker gets a full period at its level before escalating again.
        const after = await repo.blockers.updateBlocker(tx, id, body.version, { status: 'open', resolution: null, resolvedOn: null, levelSince: on });
        await repo.blockers.insertEvents(tx, [
          {
            zoneId: before.zoneId,
            blockerId: id,
            kind: 'reopened',
            fromValue: 'resolved',
            toValue: 'open',
            note: body.reason,
            on,
            actorId: s.user.id,
            actorName: s.user.displayName,
          },
        ]);
        await notify(
          tx,
          {
            zoneId: before.zoneId,
            userId: before.ownerUserId,
            kind: 'blocker.reopened',
            entityType: 'blocker',
            entityId: id,
            params: { title: before.title, reason: body.reason },
          },
          { except: s.user.id },
        );
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'blocker.reopen', entityType: 'blocker', entityId: id, before, after });
      });
      return getBlocker(s, id);
    },
  };
}

export type BlockersService = ReturnType<typeof createBlockersService>;

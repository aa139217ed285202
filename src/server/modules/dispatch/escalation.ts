/**
 * Blocker escalation (提级): one level per `escalationWorkdays` working days overdue, by the zone's
 * setting, on the official calendar. The sweep runs on a timer and lazily on every read
 * (docs/dispatch.md, "Escalation"); each write names the version it read, so both may run.
 */
import { nextLevel, type BlockerLevel } from '../../../contract/dispatch-enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { systemActor, type Actor } from '../../platform/auth/session.ts';
import { notify } from '../../platform/notifications.ts';
import type { DispatchContext } from './dispatch.context.ts';
import './dispatch.notifications.ts';
import type { BlockerRow, CallerScope } from './dispatch.repository.ts';

/** Working days an overdue blocker waits at one level before it escalates, when the zone has not set its own. */
export const DEFAULT_ESCALATION_WORKDAYS = 3;
const SWEEP_MEMO_MS = 60_000;

/** A memo key per scope swept: the zone asked for, or the caller's rule of zones. */
const memoKey = (scope: CallerScope) => scope.zoneId ?? JSON.stringify(scope.session.scope.rule);

export function createEscalation({ db, repo, audit, clock, calendar, today }: DispatchContext) {
  const swept = new Map<string, { day: string; at: number }>();

  /** The owner of a level: the responsible person, the project's 包联领导, then the zone's leaders. */
  async function ownerForLevel(tx: DbOrTx, b: Pick<BlockerRow, 'zoneId' | 'projectId' | 'responsibleUserId'>, level: BlockerLevel): Promise<string | null> {
    if (level === 'task_force') return b.responsibleUserId;
    const people = await repo.refs.zoneUsers(tx, b.zoneId);
    const first = (role: string) => people.find((p) => p.role === role)?.id ?? null;
    if (level === 'leader') {
      const project = b.projectId ? await repo.refs.project(tx, b.projectId) : undefined;
      return project?.leaderUserId ?? first('deputy_leader') ?? first('zone_leader');
    }
    return first('zone_leader') ?? first('deputy_leader');
  }

  /** One step up, with its timeline event, the new owner's notice and the audit entry. Undefined when someone saved first (the sweep). */
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
    const patch = { level: to, levelSince: on, ownerUserId };
    const after = automatic
      ? await repo.blockers.updateBlockerIfVersion(tx, b.id, expectedVersion, patch)
      : await repo.blockers.updateBlocker(tx, b.id, expectedVersion, patch);
    if (!after) return undefined;
    await repo.blockers.insertEvents(tx, [
      { zoneId: b.zoneId, blockerId: b.id, kind: 'escalated', fromValue: b.level, toValue: to, note, on, automatic, actorId: actor.id, actorName: actor.name },
    ]);
    await notify(tx, {
      zoneId: b.zoneId,
      userId: ownerUserId,
      kind: 'blocker.escalated',
      entityType: 'blocker',
      entityId: b.id,
      params: { title: b.title, level: to, on, automatic: automatic ? 1 : 0, note },
    });
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
  async function escalateDue(scope: CallerScope | 'all'): Promise<number> {
    const on = today();
    const nowMs = clock().getTime();
    if (scope !== 'all') {
      // A scope swept this minute, on this day, with no blocker written since, has nothing new to escalate.
      const key = memoKey(scope);
      const last = swept.get(key);
      if (last !== undefined && last.day === on && nowMs - last.at < SWEEP_MEMO_MS) return 0;
      swept.set(key, { day: on, at: nowMs });
    } else swept.clear();
    const candidates = await repo.blockers.escalationCandidates(db, scope, on);
    if (candidates.length === 0) return 0;
    const cal = await calendar();
    const settings = new Map((await repo.settings.settings(db, [...new Set(candidates.map((c) => c.zoneId))])).map((r) => [r.zoneId, r.escalationWorkdays]));
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

  return {
    ownerForLevel,
    escalateOne,
    escalateDue,
    /** A blocker or a zone's settings changed: the next read sweeps again (every memo, as scopes overlap). */
    changed: () => swept.clear(),
    /** Starts the periodic sweep; returns the function that stops it. */
    startTimer(intervalMs = 15 * 60_000, log: (err: unknown) => void = () => undefined): () => void {
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
  };
}

export type Escalation = ReturnType<typeof createEscalation>;

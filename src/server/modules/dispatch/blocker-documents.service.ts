/** The blocker documents: a 提醒函 (.docx) for an overdue blocker, the 堵点清单 (.xlsx) of a scope. */
import type { z } from 'zod';
import type { exportBlockersQuery } from '../../../contract/dispatch.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { checkEach } from '../../platform/batch.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import type { BlockersService } from './blockers.service.ts';
import { cnDate } from './cn-date.ts';
import type { DispatchContext } from './dispatch.context.ts';
import { overdueDays } from './dispatch.presenters.ts';
import type { BlockerWithNames, CallerScope } from './dispatch.repository.ts';
import type { Escalation } from './escalation.ts';

/** docx and exceljs take seconds to load on a busy machine: load the builders on first use, not at server start. */
export const documents = () => import('./dispatch.documents.ts');

export function createBlockerDocumentsService(ctx: DispatchContext, escalation: Escalation, blockers: Pick<BlockersService, 'blockerInScope'>) {
  const { db, repo, calendar, today, scopeOf } = ctx;
  return {
    async reminderDocx(s: SessionContext, id: string) {
      const first = await blockers.blockerInScope(s, id);
      await escalation.escalateDue(scopeOf(s, first.zoneId));
      const b = (await repo.blockers.findBlocker(db, id))!;
      if (b.status === 'resolved') throw fieldError('status', 'blocker_resolved');
      const on = today();
      const zone = (await repo.refs.zoneName(db, b.zoneId))!;
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
        overdueWorkdays: overdueDays(await calendar(), b, on),
        today: on,
      });
      return { buffer, fileName: `提醒函-${b.title.slice(0, 20)}-${on}.docx` };
    },

    async blockersXlsx(s: SessionContext, q: z.infer<typeof exportBlockersQuery>) {
      const scope = scopeOf(s, q.zoneId);
      await escalation.escalateDue(scope);
      const rows = await repo.blockers.listBlockers(db, scope, { status: q.status }, today());
      return blockersSheet(scope, rows);
    },

    /** The 堵点清单 of the selected rows, in the board's order; a row outside the caller's zones refuses it. */
    async selectedBlockersXlsx(s: SessionContext, ids: readonly string[]) {
      const scope = scopeOf(s);
      await escalation.escalateDue(scope);
      const found = new Map((await repo.blockers.findBlockers(db, ids)).map((b) => [b.id, b]));
      await checkEach(
        ids.map((id) => ({ id })),
        async ({ id }) => {
          const b = found.get(id);
          if (!b || !inScope(s, b.zoneId)) throw notFound();
        },
      );
      const on = today();
      const rows = [...found.values()].sort(
        (a, b) => Number(b.status !== 'resolved' && b.deadlineOn < on) - Number(a.status !== 'resolved' && a.deadlineOn < on) || a.deadlineOn.localeCompare(b.deadlineOn),
      );
      return blockersSheet(scope, rows, '（所选）');
    },
  };

  async function blockersSheet(scope: CallerScope, rows: BlockerWithNames[], note = '') {
    const on = today();
    const [cal, zones] = await Promise.all([calendar(), repo.refs.zonesIn(db, scope)]);
    const zoneLabel = zones.length === 1 ? zones[0].shortName : '';
    const zoneNames = new Map(zones.map((z) => [z.id, z.shortName]));
    const buffer = await (
      await documents()
    ).buildBlockersSheet(
      `${zoneLabel}项目堵点问题清单${note}（截至${cnDate(on)}）`,
      rows.map((b) => ({ ...b, zoneName: zoneNames.get(b.zoneId), overdueWorkdays: overdueDays(cal, b, on) })),
      { zoneColumn: zones.length > 1 },
    );
    return { buffer, fileName: `堵点清单-${on}.xlsx` };
  }
}

/**
 * What the approval services (审批服务) write on a project's approval checklist: a case handled for
 * one of its items (全代办 or 承诺制) files and grants that item, in the case's own transaction, so
 * one filing updates both. Audited as a change of the project's approvals; derived figures refreshed.
 */
import type { DbOrTx } from '../../db/client.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError } from '../../platform/errors.ts';
import type { ProjectsContext } from './projects.context.ts';

export interface ApprovalFromCase {
  filedOn?: string | null;
  grantedOn?: string | null;
  agentUserId?: string | null;
  note?: string | null;
}

export function createProjectApprovalCasesService(k: ProjectsContext) {
  const { repo, audit, ensurePlan, afterChange } = k;
  return {
    /** The approval item of a project, for a case to link to (undefined when the project has no such item). */
    async approvalItemInTx(tx: DbOrTx, projectId: string, approvalId: string) {
      await ensurePlan(tx, projectId);
      const item = (await repo.approvals(tx, projectId)).map((a) => a.approval).find((a) => a.id === approvalId);
      return item
        ? { id: item.id, zoneId: item.zoneId, projectId: item.projectId, name: item.name, filedOn: item.filedOn, grantedOn: item.grantedOn }
        : undefined;
    },
    /** Sets the item's dates (and agent) from a case, in the caller's transaction. */
    async recordApprovalFromCaseInTx(tx: DbOrTx, s: SessionContext, projectId: string, approvalId: string, patch: ApprovalFromCase, requestId: string) {
      await ensurePlan(tx, projectId);
      const item = (await repo.approvals(tx, projectId)).map((a) => a.approval).find((a) => a.id === approvalId);
      if (!item) throw fieldError('projectApprovalId', 'approval_not_of_project');
      const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const after = await repo.updateApproval(tx, item.id, item.version, values);
      await audit(tx, actorOf(s, requestId), {
        zoneId: item.zoneId,
        action: 'project.approvals',
        entityType: 'project',
        entityId: projectId,
        before: { approvals: [{ name: item.name, filedOn: item.filedOn, grantedOn: item.grantedOn }] },
        after: { approvals: [{ name: after.name, filedOn: after.filedOn, grantedOn: after.grantedOn }] },
      });
      await afterChange(tx, projectId);
      return after;
    },
  };
}

/** Settings of the projects module: milestone and approval templates, the red/yellow/green flag rule. */
import type { z } from 'zod';
import type { FieldError } from '../../../contract/errors.ts';
import { builtinApprovals, builtinMilestones, defaultFlagRule, type putFlagRuleBody, type putTemplatesBody } from '../../../contract/projects.ts';
import { AppError, fieldError, throwIfAny } from '../../platform/errors.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { can, inScope } from '../../platform/policies.ts';
import type { ProjectsContext } from './projects.context.ts';

export function createProjectSettingsService(k: ProjectsContext) {
  const { db, repo, audit, today, requirePermission } = k;

  const service = {
    async templates(s: SessionContext, zoneId: string | undefined) {
      if (zoneId && !inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const own = await repo.template(db, zoneId ?? null);
      const global = zoneId && !own ? await repo.template(db, null) : undefined;
      const used = own ?? global;
      return {
        zoneId: zoneId ?? null,
        source: own ? (zoneId ? ('zone' as const) : ('global' as const)) : global ? ('global' as const) : ('builtin' as const),
        milestones: used?.milestones ?? builtinMilestones,
        approvals: used?.approvals ?? builtinApprovals,
        version: own?.version ?? null,
        actions: can(s, 'project.configure', zoneId ?? null) ? ['update'] : [],
      };
    },

    async putTemplates(s: SessionContext, body: z.infer<typeof putTemplatesBody>, requestId: string) {
      if (body.zoneId && !inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.configure', body.zoneId);
      const before = await repo.template(db, body.zoneId);
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertTemplate(tx, { zoneId: body.zoneId, milestones: body.milestones, approvals: body.approvals });
        else {
          if (body.version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateTemplate(tx, before.id, body.version, { milestones: body.milestones, approvals: body.approvals });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: body.zoneId,
          action: 'project_template.update',
          entityType: 'project_template',
          entityId: after.id,
          before: before ?? null,
          after,
        });
      });
      return service.templates(s, body.zoneId ?? undefined);
    },

    async flagRule(s: SessionContext, zoneId: string | undefined) {
      if (zoneId && !inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const own = await repo.flagRule(db, zoneId ?? null);
      const global = zoneId && !own ? await repo.flagRule(db, null) : undefined;
      const used = own ?? global;
      const rule = used
        ? {
            milestoneYellowDays: used.milestoneYellowDays,
            milestoneRedDays: used.milestoneRedDays,
            investmentYellowPoints: used.investmentYellowPoints,
            investmentRedPoints: used.investmentRedPoints,
            missingReportFlag: used.missingReportFlag,
            reportGraceDays: used.reportGraceDays,
            landToStartStatutoryDays: used.landToStartStatutoryDays,
            landToStartPromisedDays: used.landToStartPromisedDays,
            immediateStartDays: used.immediateStartDays,
          }
        : defaultFlagRule;
      return {
        ...rule,
        zoneId: zoneId ?? null,
        source: own ? (zoneId ? ('zone' as const) : ('global' as const)) : global ? ('global' as const) : ('builtin' as const),
        version: own?.version ?? null,
        actions: can(s, 'project.configure', zoneId ?? null) ? ['update'] : [],
      };
    },

    async putFlagRule(s: SessionContext, body: z.infer<typeof putFlagRuleBody>, requestId: string) {
      if (body.zoneId && !inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.configure', body.zoneId);
      const fields: FieldError[] = [];
      if (body.milestoneRedDays < body.milestoneYellowDays) fields.push({ field: 'milestoneRedDays', reason: 'thresholds_order' });
      if (body.investmentRedPoints < body.investmentYellowPoints) fields.push({ field: 'investmentRedPoints', reason: 'thresholds_order' });
      throwIfAny(fields);
      const { zoneId, version, ...values } = body;
      const before = await repo.flagRule(db, zoneId);
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertFlagRule(tx, { zoneId, ...values });
        else {
          if (version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateFlagRule(tx, before.id, version, values);
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId,
          action: 'project_flag_rule.update',
          entityType: 'project_flag_rule',
          entityId: after.id,
          before: before ?? null,
          after,
        });
        // The rule is an input of every flag it governs: recompute them now.
        await repo.refreshDerived(tx, { scope: s, zoneId }, today());
      });
      return service.flagRule(s, zoneId ?? undefined);
    },
  };
  return service;
}

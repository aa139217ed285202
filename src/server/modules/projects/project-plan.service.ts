/** The plan of a project: milestones (节点), approvals (审批事项), 标准地 indicators and annual plans. */
import type { z } from 'zod';
import type { FieldError } from '../../../contract/errors.ts';
import {
  landIndicatorKeys,
  landIndicatorLabels,
  landVerdictLabels,
  type approvalsBody,
  type landComplianceExportQuery,
  type LandIndicatorKey,
  type landStandardBody,
  type milestonesBody,
} from '../../../contract/projects.ts';
import { listWorkbook } from '../../platform/list-export.ts';
import { AppError, fieldError, throwIfAny } from '../../platform/errors.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { inScope } from '../../platform/policies.ts';
import type { ProjectsContext } from './projects.context.ts';
import { deriveLand } from './projects.rules.ts';

export function createProjectPlanService(k: ProjectsContext) {
  const { db, repo, audit, clock, today, load, requirePermission, ensurePlanOf, afterChange, detail, yearlyOf } = k;

  /** 标准地履标: every project's indicators with the achieved figures derived from the records. */
  async function landCompliance(s: SessionContext, zoneId: string | undefined) {
    if (zoneId && !inScope(s, zoneId)) return [];
    const rows = await repo.landCompliance(db, s, zoneId);
    const yearly = await yearlyOf(
      db,
      rows.map((r) => r.investorEnterpriseId),
    );
    return rows.map((r) => ({
      ...deriveLand(r.land, { ...r, yearly: r.investorEnterpriseId ? yearly.get(r.investorEnterpriseId) : null }),
      projectId: r.land.projectId,
      projectName: r.projectName,
      zoneId: r.land.zoneId,
      zoneName: r.zoneName,
      landMu: r.landMu,
    }));
  }

  return {
    async putMilestones(s: SessionContext, id: string, body: z.infer<typeof milestonesBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.update', project.zoneId);
      await ensurePlanOf(project);
      const current = await repo.milestones(db, id);
      const byId = new Map(current.map((m) => [m.id, m]));
      const t = today();
      const fields: FieldError[] = [];
      body.items.forEach((m, i) => {
        if (m.id && !byId.has(m.id)) fields.push({ field: `items.${i}.id`, reason: 'unknown_milestone' });
        if (m.id && m.version === undefined) fields.push({ field: `items.${i}.version`, reason: 'required' });
        if (m.actualOn && m.actualOn > t) fields.push({ field: `items.${i}.actualOn`, reason: 'date_in_future' });
      });
      throwIfAny(fields);
      for (const m of body.items)
        if (m.id && byId.get(m.id)!.version !== m.version)
          throw new AppError('VERSION_CONFLICT', { expectedVersion: m.version, currentVersion: byId.get(m.id)!.version });
      await db.transaction(async (tx) => {
        const kept = new Set(body.items.filter((m) => m.id).map((m) => m.id!));
        await repo.deleteMilestones(
          tx,
          current.filter((m) => !kept.has(m.id)).map((m) => m.id),
        );
        const inserts = [];
        for (const [i, m] of body.items.entries()) {
          const values = {
            sortOrder: i + 1,
            name: m.name,
            stage: m.stage ?? null,
            plannedOn: m.plannedOn ?? null,
            actualOn: m.actualOn ?? null,
            note: m.note ?? null,
          };
          if (m.id) {
            await repo.updateMilestone(tx, m.id, m.version!, values);
          } else inserts.push({ ...values, zoneId: project.zoneId, projectId: id });
        }
        await repo.insertMilestones(tx, inserts);
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.milestones',
          entityType: 'project',
          entityId: id,
          before: { milestones: current.map(({ name, plannedOn, actualOn }) => ({ name, plannedOn, actualOn })) },
          after: { milestones: body.items.map(({ name, plannedOn, actualOn }) => ({ name, plannedOn: plannedOn ?? null, actualOn: actualOn ?? null })) },
        });
        await afterChange(tx, id);
      });
      return detail(s, id);
    },

    async putApprovals(s: SessionContext, id: string, body: z.infer<typeof approvalsBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.approvals', project.zoneId);
      await ensurePlanOf(project);
      const current = (await repo.approvals(db, id)).map((a) => a.approval);
      const byId = new Map(current.map((a) => [a.id, a]));
      const t = today();
      const fields: FieldError[] = [];
      for (const [i, a] of body.items.entries()) {
        if (a.id && !byId.has(a.id)) fields.push({ field: `items.${i}.id`, reason: 'unknown_approval' });
        if (a.id && a.version === undefined) fields.push({ field: `items.${i}.version`, reason: 'required' });
        if (a.filedOn && a.filedOn > t) fields.push({ field: `items.${i}.filedOn`, reason: 'date_in_future' });
        if (a.grantedOn && a.grantedOn > t) fields.push({ field: `items.${i}.grantedOn`, reason: 'date_in_future' });
        if (a.grantedOn && !a.filedOn) fields.push({ field: `items.${i}.filedOn`, reason: 'required' });
        if (a.grantedOn && a.filedOn && a.grantedOn < a.filedOn) fields.push({ field: `items.${i}.grantedOn`, reason: 'granted_before_filed' });
        if (a.agentUserId && !(await repo.userCoversZone(db, a.agentUserId, project.zoneId)))
          fields.push({ field: `items.${i}.agentUserId`, reason: 'unknown_user_in_zone' });
      }
      throwIfAny(fields);
      for (const a of body.items)
        if (a.id && byId.get(a.id)!.version !== a.version)
          throw new AppError('VERSION_CONFLICT', { expectedVersion: a.version, currentVersion: byId.get(a.id)!.version });
      await db.transaction(async (tx) => {
        const kept = new Set(body.items.filter((a) => a.id).map((a) => a.id!));
        await repo.deleteApprovals(
          tx,
          current.filter((a) => !kept.has(a.id)).map((a) => a.id),
        );
        const inserts = [];
        for (const [i, a] of body.items.entries()) {
          const values = {
            sortOrder: i + 1,
            name: a.name,
            agency: a.agency ?? null,
            statutoryDays: a.statutoryDays ?? null,
            promisedDays: a.promisedDays ?? null,
            agentUserId: a.agentUserId ?? null,
            filedOn: a.filedOn ?? null,
            grantedOn: a.grantedOn ?? null,
            note: a.note ?? null,
          };
          if (a.id) {
            await repo.updateApproval(tx, a.id, a.version!, values);
          } else inserts.push({ ...values, zoneId: project.zoneId, projectId: id });
        }
        await repo.insertApprovals(tx, inserts);
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.approvals',
          entityType: 'project',
          entityId: id,
          before: { approvals: current.map(({ name, filedOn, grantedOn }) => ({ name, filedOn, grantedOn })) },
          after: { approvals: body.items.map(({ name, filedOn, grantedOn }) => ({ name, filedOn: filedOn ?? null, grantedOn: grantedOn ?? null })) },
        });
        await afterChange(tx, id);
      });
      return detail(s, id);
    },

    async putLandStandard(s: SessionContext, id: string, body: z.infer<typeof landStandardBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.update', project.zoneId);
      const before = await repo.landStandard(db, id);
      const { version, ...values } = body;
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertLandStandard(tx, { ...values, projectId: id, zoneId: project.zoneId });
        else {
          if (version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateLandStandard(tx, id, version, values);
          if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: version, currentVersion: before.version });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.land_standard',
          entityType: 'project',
          entityId: id,
          before: before ?? null,
          after,
        });
        await repo.touch(tx, id);
      });
      return detail(s, id);
    },

    async putAnnualPlan(s: SessionContext, id: string, year: number, body: { planWan: number; version?: number }, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.update', project.zoneId);
      const before = await repo.findAnnualPlan(db, id, year);
      await db.transaction(async (tx) => {
        let after;
        if (!before) after = await repo.insertAnnualPlan(tx, { projectId: id, zoneId: project.zoneId, year, planYuan: body.planWan });
        else {
          if (body.version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          after = await repo.updateAnnualPlan(tx, id, year, body.version, body.planWan);
          if (!after) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version, currentVersion: before.version });
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: project.zoneId,
          action: 'project.annual_plan',
          entityType: 'project',
          entityId: id,
          before: before ?? null,
          after,
        });
        await afterChange(tx, id);
      });
      return detail(s, id);
    },

    landCompliance,

    /** 标准地履标 as filtered on screen, as an .xlsx people file (platform/list-export.ts): promised, achieved and verdict per indicator. */
    async landComplianceXlsx(s: SessionContext, query: z.infer<typeof landComplianceExportQuery>) {
      const all = await landCompliance(s, query.zoneId);
      const rows = all.filter((r) => (!query.verdict || r.verdict === query.verdict) && (!query.q || r.projectName.includes(query.q)));
      const manyZones = new Set(all.map((r) => r.zoneId)).size > 1 || !query.zoneId;
      type Row = (typeof rows)[number];
      const indicator = (r: Row, k: LandIndicatorKey) => r.indicators.find((i) => i.key === k);
      return listWorkbook<Row>({
        title: `${!manyZones && rows[0] ? rows[0].zoneName : ''}标准地履标情况`,
        fileName: `标准地履标-${today()}.xlsx`,
        clock,
        note: query.verdict ? landVerdictLabels[query.verdict] : undefined,
        rows,
        columns: [
          { header: '序号', width: 6, value: (r) => rows.indexOf(r) + 1 },
          { header: '项目名称', width: 30, value: (r) => r.projectName },
          ...(manyZones ? [{ header: '开发区', width: 14, value: (r: Row) => r.zoneName }] : []),
          { header: '用地面积（亩）', width: 12, value: (r) => r.landMu },
          ...landIndicatorKeys.flatMap((k) => [
            { header: `${landIndicatorLabels[k]}承诺值`, width: 14, value: (r: Row) => indicator(r, k)?.promised ?? null },
            { header: `${landIndicatorLabels[k]}实际值`, width: 14, value: (r: Row) => indicator(r, k)?.achieved ?? null },
            {
              header: `${landIndicatorLabels[k]}结论`,
              width: 10,
              value: (r: Row) => (indicator(r, k)?.verdict ? landVerdictLabels[indicator(r, k)!.verdict!] : null),
            },
          ]),
          { header: '履标结论', width: 10, value: (r) => landVerdictLabels[r.verdict] },
        ],
      });
    },
  };
}

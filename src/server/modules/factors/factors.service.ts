/**
 * 要素保障: requests for land, power, water, gas, heat and talent from projects and enterprises, with the
 * department responsible and the outcome. An unresolved request is raised as a 堵点 in one step: the
 * dispatch blockers service raises it inside this module's transaction (its rules, owner, timeline,
 * notice and audit), and the request records the blocker and turns 已转堵点 — both or neither.
 */
import type { z } from 'zod';
import type { BlockerCategory } from '../../../contract/dispatch-enums.ts';
import type { FieldError } from '../../../contract/errors.ts';
import type { createFactorBody, raiseFactorBody, resolveFactorBody } from '../../../contract/services/factors.ts';
import { factorKindLabels } from '../../../contract/services/factors.ts';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { ModuleServices } from '../../platform/module.ts';
import { actionsFor, can, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { FactorsRepository } from './factors.repository.ts';

/** The blocker category a request's kind is raised under. */
const categoryOf: Record<string, BlockerCategory> = {
  land: 'land',
  power: 'utilities',
  water: 'utilities',
  gas: 'utilities',
  heat: 'utilities',
  talent: 'labour',
};

export interface FactorsDeps {
  db: Db;
  repo: FactorsRepository;
  audit: AuditWriter;
  clock: Clock;
  blockers: Pick<ModuleServices['dispatch']['blockers'], 'createInTx'>;
}

export function createFactorsService({ db, repo, audit, clock, blockers }: FactorsDeps) {
  const today = () => chinaToday(clock);
  type Row = Awaited<ReturnType<FactorsRepository['list']>>[number];
  const present = (s: SessionContext, f: Row) => ({
    id: f.id,
    zoneId: f.zoneId,
    projectId: f.projectId,
    projectName: f.project_name,
    enterpriseId: f.enterpriseId,
    enterpriseName: f.enterprise_name,
    kind: f.kind,
    description: f.description,
    quantity: f.quantity,
    requestedOn: f.requestedOn,
    neededBy: f.neededBy,
    departmentId: f.departmentId,
    departmentName: f.department_name,
    status: f.status,
    outcome: f.outcome,
    resolvedOn: f.resolvedOn,
    blockerId: f.blockerId,
    version: Number(f.version),
    actions: f.status === 'open' ? actionsFor(s, 'factorRequest', f.zoneId) : [],
  });
  const one = async (s: SessionContext, id: string) => present(s, (await repo.list(db, s, { ids: [id] }))[0]);
  async function openRequest(s: SessionContext, id: string, version: number) {
    const f = await repo.request(db, id);
    if (!f || !inScope(s, f.zoneId)) throw notFound();
    if (!can(s, 'factor.manage', f.zoneId)) throw new AppError('FORBIDDEN');
    assertVersion(f, version);
    if (f.status !== 'open') throw fieldError('status', 'factor_not_open');
    return f;
  }

  return {
    today,
    zoneName: (zoneId: string) => repo.zoneName(db, zoneId),
    async recordInScope(s: SessionContext, id: string) {
      const f = await repo.request(db, id);
      return Boolean(f) && inScope(s, f!.zoneId);
    },
    async list(s: SessionContext, q: { zoneId?: string; status?: string }) {
      return (await repo.list(db, s, q)).map((f) => present(s, f));
    },
    async create(s: SessionContext, body: z.infer<typeof createFactorBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      if (!can(s, 'factor.manage', body.zoneId)) throw new AppError('FORBIDDEN');
      const fields: FieldError[] = [];
      if (body.projectId && (await repo.projectZone(db, body.projectId))?.zone_id !== body.zoneId)
        fields.push({ field: 'projectId', reason: 'project_not_in_zone' });
      if (body.enterpriseId && !(await repo.enterpriseExists(db, body.enterpriseId))) fields.push({ field: 'enterpriseId', reason: 'unknown_enterprise' });
      if (body.departmentId && (await repo.departmentZone(db, body.departmentId)) !== body.zoneId)
        fields.push({ field: 'departmentId', reason: 'unknown_department' });
      const requestedOn = body.requestedOn ?? today();
      if (body.neededBy && body.neededBy < requestedOn) fields.push({ field: 'neededBy', reason: 'deadline_before_raised' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
      const id = await db.transaction(async (tx) => {
        const f = await repo.insert(tx, {
          ...body,
          requestedOn,
          projectId: body.projectId ?? null,
          enterpriseId: body.enterpriseId ?? null,
          departmentId: body.departmentId ?? null,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: f.zoneId, action: 'factor_request.create', entityType: 'factor_request', entityId: f.id, after: f });
        return f.id;
      });
      return one(s, id);
    },
    async resolve(s: SessionContext, id: string, body: z.infer<typeof resolveFactorBody>, requestId: string) {
      const before = await openRequest(s, id, body.version);
      const resolvedOn = body.resolvedOn ?? today();
      if (resolvedOn < before.requestedOn) throw fieldError('resolvedOn', 'step_date_before_previous');
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, body.version, { status: 'resolved', outcome: body.outcome, resolvedOn });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'factor_request.resolve',
          entityType: 'factor_request',
          entityId: id,
          before,
          after,
        });
      });
      return one(s, id);
    },
    /** 转为堵点: one transaction raises the blocker (through dispatch's service) and marks the request raised. */
    async raise(s: SessionContext, id: string, body: z.infer<typeof raiseFactorBody>, requestId: string) {
      const before = await openRequest(s, id, body.version);
      await db.transaction(async (tx) => {
        const blockerId = await blockers.createInTx(
          tx,
          s,
          {
            zoneId: before.zoneId,
            projectId: before.projectId,
            title: `${factorKindLabels[before.kind][0]}保障：${before.description}`.slice(0, 120),
            description: [before.quantity && `需求：${before.quantity}`, before.neededBy && `需要时间：${before.neededBy}`].filter(Boolean).join('；') || null,
            category: categoryOf[before.kind] ?? 'other',
            departmentId: before.departmentId,
            responsibleUserId: body.responsibleUserId ?? null,
            deadlineOn: body.deadlineOn,
          },
          requestId,
        );
        const after = await repo.update(tx, id, body.version, { status: 'raised', blockerId });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'factor_request.raise',
          entityType: 'factor_request',
          entityId: id,
          before,
          after,
        });
      });
      return one(s, id);
    },
  };
}
export type FactorsService = ReturnType<typeof createFactorsService>;

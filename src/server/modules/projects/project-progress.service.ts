/** Progress of a project: periodic reports (进度填报), the batch grid, photos (形象进度照片). */
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { FieldError } from '../../../contract/errors.ts';
import { pathOf } from '../../../contract/operation.ts';
import {
  PHOTO_MAX_BYTES,
  projectOperations,
  type batchBody,
  type batchQuery,
  type createReportBody,
  type updateReportBody,
} from '../../../contract/projects.ts';
import { isPeriodStart, periodOf, previousPeriod, type PeriodKind } from '../../../contract/periods.ts';
import { AppError, fieldError, notFound, throwIfAny } from '../../platform/errors.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { ProjectsContext } from './projects.context.ts';
import { imageTypeOf, pct, reportAmount } from './projects.rules.ts';

export function createProjectProgressService(k: ProjectsContext) {
  const { db, repo, audit, today, ensureFresh, load, requirePermission, afterChange, detail } = k;

  function checkPeriod(kind: PeriodKind, periodStart: string, field = 'periodStart'): FieldError[] {
    if (!isPeriodStart(kind, periodStart)) return [{ field, reason: 'period_start_invalid' }];
    if (periodStart > today()) return [{ field, reason: 'period_future' }];
    return [];
  }

  const service = {
    async createReport(s: SessionContext, id: string, body: z.infer<typeof createReportBody>, requestId: string) {
      const reportId = await db.transaction(async (tx) => (await service.createReportInTx(tx, s, id, body, requestId)).id);
      return (await detail(s, id)).reports.find((r) => r.id === reportId)!;
    },

    /**
     * The period a report dated `day` would file for a project of the caller's, and what is on file:
     * whether that period is reported, the investment since start before it, the latest period reported
     * and the last 形象进度.
     * 智能录入 shows this beside a progress it read, before writing it with `createReportInTx`.
     */
    async reportPeriodInTx(tx: DbOrTx, s: SessionContext, id: string, day: string) {
      const project = await load(s, id, tx);
      const kind = (await repo.zoneReportPeriod(tx, project.zoneId))!;
      const period = periodOf(kind, day);
      const [reported, before] = await Promise.all([repo.reportsOfPeriod(tx, [id], period.start), repo.investedBefore(tx, [id], period.start)]);
      return {
        periodKind: kind,
        periodStart: period.start,
        periodEnd: period.end,
        reported: reported.length > 0,
        investedBeforeYuan: before.get(id) ?? 0,
        lastReportPeriodStart: project.lastReportPeriodStart,
        lastPercentComplete: project.percentComplete,
      };
    },

    /**
     * Files a report inside the caller's transaction with the route's rules (scope, 'project.report',
     * period start and not future, one report per period, invested or cumulative, never backwards),
     * audit and derived figures. Money as parsed (yuan); `auditAfter` adds to the audit entry.
     */
    async createReportInTx(
      tx: DbOrTx,
      s: SessionContext,
      id: string,
      body: z.infer<typeof createReportBody>,
      requestId: string,
      options: { auditAfter?: Record<string, unknown> } = {},
    ) {
      const project = await load(s, id, tx);
      requirePermission(s, 'project.report', project.zoneId);
      const kind = (await repo.zoneReportPeriod(tx, project.zoneId))!;
      throwIfAny(checkPeriod(kind, body.periodStart));
      if ((await repo.reportsOfPeriod(tx, [id], body.periodStart)).length)
        throw new AppError('DUPLICATE', { fields: [{ field: 'periodStart', reason: 'period_reported' }] });
      const before = (await repo.investedBefore(tx, [id], body.periodStart)).get(id) ?? 0;
      const { invested, fields } = reportAmount(body, before, '');
      throwIfAny(fields);
      const actor = actorOf(s, requestId);
      const [row] = await repo.insertReports(tx, [
        {
          zoneId: project.zoneId,
          projectId: id,
          periodKind: kind,
          periodStart: body.periodStart,
          periodEnd: periodOf(kind, body.periodStart).end,
          investedYuan: invested,
          percentComplete: body.percentComplete ?? null,
          progressText: body.progressText ?? null,
          problems: body.problems ?? null,
          reportedById: actor.id,
          reportedByName: s.user.displayName,
        },
      ]);
      await audit(tx, actor, { zoneId: project.zoneId, action: 'project.report', entityType: 'project', entityId: id, after: { ...row, ...options.auditAfter } });
      await afterChange(tx, id);
      return row;
    },

    async updateReport(s: SessionContext, id: string, reportId: string, body: z.infer<typeof updateReportBody>, requestId: string) {
      const project = await load(s, id);
      requirePermission(s, 'project.report', project.zoneId);
      const before = await repo.findReport(db, reportId);
      if (!before || before.projectId !== id) throw notFound();
      assertVersion(before, body.version);
      await db.transaction(async (tx) => {
        const after = await repo.updateReport(tx, reportId, body.version, {
          ...(body.investedWan !== undefined ? { investedYuan: body.investedWan } : {}),
          ...(body.percentComplete !== undefined ? { percentComplete: body.percentComplete } : {}),
          ...(body.progressText !== undefined ? { progressText: body.progressText } : {}),
          ...(body.problems !== undefined ? { problems: body.problems } : {}),
        });
        await audit(tx, actorOf(s, requestId), { zoneId: project.zoneId, action: 'project.report_update', entityType: 'project', entityId: id, before, after });
        await afterChange(tx, id);
      });
      return (await detail(s, id)).reports.find((r) => r.id === reportId)!;
    },

    /** The batch grid: the caller's projects (responsible officer or leader in charge) of a zone, for one period. */
    async batch(s: SessionContext, q: z.infer<typeof batchQuery>) {
      if (!inScope(s, q.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      await ensureFresh();
      const kind = (await repo.zoneReportPeriod(db, q.zoneId))!;
      const period = q.periodStart ? periodOf(kind, q.periodStart) : previousPeriod(kind, today());
      if (q.periodStart) throwIfAny(checkPeriod(kind, q.periodStart));
      const mine = await repo.list(db, { scope: s, zoneId: q.zoneId, officerUserId: s.user.id }, { page: 1, pageSize: 5000, sort: 'name', order: 'asc' });
      const led = await repo.list(db, { scope: s, zoneId: q.zoneId, leaderUserId: s.user.id }, { page: 1, pageSize: 5000, sort: 'name', order: 'asc' });
      const rows = [...new Map([...mine.items, ...led.items].map((r) => [r.project.id, r])).values()].sort((a, b) =>
        a.project.name.localeCompare(b.project.name, 'zh-CN'),
      );
      const ids = rows.map((r) => r.project.id);
      const [before, existing] = await Promise.all([repo.investedBefore(db, ids, period.start), repo.reportsOfPeriod(db, ids, period.start)]);
      const byProject = new Map(existing.map((r) => [r.projectId, r]));
      return {
        zoneId: q.zoneId,
        periodKind: kind,
        periodStart: period.start,
        periodEnd: period.end,
        rows: rows.map(({ project: p }) => {
          const rep = byProject.get(p.id);
          const prior = before.get(p.id) ?? 0;
          return {
            projectId: p.id,
            name: p.name,
            stage: p.stage,
            flag: p.flag,
            totalInvestmentYuan: p.totalInvestmentYuan,
            investedBeforeYuan: prior,
            annualPlanYuan: p.annualPlanYuan,
            lastPercentComplete: p.percentComplete,
            report: rep
              ? {
                  id: rep.id,
                  periodKind: rep.periodKind,
                  periodStart: rep.periodStart,
                  periodEnd: rep.periodEnd,
                  investedYuan: rep.investedYuan,
                  ytdYuan: 0,
                  sinceStartYuan: prior + rep.investedYuan,
                  percentOfAnnualPlan: null,
                  percentOfTotal: pct(prior + rep.investedYuan, p.totalInvestmentYuan),
                  percentComplete: rep.percentComplete,
                  progressText: rep.progressText,
                  problems: rep.problems,
                  reportedByName: rep.reportedByName,
                  photoIds: [],
                  createdAt: rep.createdAt.toISOString(),
                  version: rep.version,
                }
              : null,
          };
        }),
      };
    },

    /** Files one period for many projects of a zone: every row is checked first; any problem writes nothing. */
    async batchCreate(s: SessionContext, body: z.infer<typeof batchBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requirePermission(s, 'project.report', body.zoneId);
      const kind = (await repo.zoneReportPeriod(db, body.zoneId))!;
      throwIfAny(checkPeriod(kind, body.periodStart));
      const ids = body.rows.map((r) => r.projectId);
      const [found, existing, before] = await Promise.all([
        repo.idsInZone(db, body.zoneId, ids),
        repo.reportsOfPeriod(db, ids, body.periodStart),
        repo.investedBefore(db, ids, body.periodStart),
      ]);
      const foundIds = new Set(found);
      const reported = new Set(existing.map((r) => r.projectId));
      const seen = new Set<string>();
      const fields: FieldError[] = [];
      const amounts: number[] = [];
      body.rows.forEach((row, i) => {
        if (!foundIds.has(row.projectId)) fields.push({ field: `rows.${i}.projectId`, reason: 'unknown_project' });
        else if (seen.has(row.projectId)) fields.push({ field: `rows.${i}.projectId`, reason: 'duplicate_row' });
        else if (reported.has(row.projectId)) fields.push({ field: `rows.${i}.projectId`, reason: 'period_reported' });
        seen.add(row.projectId);
        const { invested, fields: f } = reportAmount(row, before.get(row.projectId) ?? 0, `rows.${i}.`);
        fields.push(...f);
        amounts.push(invested);
      });
      throwIfAny(fields);
      const end = periodOf(kind, body.periodStart).end;
      const actor = actorOf(s, requestId);
      await db.transaction(async (tx) => {
        const common = {
          zoneId: body.zoneId,
          periodKind: kind,
          periodStart: body.periodStart,
          periodEnd: end,
          reportedById: actor.id,
          reportedByName: s.user.displayName,
        };
        const values = body.rows.map((row, i) => ({
          projectId: row.projectId,
          investedYuan: amounts[i],
          percentComplete: row.percentComplete ?? null,
          progressText: row.progressText ?? null,
          problems: row.problems ?? null,
        }));
        const inserted = await repo.insertPeriodReports(tx, common, values);
        const byProject = new Map(values.map((v) => [v.projectId, v]));
        await repo.auditMany(
          tx,
          actor,
          { zoneId: body.zoneId, action: 'project.report', entityType: 'project' },
          inserted.map((r) => ({ entityId: r.projectId, after: { id: r.id, ...common, ...byProject.get(r.projectId) } })),
        );
        await repo.refreshDerived(tx, { projectIds: ids }, today());
      });
      return { created: body.rows.length, periodStart: body.periodStart, periodEnd: end };
    },

    async uploadPhoto(
      s: SessionContext,
      id: string,
      file: { bytes: Buffer; truncated: boolean } | undefined,
      fields: { caption?: string; reportId?: string },
      requestId: string,
    ) {
      const project = await load(s, id);
      requirePermission(s, 'project.report', project.zoneId);
      if (!file || file.bytes.length === 0) throw fieldError('file', 'photo_missing');
      if (file.truncated || file.bytes.length > PHOTO_MAX_BYTES) throw fieldError('file', 'photo_too_large');
      const mimeType = imageTypeOf(file.bytes);
      if (!mimeType) throw fieldError('file', 'photo_not_image');
      if (fields.reportId) {
        const rep = /^[0-9a-f-]{36}$/i.test(fields.reportId) ? await repo.findReport(db, fields.reportId) : undefined;
        if (!rep || rep.projectId !== id) throw fieldError('reportId', 'required');
      }
      const caption = fields.caption?.trim().slice(0, 200) || null;
      const actor = actorOf(s, requestId);
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertPhoto(tx, {
          zoneId: project.zoneId,
          projectId: id,
          reportId: fields.reportId ?? null,
          mimeType,
          sizeBytes: file.bytes.length,
          caption,
          bytes: file.bytes,
          uploadedById: actor.id,
          uploadedByName: s.user.displayName,
        });
        await audit(tx, actor, {
          zoneId: project.zoneId,
          action: 'project.photo',
          entityType: 'project',
          entityId: id,
          after: { photoId: inserted.id, mimeType, sizeBytes: file.bytes.length, caption },
        });
        await repo.touch(tx, id);
        return inserted;
      });
      return {
        id: row.id,
        reportId: fields.reportId ?? null,
        mimeType,
        sizeBytes: file.bytes.length,
        caption,
        uploadedByName: s.user.displayName,
        createdAt: row.createdAt.toISOString(),
        url: pathOf(projectOperations.photo, { id, photoId: row.id }),
      };
    },

    async photo(s: SessionContext, id: string, photoId: string) {
      await load(s, id);
      const row = await repo.photoBytes(db, id, photoId);
      if (!row) throw notFound();
      return row;
    },
  };
  return service;
}

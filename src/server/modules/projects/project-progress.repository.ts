/** SQL of a project's progress: reports (one or a whole period at once) and photos. */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { progressReports, projectPhotos } from '../../db/schema.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { PeriodKind } from '../../../contract/periods.ts';
import { updateVersioned } from '../../platform/versioned.ts';

export type ReportRow = typeof progressReports.$inferSelect;

export function createProjectProgressRepository() {
  return {
    async findReport(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(progressReports).where(eq(progressReports.id, id));
      return row;
    },
    /** Since-start investment before `periodStart`, per project (for the cumulative entry and its check). */
    async investedBefore(db: DbOrTx, projectIds: string[], periodStart: string): Promise<Map<string, number>> {
      if (projectIds.length === 0) return new Map();
      const rows = await db
        .select({ projectId: progressReports.projectId, total: sql<string>`sum(${progressReports.investedYuan})` })
        .from(progressReports)
        .where(and(sql`${progressReports.projectId} = ${anyUuid(projectIds)}`, sql`${progressReports.periodStart} < ${periodStart}`))
        .groupBy(progressReports.projectId);
      return new Map(rows.map((r) => [r.projectId, Number(r.total)]));
    },
    async reportsOfPeriod(db: DbOrTx, projectIds: string[], periodStart: string): Promise<ReportRow[]> {
      if (projectIds.length === 0) return [];
      return db
        .select()
        .from(progressReports)
        .where(and(sql`${progressReports.projectId} = ${anyUuid(projectIds)}`, eq(progressReports.periodStart, periodStart)));
    },
    async insertReports(db: DbOrTx, rows: (typeof progressReports.$inferInsert)[]): Promise<ReportRow[]> {
      if (rows.length === 0) return [];
      return db.insert(progressReports).values(rows).returning();
    },
    /**
     * Many reports of one zone and period in one statement with one array parameter per column
     * (a batch of 1,000 rows as 14,000 parameters costs more to build than to insert).
     */
    async insertPeriodReports(
      db: DbOrTx,
      common: { zoneId: string; periodKind: PeriodKind; periodStart: string; periodEnd: string; reportedById: string | null; reportedByName: string },
      rows: { projectId: string; investedYuan: number; percentComplete: number | null; progressText: string | null; problems: string | null }[],
    ): Promise<{ id: string; projectId: string }[]> {
      if (rows.length === 0) return [];
      const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
      const result = await db.execute(sql`
        insert into progress_reports (zone_id, project_id, period_kind, period_start, period_end, invested_yuan, percent_complete, progress_text, problems, reported_by_id, reported_by_name)
        select ${common.zoneId}, r.project_id, ${common.periodKind}, ${common.periodStart}, ${common.periodEnd}, r.invested_yuan, r.percent_complete, r.progress_text, r.problems, ${common.reportedById}, ${common.reportedByName}
        from unnest(${col((r) => r.projectId)}::uuid[], ${col((r) => String(r.investedYuan))}::bigint[], ${col((r) => (r.percentComplete == null ? null : String(r.percentComplete)))}::numeric[],
          ${col((r) => r.progressText)}::text[], ${col((r) => r.problems)}::text[]) as r(project_id, invested_yuan, percent_complete, progress_text, problems)
        returning id, project_id`);
      return rowsOf<{ id: string; project_id: string }>(result).map((r) => ({ id: r.id, projectId: r.project_id }));
    },
    updateReport: (db: DbOrTx, id: string, version: number, patch: Partial<typeof progressReports.$inferInsert>) =>
      updateVersioned(db, progressReports, id, version, patch),

    async photoBytes(db: DbOrTx, projectId: string, photoId: string) {
      const [row] = await db
        .select({ mimeType: projectPhotos.mimeType, bytes: projectPhotos.bytes })
        .from(projectPhotos)
        .where(and(eq(projectPhotos.id, photoId), eq(projectPhotos.projectId, projectId)));
      return row;
    },
    async insertPhoto(db: DbOrTx, values: typeof projectPhotos.$inferInsert) {
      const [row] = await db.insert(projectPhotos).values(values).returning({ id: projectPhotos.id, createdAt: projectPhotos.createdAt });
      return row;
    },
  };
}

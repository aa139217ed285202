import { and, asc, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import {
  auditLog,
  departments,
  enterprises,
  parks,
  progressReports,
  projectAnnualPlans,
  projectApprovals,
  projectFlagRules,
  projectLandStandards,
  projectMilestones,
  projectPhases,
  projectPhotos,
  projects,
  projectStageEvents,
  projectTemplates,
  users,
  userZones,
  zones,
} from '../../db/schema.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { defaultFlagRule, reportingStages, type FlagRule, type listProjectsQuery } from '../../../contract/projects.ts';
import { lastDuePeriod, type PeriodKind } from '../../../contract/periods.ts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/session.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;
export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type ApprovalRow = typeof projectApprovals.$inferSelect;
export type ReportRow = typeof progressReports.$inferSelect;
export type LandStandardRow = typeof projectLandStandards.$inferSelect;

export type ListFilter = Omit<z.infer<typeof listProjectsQuery>, 'page' | 'pageSize' | 'sort' | 'order' | 'responsibility'> & {
  /** null: every zone (admins). */
  zoneIds: string[] | null;
  officerUserId?: string;
};

const agentUser = alias(users, 'agent_user');

/**
 * The names a project refers to, as scalar subqueries: cheaper to plan than a seven-way join,
 * which cost more than running the whole list query.
 */
const listColumns = {
  project: projects,
  zoneName: sql<string>`(select z.short_name from zones z where z.id = ${projects.zoneId})`,
  reportPeriod: sql<PeriodKind>`(select z.report_period from zones z where z.id = ${projects.zoneId})`,
  parkName: sql<string | null>`(select pk.name from parks pk where pk.id = ${projects.parkId})`,
  investorName: sql<string | null>`(select e.name from enterprises e where e.id = ${projects.investorEnterpriseId})`,
  investorCreditCode: sql<string | null>`(select e.credit_code from enterprises e where e.id = ${projects.investorEnterpriseId})`,
  leaderName: sql<string | null>`(select u.display_name from users u where u.id = ${projects.leaderUserId})`,
  officerName: sql<string | null>`(select u.display_name from users u where u.id = ${projects.officerUserId})`,
  departmentName: sql<string | null>`(select d.name from departments d where d.id = ${projects.departmentId})`,
};
export type ProjectWithNames = { project: ProjectRow; zoneName: string; reportPeriod: PeriodKind } & {
  parkName: string | null;
  investorName: string | null;
  investorCreditCode: string | null;
  leaderName: string | null;
  officerName: string | null;
  departmentName: string | null;
};

const stageOrder = sql.raw(
  `array_position(array['planning','signed','land','approval','started','construction','completed','production','full_production'], ${'"projects"."stage"'})`,
);
const flagOrder = sql.raw(`array_position(array['green','yellow','red'], "projects"."flag")`);

const sortColumns = {
  updatedAt: projects.updatedAt,
  name: projects.name,
  totalInvestment: projects.totalInvestmentYuan,
  investedTotal: projects.investedTotalYuan,
  stage: stageOrder,
  flag: flagOrder,
} as const;

/** `= any($1::uuid[])`: one array parameter, however many ids (a batch names 1,000). */
const anyUuid = (list: string[]) => sql`any(${sql.param(list)}::uuid[])`;

export function createProjectsRepository() {
  const joined = (db: DbOrTx) => db.select(listColumns).from(projects);

  function whereOf(f: ListFilter): SQL | undefined {
    const conditions: (SQL | undefined)[] = [
      f.zoneIds ? sql`${projects.zoneId} = ${anyUuid(f.zoneIds)}` : undefined,
      f.zoneId ? eq(projects.zoneId, f.zoneId) : undefined,
      f.parkId ? eq(projects.parkId, f.parkId) : undefined,
      f.sector ? eq(projects.sectorText, f.sector) : undefined,
      f.stage ? eq(projects.stage, f.stage) : undefined,
      f.level ? eq(projects.level, f.level) : undefined,
      f.flag ? eq(projects.flag, f.flag) : undefined,
      f.leaderUserId ? eq(projects.leaderUserId, f.leaderUserId) : undefined,
      f.officerUserId ? eq(projects.officerUserId, f.officerUserId) : undefined,
      f.departmentId ? eq(projects.departmentId, f.departmentId) : undefined,
      f.q ? ilike(projects.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    ];
    return and(...conditions.filter(Boolean));
  }

  return {
    async list(db: DbOrTx, f: ListFilter, page: { page: number; pageSize: number; sort: keyof typeof sortColumns; order: 'asc' | 'desc' }) {
      if (f.zoneIds && f.zoneIds.length === 0) return { items: [], total: 0 };
      const where = whereOf(f);
      const column = sortColumns[page.sort];
      const direction = page.order === 'asc' ? asc : desc;
      const [items, [{ total }]] = await Promise.all([
        joined(db)
          .where(where)
          .orderBy(direction(column), direction(projects.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ total: count() }).from(projects).where(where),
      ]);
      return { items: items as ProjectWithNames[], total: Number(total) };
    },

    async findWithNames(db: DbOrTx, id: string): Promise<ProjectWithNames | undefined> {
      const [row] = await joined(db).where(eq(projects.id, id));
      return row as ProjectWithNames | undefined;
    },

    async findById(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
      const [row] = await db.select().from(projects).where(eq(projects.id, id));
      return row;
    },

    /** The zone of a project, or undefined: the cheap check routes make before validating a body. */
    async zoneOf(db: DbOrTx, id: string): Promise<string | undefined> {
      const [row] = await db.select({ zoneId: projects.zoneId }).from(projects).where(eq(projects.id, id));
      return row?.zoneId;
    },

    /** Which of `projectIds` are projects of `zoneId`. */
    async idsInZone(db: DbOrTx, zoneId: string, projectIds: string[]): Promise<string[]> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.zoneId, zoneId), sql`${projects.id} = ${anyUuid(projectIds)}`));
      return rows.map((r) => r.id);
    },

    async insert(db: DbOrTx, values: ProjectInsert): Promise<ProjectRow> {
      const [row] = await db.insert(projects).values(values).returning();
      return row;
    },

    update: (db: DbOrTx, id: string, version: number, patch: Partial<ProjectInsert>) => updateVersioned(db, projects, id, version, patch),

    /** Bumps version and updated_at after a change to a part of the project (milestones, reports …). */
    async touch(db: DbOrTx, id: string) {
      await db.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, id));
    },

    async replacePhases(db: DbOrTx, projectId: string, zoneId: string, rows: Omit<typeof projectPhases.$inferInsert, 'projectId' | 'zoneId' | 'sortOrder'>[]) {
      await db.delete(projectPhases).where(eq(projectPhases.projectId, projectId));
      if (rows.length) await db.insert(projectPhases).values(rows.map((r, i) => ({ ...r, projectId, zoneId, sortOrder: i + 1 })));
    },

    async insertStageEvent(db: DbOrTx, values: typeof projectStageEvents.$inferInsert) {
      await db.insert(projectStageEvents).values(values);
    },

    milestones: (db: DbOrTx, projectId: string) =>
      db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId)).orderBy(asc(projectMilestones.sortOrder)),
    async insertMilestones(db: DbOrTx, rows: (typeof projectMilestones.$inferInsert)[]) {
      if (rows.length) await db.insert(projectMilestones).values(rows);
    },
    async updateMilestone(db: DbOrTx, id: string, version: number, patch: Partial<typeof projectMilestones.$inferInsert>) {
      const rows = await db
        .update(projectMilestones)
        .set({ ...patch, version: sql`${projectMilestones.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectMilestones.id, id), eq(projectMilestones.version, version)))
        .returning();
      return rows[0];
    },
    async deleteMilestones(db: DbOrTx, idsToDelete: string[]) {
      if (idsToDelete.length) await db.delete(projectMilestones).where(inArray(projectMilestones.id, idsToDelete));
    },
    /** Entering a stage fills the actual date of the node that marks it, if still open. */
    async fillStageMilestone(db: DbOrTx, projectId: string, stage: string, on: string) {
      await db
        .update(projectMilestones)
        .set({ actualOn: on, version: sql`${projectMilestones.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.stage, stage as never), isNull(projectMilestones.actualOn)));
    },

    approvals: (db: DbOrTx, projectId: string) =>
      db
        .select({ approval: projectApprovals, agentName: agentUser.displayName })
        .from(projectApprovals)
        .leftJoin(agentUser, eq(agentUser.id, projectApprovals.agentUserId))
        .where(eq(projectApprovals.projectId, projectId))
        .orderBy(asc(projectApprovals.sortOrder)),
    async insertApprovals(db: DbOrTx, rows: (typeof projectApprovals.$inferInsert)[]) {
      if (rows.length) await db.insert(projectApprovals).values(rows);
    },
    async updateApproval(db: DbOrTx, id: string, version: number, patch: Partial<typeof projectApprovals.$inferInsert>) {
      const rows = await db
        .update(projectApprovals)
        .set({ ...patch, version: sql`${projectApprovals.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectApprovals.id, id), eq(projectApprovals.version, version)))
        .returning();
      return rows[0];
    },
    async deleteApprovals(db: DbOrTx, idsToDelete: string[]) {
      if (idsToDelete.length) await db.delete(projectApprovals).where(inArray(projectApprovals.id, idsToDelete));
    },

    async landStandard(db: DbOrTx, projectId: string): Promise<LandStandardRow | undefined> {
      const [row] = await db.select().from(projectLandStandards).where(eq(projectLandStandards.projectId, projectId));
      return row;
    },
    async insertLandStandard(db: DbOrTx, values: typeof projectLandStandards.$inferInsert) {
      const [row] = await db.insert(projectLandStandards).values(values).returning();
      return row;
    },
    async updateLandStandard(db: DbOrTx, projectId: string, version: number, patch: Partial<typeof projectLandStandards.$inferInsert>) {
      const rows = await db
        .update(projectLandStandards)
        .set({ ...patch, version: sql`${projectLandStandards.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectLandStandards.projectId, projectId), eq(projectLandStandards.version, version)))
        .returning();
      return rows[0];
    },
    landCompliance: (db: DbOrTx, zoneIds: string[] | null) =>
      db
        .select({ land: projectLandStandards, projectName: projects.name, landMu: projects.landMu })
        .from(projectLandStandards)
        .innerJoin(projects, eq(projects.id, projectLandStandards.projectId))
        .where(zoneIds ? inArray(projectLandStandards.zoneId, zoneIds.length ? zoneIds : ['00000000-0000-0000-0000-000000000000']) : undefined)
        .orderBy(asc(projects.name))
        .limit(2000),

    async findAnnualPlan(db: DbOrTx, projectId: string, year: number) {
      const [row] = await db
        .select()
        .from(projectAnnualPlans)
        .where(and(eq(projectAnnualPlans.projectId, projectId), eq(projectAnnualPlans.year, year)));
      return row;
    },
    async insertAnnualPlan(db: DbOrTx, values: typeof projectAnnualPlans.$inferInsert) {
      const [row] = await db.insert(projectAnnualPlans).values(values).returning();
      return row;
    },
    async updateAnnualPlan(db: DbOrTx, projectId: string, year: number, version: number, planYuan: number) {
      const rows = await db
        .update(projectAnnualPlans)
        .set({ planYuan, version: sql`${projectAnnualPlans.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectAnnualPlans.projectId, projectId), eq(projectAnnualPlans.year, year), eq(projectAnnualPlans.version, version)))
        .returning();
      return rows[0];
    },

    /**
     * Everything the detail shows under a project, in one round trip (json_agg per part): eight
     * separate queries cost more in driver overhead than in the database.
     */
    async children(db: DbOrTx, projectId: string) {
      const result = await db.execute(sql`
        select
          (select coalesce(jsonb_agg(jsonb_build_object('id', ph.id, 'name', ph.name, 'investmentYuan', ph.investment_yuan, 'content', ph.content,
              'plannedStartOn', ph.planned_start_on, 'plannedEndOn', ph.planned_end_on, 'actualStartOn', ph.actual_start_on, 'actualEndOn', ph.actual_end_on)
              order by ph.sort_order), '[]') from project_phases ph where ph.project_id = ${projectId}) as phases,
          (select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'sortOrder', m.sort_order, 'name', m.name, 'stage', m.stage, 'plannedOn', m.planned_on,
              'actualOn', m.actual_on, 'note', m.note, 'version', m.version) order by m.sort_order), '[]') from project_milestones m where m.project_id = ${projectId}) as milestones,
          (select coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'sortOrder', a.sort_order, 'name', a.name, 'agency', a.agency, 'statutoryDays', a.statutory_days,
              'promisedDays', a.promised_days, 'agentUserId', a.agent_user_id, 'agentName', (select u.display_name from users u where u.id = a.agent_user_id),
              'filedOn', a.filed_on, 'grantedOn', a.granted_on, 'note', a.note, 'version', a.version) order by a.sort_order), '[]')
            from project_approvals a where a.project_id = ${projectId}) as approvals,
          (select to_jsonb(l) from project_land_standards l where l.project_id = ${projectId}) as land,
          (select coalesce(jsonb_agg(jsonb_build_object('year', ap.year, 'planYuan', ap.plan_yuan, 'version', ap.version) order by ap.year), '[]')
            from project_annual_plans ap where ap.project_id = ${projectId}) as plans,
          (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'periodKind', r.period_kind, 'periodStart', r.period_start, 'periodEnd', r.period_end,
              'investedYuan', r.invested_yuan, 'ytdYuan', r.ytd_yuan, 'sinceStartYuan', r.since_start_yuan, 'annualPlanYuan', r.annual_plan_yuan,
              'percentComplete', r.percent_complete, 'progressText', r.progress_text, 'problems', r.problems, 'reportedByName', r.reported_by_name,
              'createdAt', r.created_at, 'version', r.version) order by r.period_start desc), '[]')
            from (select r.*,
                sum(r.invested_yuan) over (partition by extract(year from r.period_start) order by r.period_start) as ytd_yuan,
                sum(r.invested_yuan) over (order by r.period_start) as since_start_yuan,
                (select ap.plan_yuan from project_annual_plans ap where ap.project_id = r.project_id and ap.year = extract(year from r.period_start)) as annual_plan_yuan
              from progress_reports r where r.project_id = ${projectId}) r) as reports,
          (select coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'reportId', f.report_id, 'mimeType', f.mime_type, 'sizeBytes', f.size_bytes, 'caption', f.caption,
              'uploadedByName', f.uploaded_by_name, 'createdAt', f.created_at) order by f.created_at desc), '[]') from project_photos f where f.project_id = ${projectId}) as photos,
          (select coalesce(jsonb_agg(jsonb_build_object('fromStage', e.from_stage, 'toStage', e.to_stage, 'on', e.on, 'reason', e.reason, 'actorName', e.actor_name, 'at', e.at)
              order by e.at, e.id), '[]') from project_stage_events e where e.project_id = ${projectId}) as events`);
      const [row] = rowsOf<Record<string, unknown>>(result);
      const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
      const iso = (v: string) => new Date(v).toISOString();
      const land = parse<Record<string, unknown> | null>(row.land);
      return {
        phases: parse<
          {
            id: string;
            name: string;
            investmentYuan: number | null;
            content: string | null;
            plannedStartOn: string | null;
            plannedEndOn: string | null;
            actualStartOn: string | null;
            actualEndOn: string | null;
          }[]
        >(row.phases),
        milestones: parse<Pick<MilestoneRow, 'id' | 'sortOrder' | 'name' | 'stage' | 'plannedOn' | 'actualOn' | 'note' | 'version'>[]>(row.milestones),
        approvals: parse<
          (Pick<
            ApprovalRow,
            'id' | 'sortOrder' | 'name' | 'agency' | 'statutoryDays' | 'promisedDays' | 'agentUserId' | 'filedOn' | 'grantedOn' | 'note' | 'version'
          > & { agentName: string | null })[]
        >(row.approvals),
        land: land
          ? ({
              investmentIntensityPromised: num(land.investment_intensity_promised),
              investmentIntensityAchieved: num(land.investment_intensity_achieved),
              taxPerMuPromised: num(land.tax_per_mu_promised),
              taxPerMuAchieved: num(land.tax_per_mu_achieved),
              floorAreaRatioPromised: num(land.floor_area_ratio_promised),
              floorAreaRatioAchieved: num(land.floor_area_ratio_achieved),
              energyPerOutputPromised: num(land.energy_per_output_promised),
              energyPerOutputAchieved: num(land.energy_per_output_achieved),
              assessedOn: (land.assessed_on as string | null) ?? null,
              version: Number(land.version),
            } as LandStandardRow)
          : undefined,
        plans: parse<{ year: number; planYuan: number; version: number }[]>(row.plans),
        reports: parse<
          {
            id: string;
            periodKind: PeriodKind;
            periodStart: string;
            periodEnd: string;
            investedYuan: number;
            ytdYuan: number;
            sinceStartYuan: number;
            annualPlanYuan: number | null;
            percentComplete: number | null;
            progressText: string | null;
            problems: string | null;
            reportedByName: string;
            createdAt: string;
            version: number;
          }[]
        >(row.reports).map((r) => ({
          ...r,
          investedYuan: Number(r.investedYuan),
          ytdYuan: Number(r.ytdYuan),
          sinceStartYuan: Number(r.sinceStartYuan),
          createdAt: iso(r.createdAt),
        })),
        photos: parse<
          { id: string; reportId: string | null; mimeType: string; sizeBytes: number; caption: string | null; uploadedByName: string; createdAt: string }[]
        >(row.photos).map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
        events: parse<
          { fromStage: ProjectRow['stage'] | null; toStage: ProjectRow['stage']; on: string; reason: string | null; actorName: string; at: string }[]
        >(row.events).map((e) => ({ ...e, at: iso(e.at) })),
      };
    },

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
    async updateReport(db: DbOrTx, id: string, version: number, patch: Partial<typeof progressReports.$inferInsert>) {
      const rows = await db
        .update(progressReports)
        .set({ ...patch, version: sql`${progressReports.version} + 1`, updatedAt: new Date() })
        .where(and(eq(progressReports.id, id), eq(progressReports.version, version)))
        .returning();
      return rows[0];
    },

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

    async template(db: DbOrTx, zoneId: string | null) {
      const [row] = await db
        .select()
        .from(projectTemplates)
        .where(zoneId ? eq(projectTemplates.zoneId, zoneId) : isNull(projectTemplates.zoneId));
      return row;
    },
    async insertTemplate(db: DbOrTx, values: typeof projectTemplates.$inferInsert) {
      const [row] = await db.insert(projectTemplates).values(values).returning();
      return row;
    },
    updateTemplate: (db: DbOrTx, id: string, version: number, patch: Partial<typeof projectTemplates.$inferInsert>) =>
      updateVersioned(db, projectTemplates, id, version, patch),

    async flagRule(db: DbOrTx, zoneId: string | null) {
      const [row] = await db
        .select()
        .from(projectFlagRules)
        .where(zoneId ? eq(projectFlagRules.zoneId, zoneId) : isNull(projectFlagRules.zoneId));
      return row;
    },
    allFlagRules: (db: DbOrTx) => db.select().from(projectFlagRules),
    async insertFlagRule(db: DbOrTx, values: typeof projectFlagRules.$inferInsert) {
      const [row] = await db.insert(projectFlagRules).values(values).returning();
      return row;
    },
    updateFlagRule: (db: DbOrTx, id: string, version: number, patch: Partial<typeof projectFlagRules.$inferInsert>) =>
      updateVersioned(db, projectFlagRules, id, version, patch),

    /** Users who cover `zoneId` (or every zone: admins are not assignable). */
    async usersInZone(db: DbOrTx, zoneId: string) {
      return db
        .select({ id: users.id, displayName: users.displayName, role: users.role, title: users.title, departmentId: users.departmentId })
        .from(users)
        .innerJoin(userZones, eq(userZones.userId, users.id))
        .where(and(eq(userZones.zoneId, zoneId), eq(users.active, true)))
        .orderBy(asc(users.displayName));
    },
    async userCoversZone(db: DbOrTx, userId: string, zoneId: string): Promise<boolean> {
      const rows = await db
        .select({ id: userZones.userId })
        .from(userZones)
        .where(and(eq(userZones.userId, userId), eq(userZones.zoneId, zoneId)));
      return rows.length > 0;
    },
    async parkInZone(db: DbOrTx, parkId: string, zoneId: string): Promise<boolean> {
      return (
        (
          await db
            .select({ id: parks.id })
            .from(parks)
            .where(and(eq(parks.id, parkId), eq(parks.zoneId, zoneId)))
        ).length > 0
      );
    },
    async departmentInZone(db: DbOrTx, departmentId: string, zoneId: string): Promise<boolean> {
      return (
        (
          await db
            .select({ id: departments.id })
            .from(departments)
            .where(and(eq(departments.id, departmentId), eq(departments.zoneId, zoneId)))
        ).length > 0
      );
    },
    async enterpriseExists(db: DbOrTx, id: string): Promise<boolean> {
      return (await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, id))).length > 0;
    },
    async zoneReportPeriod(db: DbOrTx, zoneId: string): Promise<PeriodKind | undefined> {
      const [row] = await db.select({ p: zones.reportPeriod }).from(zones).where(eq(zones.id, zoneId));
      return row?.p;
    },

    /** Audit records for many changes of one kind at once (batch entry), in the caller's transaction. */
    async auditMany(db: DbOrTx, actor: Actor, common: { zoneId: string; action: string; entityType: string }, entries: { entityId: string; after: unknown }[]) {
      if (entries.length === 0) return;
      await db.execute(sql`
        insert into audit_log (zone_id, actor_id, actor_name, action, entity_type, entity_id, after, request_id)
        select ${common.zoneId}, ${actor.id}, ${actor.name}, ${common.action}, ${common.entityType}, e.entity_id, e.after::jsonb, ${actor.requestId ?? null}
        from unnest(${sql.param(entries.map((e) => e.entityId))}::text[], ${sql.param(entries.map((e) => JSON.stringify(e.after)))}::text[]) as e(entity_id, after)`);
    },

    refreshDerived,
    /** Flags computed on an earlier day (time moves nodes into overdue): recompute them for `today`. */
    refreshStale: (db: DbOrTx, today: string) => refreshDerived(db, { stale: true }, today),

    /** Open nodes past their planned date, on projects the user is responsible for or leads. */
    async overdueMilestonesOf(db: DbOrTx, userId: string, zoneIds: string[], today: string) {
      if (zoneIds.length === 0) return [];
      const result = await db.execute(sql`
        select p.id as project_id, p.name as project_name, m.name as milestone, m.planned_on
        from project_milestones m join projects p on p.id = m.project_id
        where m.actual_on is null and m.planned_on < ${today} and m.zone_id = ${anyUuid(zoneIds)}
          and (p.officer_user_id = ${userId} or p.leader_user_id = ${userId})
        order by m.planned_on limit 20`);
      return rowsOf<{ project_id: string; project_name: string; milestone: string; planned_on: unknown }>(result).map((r) => ({
        projectId: r.project_id,
        projectName: r.project_name,
        milestone: r.milestone,
        plannedOn: dateText(r.planned_on),
      }));
    },
    /** Projects the user is the responsible officer of, in a reporting stage, with no report for `periodStart` of their zone. */
    async reportsDueOf(db: DbOrTx, userId: string, zoneIds: string[], periodStartByKind: Record<PeriodKind, string>) {
      if (zoneIds.length === 0) return [];
      const result = await db.execute(sql`
        select p.id, p.name, p.zone_id, z.report_period
        from projects p join zones z on z.id = p.zone_id
        where p.officer_user_id = ${userId} and p.zone_id = ${anyUuid(zoneIds)}
          and p.stage in (${sql.join(
            reportingStages.map((s) => sql`${s}`),
            sql`, `,
          )})
          and not exists (select 1 from progress_reports r where r.project_id = p.id and r.period_start = (case z.report_period
            when 'week' then ${periodStartByKind.week}::date when 'xun' then ${periodStartByKind.xun}::date else ${periodStartByKind.month}::date end))
        order by p.name limit 50`);
      return rowsOf<{ id: string; name: string; zone_id: string; report_period: PeriodKind }>(result);
    },
  };
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;

const num = (v: unknown) => (v == null ? null : Number(v));

/** pg returns `date` as a string; PGlite may return a Date at UTC midnight. */
export function dateText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/**
 * Recomputes the derived state of projects (investment since start, YTD, annual plan, latest
 * percent, last period reported) and the red/yellow/green flag with its reasons, in one statement.
 * The rule (docs/projects.md): an open node overdue ≥ yellow/red days; YTD behind the year's time
 * progress by ≥ yellow/red points of the annual plan; no report for the last period that ended more
 * than the grace days ago. The worst reason sets the flag.
 */
async function refreshDerived(db: DbOrTx, target: { projectIds?: string[]; zoneIds?: string[]; stale?: boolean }, today: string): Promise<void> {
  let where: SQL;
  if (target.projectIds) {
    if (target.projectIds.length === 0) return;
    where = sql`p.id = ${anyUuid(target.projectIds)}`;
  } else if (target.zoneIds) {
    if (target.zoneIds.length === 0) return;
    where = sql`p.zone_id = ${anyUuid(target.zoneIds)}`;
  } else {
    where = sql`(p.flag_on is null or p.flag_on < ${today} or p.flag_on > ${today})`;
  }
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const daysInYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
  const dayOfYear = Math.round((Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const timePct = (dayOfYear / daysInYear) * 100;

  // The period each (kind, grace days) pair is due for: few pairs, computed here rather than in SQL.
  const rules = await db.select({ grace: projectFlagRules.reportGraceDays }).from(projectFlagRules);
  const graces = [...new Set([defaultFlagRule.reportGraceDays, ...rules.map((r) => r.grace)])];
  const due = graces.flatMap((grace) =>
    (['week', 'xun', 'month'] as const).map((kind) => {
      const p = lastDuePeriod(kind, today, grace);
      return sql`(${kind}, ${grace}::int, ${p.start}::date, ${p.end}::date)`;
    }),
  );
  const d = defaultFlagRule;
  const stages = sql.join(
    reportingStages.map((s) => sql`${s}`),
    sql`, `,
  );

  await db.execute(sql`
    with target as (
      select p.id, p.zone_id, p.stage, p.created_at, z.report_period,
        coalesce(zr.milestone_yellow_days, g.milestone_yellow_days, ${d.milestoneYellowDays}::int) as my,
        coalesce(zr.milestone_red_days, g.milestone_red_days, ${d.milestoneRedDays}::int) as mr,
        coalesce(zr.investment_yellow_points, g.investment_yellow_points, ${d.investmentYellowPoints}::int) as iy,
        coalesce(zr.investment_red_points, g.investment_red_points, ${d.investmentRedPoints}::int) as ir,
        coalesce(zr.missing_report_flag, g.missing_report_flag, ${d.missingReportFlag}) as mf,
        coalesce(zr.report_grace_days, g.report_grace_days, ${d.reportGraceDays}::int) as grace
      from projects p
      join zones z on z.id = p.zone_id
      left join project_flag_rules zr on zr.zone_id = p.zone_id
      left join project_flag_rules g on g.zone_id is null
      where ${where}
    ),
    due(kind, grace, start_on, end_on) as (values ${sql.join(due, sql`, `)}),
    calc as (
      select t.id,
        coalesce(rep.total, 0) as total,
        coalesce(rep.ytd, 0) as ytd,
        rep.last_start, rep.pct,
        ap.plan_yuan,
        case when ms.planned_on is not null and (${today}::date - ms.planned_on) >= t.my then jsonb_build_object(
          'code', 'milestone_overdue',
          'level', case when (${today}::date - ms.planned_on) >= t.mr then 'red' else 'yellow' end,
          'milestone', ms.name, 'days', ${today}::date - ms.planned_on) end as r_ms,
        case when ap.plan_yuan > 0 and t.stage in (${stages})
          and ${timePct}::float8 - coalesce(rep.ytd, 0)::float8 * 100 / ap.plan_yuan >= t.iy then jsonb_build_object(
          'code', 'investment_behind',
          'level', case when ${timePct}::float8 - coalesce(rep.ytd, 0)::float8 * 100 / ap.plan_yuan >= t.ir then 'red' else 'yellow' end,
          'points', round((${timePct}::float8 - coalesce(rep.ytd, 0)::float8 * 100 / ap.plan_yuan)::numeric, 1)) end as r_inv,
        case when t.mf <> 'off' and t.stage in (${stages}) and t.created_at::date <= due.end_on
          and not exists (select 1 from progress_reports r where r.project_id = t.id and r.period_start = due.start_on)
          then jsonb_build_object('code', 'report_missing', 'level', t.mf, 'periodStart', due.start_on) end as r_rep
      from target t
      -- Per project, through its own indexes: a plan that stays the same for 1 or 20,000 projects.
      left join lateral (
        select sum(r.invested_yuan) as total,
          coalesce(sum(r.invested_yuan) filter (where r.period_start >= ${yearStart}::date and r.period_start <= ${today}::date), 0) as ytd,
          max(r.period_start) as last_start,
          (array_agg(r.percent_complete order by r.period_start desc) filter (where r.percent_complete is not null))[1] as pct
        from progress_reports r where r.project_id = t.id
      ) rep on true
      left join lateral (
        select m.name, m.planned_on from project_milestones m
        where m.project_id = t.id and m.actual_on is null and m.planned_on < ${today}::date
        order by m.planned_on, m.sort_order limit 1
      ) ms on true
      left join project_annual_plans ap on ap.project_id = t.id and ap.year = ${year}
      left join due on due.kind = t.report_period and due.grace = t.grace
    ),
    flagged as (
      select c.*,
        (select coalesce(jsonb_agg(x), '[]'::jsonb) from (values (c.r_ms), (c.r_inv), (c.r_rep)) v(x) where x is not null) as reasons
      from calc c
    )
    update projects p set
      invested_total_yuan = f.total,
      ytd_year = ${year},
      ytd_yuan = f.ytd,
      annual_plan_yuan = f.plan_yuan,
      percent_complete = f.pct,
      last_report_period_start = f.last_start,
      flag_reasons = f.reasons,
      flag = case when f.reasons @> '[{"level":"red"}]' then 'red' when jsonb_array_length(f.reasons) > 0 then 'yellow' else 'green' end,
      flag_on = ${today}
    from flagged f
    where p.id = f.id`);
}

/**
 * SQL of the projects module. This file holds the project itself (list, detail, writes, the
 * references it checks); the plan, progress, settings and derived figures have their own files, and
 * `createProjectsRepository` composes them into the one repository the services use.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { departments, enterprises, parks, projectFlagEvents, projectPhases, projects, projectStageEvents, users, userZones, zones } from '../../db/schema.ts';
import { anyUuid, containsPattern } from '../../db/sql-helpers.ts';
import { defaultFlagRule, leaderRoles, type listProjectsQuery } from '../../../contract/projects.ts';
import type { PeriodKind } from '../../../contract/periods.ts';
import type { z } from 'zod';
import type { Actor, SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { createProjectDerivedRepository, dateText } from './project-derived.repository.ts';
import { createProjectPlanRepository, type ApprovalRow, type LandStandardRow, type MilestoneRow } from './project-plan.repository.ts';
import { createProjectProgressRepository } from './project-progress.repository.ts';
import { createProjectSettingsRepository } from './project-settings.repository.ts';

export { dateText, type DerivedTarget } from './project-derived.repository.ts';
export type { ApprovalRow, LandStandardRow, MilestoneRow } from './project-plan.repository.ts';
export type { ReportRow } from './project-progress.repository.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;

export type ListFilter = Omit<z.infer<typeof listProjectsQuery>, 'page' | 'pageSize' | 'sort' | 'order' | 'responsibility'> & {
  /** The caller whose zones bound the list (with `zoneId`, that one zone if in scope). */
  scope: Pick<SessionContext, 'scope'>;
  officerUserId?: string;
};

/** N of the project's zone for 拿地即开工: its rule, else the global rule, else the default. */
const immediateDaysSql = sql`coalesce((select r.immediate_start_days from project_flag_rules r where r.zone_id = ${projects.zoneId}),
  (select r.immediate_start_days from project_flag_rules r where r.zone_id is null), ${defaultFlagRule.immediateStartDays})`;
/** 拿地即开工: the project, or one of its phases, started within N working days of its land (stored working days). */
const immediateStartSql = sql`(coalesce(${projects.landToStartWorkdays} <= ${immediateDaysSql}, false) or exists (select 1 from project_phases ph
  where ph.project_id = ${projects.id} and ph.zone_id = ${projects.zoneId} and ph.land_to_start_workdays <= ${immediateDaysSql}))`;

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
  immediateStart: sql<boolean>`${immediateStartSql}`,
};
export type ProjectWithNames = { project: ProjectRow; zoneName: string; reportPeriod: PeriodKind } & {
  parkName: string | null;
  investorName: string | null;
  investorCreditCode: string | null;
  leaderName: string | null;
  officerName: string | null;
  departmentName: string | null;
  immediateStart: boolean;
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

const num = (v: unknown) => (v == null ? null : Number(v));

/** The project itself. */
function createProjectCoreRepository() {
  const joined = (db: DbOrTx) => db.select(listColumns).from(projects);

  function whereOf(f: ListFilter): SQL | undefined {
    const conditions: (SQL | undefined)[] = [
      zoneScope(f.scope, projects.zoneId, f.zoneId),
      f.parkId ? eq(projects.parkId, f.parkId) : undefined,
      f.sector ? eq(projects.sectorText, f.sector) : undefined,
      f.stage ? eq(projects.stage, f.stage) : undefined,
      f.level ? eq(projects.level, f.level) : undefined,
      f.flag ? eq(projects.flag, f.flag) : undefined,
      f.leaderUserId ? eq(projects.leaderUserId, f.leaderUserId) : undefined,
      f.officerUserId ? eq(projects.officerUserId, f.officerUserId) : undefined,
      f.departmentId ? eq(projects.departmentId, f.departmentId) : undefined,
      f.q ? ilike(projects.name, containsPattern(f.q)) : undefined,
      f.immediateStart === 'true' ? immediateStartSql : f.immediateStart === 'false' ? sql`not ${immediateStartSql}` : undefined,
    ];
    return and(...conditions.filter(Boolean));
  }

  return {
    async list(db: DbOrTx, f: ListFilter, page: { page: number; pageSize: number; sort: keyof typeof sortColumns; order: 'asc' | 'desc' }) {
      const where = whereOf(f);
      const column = sortColumns[page.sort];
      const direction = page.order === 'asc' ? asc : desc;
      // Newest first as the (…, updated_at desc nulls last) indexes keep them (updated_at is never
      // null: the same order), so a province's page is an index walk rather than a sort of 20k rows.
      const order =
        page.sort === 'updatedAt' && page.order === 'desc' ? [sql`${projects.updatedAt} desc nulls last`, desc(projects.id)] : [direction(column), direction(projects.id)];
      // The page is chosen on projects alone, then only its rows get their names and flags' inputs.
      const pageIds = db
        .select({ id: projects.id })
        .from(projects)
        .where(where)
        .orderBy(...order)
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [items, [{ total }]] = await Promise.all([
        joined(db)
          .where(inArray(projects.id, pageIds))
          .orderBy(...order),
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

    /** Every project and phase with both a land and a start date, with the working days stored for them. */
    async landStartDates(db: DbOrTx) {
      const result = await db.execute(sql`
        select 'project' as kind, id, land_on, start_on, land_to_start_workdays from projects where land_on is not null and start_on is not null
        union all
        select 'phase', id, land_on, actual_start_on, land_to_start_workdays from project_phases where land_on is not null and actual_start_on is not null`);
      return rowsOf<{ kind: 'project' | 'phase'; id: string; land_on: unknown; start_on: unknown; land_to_start_workdays: number | null }>(result).map((r) => ({
        kind: r.kind,
        id: r.id,
        landOn: dateText(r.land_on),
        startOn: dateText(r.start_on),
        stored: r.land_to_start_workdays == null ? null : Number(r.land_to_start_workdays),
      }));
    },
    /** Stores recomputed land-to-start working days, two set-based statements. */
    async setLandToStart(db: DbOrTx, rows: { kind: 'project' | 'phase'; id: string; workdays: number | null }[]) {
      for (const [kind, table] of [
        ['project', 'projects'],
        ['phase', 'project_phases'],
      ] as const) {
        const part = rows.filter((r) => r.kind === kind);
        if (part.length === 0) continue;
        await db.execute(sql`
          update ${sql.identifier(table)} t set land_to_start_workdays = v.workdays
          from unnest(${sql.param(part.map((r) => r.id))}::uuid[], ${sql.param(part.map((r) => r.workdays))}::int[]) as v(id, workdays)
          where t.id = v.id`);
      }
    },

    async insertStageEvent(db: DbOrTx, values: typeof projectStageEvents.$inferInsert) {
      await db.insert(projectStageEvents).values(values);
    },

    /**
     * Everything the detail shows under a project, in one round trip (json_agg per part): eight
     * separate queries cost more in driver overhead than in the database.
     */
    async children(db: DbOrTx, projectId: string) {
      const result = await db.execute(sql`
        select
          (select coalesce(jsonb_agg(jsonb_build_object('id', ph.id, 'name', ph.name, 'stage', ph.stage, 'investmentYuan', ph.investment_yuan,
              'investedYuan', ph.invested_yuan, 'content', ph.content, 'plannedStartOn', ph.planned_start_on, 'plannedEndOn', ph.planned_end_on,
              'landOn', ph.land_on, 'actualStartOn', ph.actual_start_on, 'actualEndOn', ph.actual_end_on, 'productionOn', ph.production_on,
              'landToStartWorkdays', ph.land_to_start_workdays)
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
                (select ap.plan_yuan from project_annual_plans ap where ap.project_id = r.project_id and ap.zone_id = r.zone_id and ap.year = extract(year from r.period_start)) as annual_plan_yuan
              from progress_reports r where r.project_id = ${projectId}) r) as reports,
          (select coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'reportId', f.report_id, 'mimeType', f.mime_type, 'sizeBytes', f.size_bytes, 'caption', f.caption,
              'uploadedByName', f.uploaded_by_name, 'createdAt', f.created_at) order by f.created_at desc), '[]') from project_photos f where f.project_id = ${projectId}) as photos,
          (select coalesce(jsonb_agg(jsonb_build_object('fromStage', e.from_stage, 'toStage', e.to_stage, 'on', e.on, 'reason', e.reason,
              -- people by their names (王磊), not their login: the name as it is now, else as recorded
              'actorName', coalesce((select u.display_name from users u where u.id = e.actor_id), e.actor_name), 'at', e.at)
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
            stage: ProjectRow['stage'];
            investmentYuan: number | null;
            investedYuan: number | null;
            content: string | null;
            plannedStartOn: string | null;
            plannedEndOn: string | null;
            landOn: string | null;
            actualStartOn: string | null;
            actualEndOn: string | null;
            productionOn: string | null;
            landToStartWorkdays: number | null;
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
              investmentIntensityReported: num(land.investment_intensity_achieved),
              taxPerMuPromised: num(land.tax_per_mu_promised),
              taxPerMuReported: num(land.tax_per_mu_achieved),
              outputPerMuPromised: num(land.output_per_mu_promised),
              floorAreaRatioPromised: num(land.floor_area_ratio_promised),
              floorAreaRatioReported: num(land.floor_area_ratio_achieved),
              energyPerOutputPromised: num(land.energy_per_output_promised),
              energyPerOutputReported: num(land.energy_per_output_achieved),
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
    /** A project's flag changes, newest first (the last 100: a timeline, not an archive). */
    async flagHistory(db: DbOrTx, projectId: string) {
      const rows = await db
        .select({
          fromFlag: projectFlagEvents.fromFlag,
          toFlag: projectFlagEvents.toFlag,
          reasons: projectFlagEvents.reasons,
          on: projectFlagEvents.on,
          at: projectFlagEvents.at,
        })
        .from(projectFlagEvents)
        .where(eq(projectFlagEvents.projectId, projectId))
        .orderBy(desc(projectFlagEvents.at), desc(projectFlagEvents.on))
        .limit(100);
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
    /** Whether the user may be a 包联领导 of `zoneId`: a zone or deputy leader covering it, or an administrator. */
    async leaderCoversZone(db: DbOrTx, userId: string, zoneId: string): Promise<boolean> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, userId),
            or(
              eq(users.role, 'system_admin'),
              and(
                inArray(
                  users.role,
                  leaderRoles.filter((r) => r !== 'system_admin'),
                ),
                sql`exists (select 1 from user_zones uz where uz.user_id = ${users.id} and uz.zone_id = ${zoneId})`,
              ),
            ),
          ),
        );
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
  };
}

/** The one repository of the module: the project and its plan, progress, settings and derived figures. */
export function createProjectsRepository() {
  return {
    ...createProjectCoreRepository(),
    ...createProjectPlanRepository(),
    ...createProjectProgressRepository(),
    ...createProjectSettingsRepository(),
    ...createProjectDerivedRepository(),
  };
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;

/**
 * Projects (项目全生命周期): the project record with its phases, stage history, milestones,
 * approvals, 标准地 indicators, annual plans, progress reports and photos, plus the editable
 * templates and red/yellow/green rules. Every table is zone-scoped (`zone_id`).
 *
 * The flag (红黄绿灯) and the investment figures the list shows are stored on the project and
 * refreshed in the transaction that changes their inputs (see docs/projects.md), so the list
 * reads one row per project.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, parks, users, zoneRef, zones } from './foundation.ts';
import { enterprises } from './reference.ts';
import {
  projectFlags,
  projectLevels,
  projectNatures,
  projectStages,
  type FlagReason,
  type TemplateApproval,
  type TemplateMilestone,
} from '../../../contract/projects.ts';
import { reportPeriods } from '../../../contract/org.ts';
import { createdAt, day, id, updatedAt, version, yuan } from './columns.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const projects = pgTable(
  'projects',
  {
    id: id(),
    zoneId: zoneRef(),
    parkId: uuid('park_id').references(() => parks.id),
    name: text('name').notNull(),
    investorEnterpriseId: uuid('investor_enterprise_id').references(() => enterprises.id),
    /** 板块 and 产业链环节, free text until the chains module exists. */
    sectorText: text('sector_text'),
    chainLinkText: text('chain_link_text'),
    nature: text('nature', { enum: projectNatures }).notNull().default('new'),
    level: text('level', { enum: projectLevels }).notNull().default('none'),
    totalInvestmentYuan: yuan('total_investment_yuan').notNull(),
    fixedAssetInvestmentYuan: yuan('fixed_asset_investment_yuan'),
    constructionContent: text('construction_content'),
    landMu: numeric('land_mu', { precision: 12, scale: 2, mode: 'number' }),
    floorAreaM2: numeric('floor_area_m2', { precision: 14, scale: 2, mode: 'number' }),
    capacityAmount: numeric('capacity_amount', { precision: 16, scale: 4, mode: 'number' }),
    capacityUnit: text('capacity_unit'),
    plannedStartYear: smallint('planned_start_year'),
    plannedEndYear: smallint('planned_end_year'),
    expectedOutputYuan: yuan('expected_output_yuan'),
    expectedTaxYuan: yuan('expected_tax_yuan'),
    jobs: integer('jobs'),
    stage: text('stage', { enum: projectStages }).notNull().default('planning'),
    stageEnteredOn: day('stage_entered_on').notNull(),
    /** Gate dates: each stage needs its own (签约日期, 供地日期, 实际开工 …). */
    signedOn: day('signed_on'),
    landOn: day('land_on'),
    startOn: day('start_on'),
    completedOn: day('completed_on'),
    productionOn: day('production_on'),
    fullProductionOn: day('full_production_on'),
    /** Working days from 供地 to 开工 on the official calendar, stored when both are set (the list filters 拿地即开工 on it). */
    landToStartWorkdays: smallint('land_to_start_workdays'),
    /** 三级包联: leader in charge, responsible department, responsible officer and task force (专班). */
    leaderUserId: uuid('leader_user_id').references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    officerUserId: uuid('officer_user_id').references(() => users.id),
    /** 专班's name; its members are project_task_force_members. */
    taskForce: text('task_force'),
    /** The pipeline's lead this project came from (no FK: that table belongs to the pipeline module). */
    leadId: uuid('lead_id'),
    /**
     * The template plan (节点, 审批事项) is not written yet: a sheet import creates thousands of
     * projects no one has opened, so their plan is made from the zone's template on first use
     * (project-plan.repository ensurePlan; docs/decisions/027).
     */
    planPending: boolean('plan_pending').notNull().default(false),
    // Derived state, refreshed by projects.repository refreshDerived() whenever an input changes.
    investedTotalYuan: yuan('invested_total_yuan').notNull().default(0),
    ytdYear: smallint('ytd_year'),
    ytdYuan: yuan('ytd_yuan').notNull().default(0),
    annualPlanYuan: yuan('annual_plan_yuan'),
    percentComplete: numeric('percent_complete', { precision: 5, scale: 2, mode: 'number' }),
    lastReportPeriodStart: day('last_report_period_start'),
    flag: text('flag', { enum: projectFlags }).notNull().default('green'),
    flagReasons: jsonb('flag_reasons').$type<FlagReason[]>().notNull().default([]),
    /** The day the flag was computed for; a flag from an earlier day is recomputed before it is read. */
    flagOn: day('flag_on'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('projects_zone_updated_idx').on(t.zoneId, t.updatedAt.desc()),
    index('projects_updated_idx').on(t.updatedAt.desc()),
    index('projects_zone_flag_idx').on(t.zoneId, t.flag),
    // The 驾驶舱's top slipped per zone in its order (red before yellow, flagged longest first): a few index rows each.
    index('projects_zone_slipped_idx')
      .on(t.zoneId, t.flag, t.flagOn, t.totalInvestmentYuan.desc(), t.id)
      .where(sql`${t.flag} in ('red', 'yellow')`),
    // Callers over many zones (city, province): walk the flag's or stage's rows newest first.
    index('projects_flag_updated_idx').on(t.flag, t.updatedAt.desc()),
    index('projects_stage_updated_idx').on(t.stage, t.updatedAt.desc()),
    index('projects_zone_stage_idx').on(t.zoneId, t.stage),
    index('projects_zone_park_idx').on(t.zoneId, t.parkId),
    index('projects_leader_idx').on(t.leaderUserId),
    index('projects_officer_idx').on(t.officerUserId),
    index('projects_department_idx').on(t.departmentId),
    index('projects_flag_on_idx').on(t.flagOn),
    index('projects_lead_idx')
      .on(t.leadId)
      .where(sql`${t.leadId} is not null`),
    index('projects_investor_idx').on(t.investorEnterpriseId),
    check('projects_money_nonneg', sql`${t.totalInvestmentYuan} >= 0 and coalesce(${t.fixedAssetInvestmentYuan}, 0) >= 0`),
  ],
);

/**
 * 专班: the project's task force as people, the zone's users (not free text); `projects.task_force`
 * keeps the team's name. Order is the order the form lists them (the first is the team's lead).
 */
export const projectTaskForceMembers = pgTable(
  'project_task_force_members',
  {
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sortOrder: smallint('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_task_force_members_zone_user_idx').on(t.zoneId, t.userId)],
);

/** 一期/二期…: each phase has its own stage, dates (拿地, 开工, 竣工, 投产) and money (total, completed). */
export const projectPhases = pgTable(
  'project_phases',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sortOrder: smallint('sort_order').notNull(),
    name: text('name').notNull(),
    stage: text('stage', { enum: projectStages }).notNull().default('planning'),
    /** 总投资 of the phase. */
    investmentYuan: yuan('investment_yuan'),
    /** 已完成投资 of the phase. */
    investedYuan: yuan('invested_yuan'),
    content: text('content'),
    plannedStartOn: day('planned_start_on'),
    plannedEndOn: day('planned_end_on'),
    /** 拿地 (供地) date of the phase. */
    landOn: day('land_on'),
    /** 实际开工. */
    actualStartOn: day('actual_start_on'),
    /** 实际竣工. */
    actualEndOn: day('actual_end_on'),
    /** 投产. */
    productionOn: day('production_on'),
    /** Working days from land_on to actual_start_on on the official calendar, stored when both are set. */
    landToStartWorkdays: smallint('land_to_start_workdays'),
  },
  (t) => [
    index('project_phases_project_idx').on(t.projectId, t.sortOrder),
    // 拿地即开工 filter: phases of a zone by their land-to-start working days.
    index('project_phases_zone_land_start_idx')
      .on(t.zoneId, t.landToStartWorkdays)
      .where(sql`${t.landToStartWorkdays} is not null`),
    check('project_phases_money_nonneg', sql`coalesce(${t.investmentYuan}, 0) >= 0 and coalesce(${t.investedYuan}, 0) >= 0`),
  ],
);

/** Every stage change, with the reason when it moved back. */
export const projectStageEvents = pgTable(
  'project_stage_events',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: projectStages }),
    toStage: text('to_stage', { enum: projectStages }).notNull(),
    on: day('on').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_stage_events_project_idx').on(t.projectId, t.at)],
);

/**
 * 红黄绿灯变化: one row each time a project's stored flag changes (or is first computed, `from_flag`
 * null), written by the derived refresh in the same statement. The agenda's "newly red" reads it.
 */
export const projectFlagEvents = pgTable(
  'project_flag_events',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromFlag: text('from_flag', { enum: projectFlags }),
    toFlag: text('to_flag', { enum: projectFlags }).notNull(),
    /** The reasons of the new flag, as stored on the project (FlagReason[]). */
    reasons: jsonb('reasons').$type<FlagReason[]>().notNull().default([]),
    /** The day the flag was computed for (China calendar). */
    on: day('on').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_flag_events_project_idx').on(t.projectId, t.at), index('project_flag_events_zone_on_idx').on(t.zoneId, t.on)],
);

/** 节点: a project's dated plan. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sortOrder: smallint('sort_order').notNull(),
    name: text('name').notNull(),
    /** The stage this node marks, if any: entering that stage fills its actual date. */
    stage: text('stage', { enum: projectStages }),
    plannedOn: day('planned_on'),
    actualOn: day('actual_on'),
    note: text('note'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('project_milestones_project_idx').on(t.projectId, t.sortOrder),
    index('project_milestones_open_idx')
      .on(t.zoneId, t.plannedOn)
      .where(sql`${t.actualOn} is null`),
  ],
);

/** 审批事项: the core approval checklist, on working-day clocks. */
export const projectApprovals = pgTable(
  'project_approvals',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sortOrder: smallint('sort_order').notNull(),
    name: text('name').notNull(),
    agency: text('agency'),
    statutoryDays: smallint('statutory_days'),
    promisedDays: smallint('promised_days'),
    agentUserId: uuid('agent_user_id').references(() => users.id),
    filedOn: day('filed_on'),
    grantedOn: day('granted_on'),
    note: text('note'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index('project_approvals_project_idx').on(t.projectId, t.sortOrder), index('project_approvals_agent_idx').on(t.agentUserId)],
);

/**
 * 标准地: the land's promised indicators. What is achieved is derived from the records (reports,
 * the enterprise's yearly figures, the project's fields), never typed; the `*_achieved` columns hold
 * the values typed before issue 10, kept read-only as 企业自报 (reported by the enterprise) history.
 */
export const projectLandStandards = pgTable('project_land_standards', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  zoneId: zoneRef(),
  /** 投资强度, 万元/亩. */
  investmentIntensityPromised: numeric('investment_intensity_promised', { precision: 12, scale: 2, mode: 'number' }),
  investmentIntensityReported: numeric('investment_intensity_achieved', { precision: 12, scale: 2, mode: 'number' }),
  /** 亩均税收, 万元/亩. */
  taxPerMuPromised: numeric('tax_per_mu_promised', { precision: 12, scale: 2, mode: 'number' }),
  taxPerMuReported: numeric('tax_per_mu_achieved', { precision: 12, scale: 2, mode: 'number' }),
  /** 亩均产出 (output per mu), 万元/亩. */
  outputPerMuPromised: numeric('output_per_mu_promised', { precision: 12, scale: 2, mode: 'number' }),
  /** 容积率. */
  floorAreaRatioPromised: numeric('floor_area_ratio_promised', { precision: 6, scale: 2, mode: 'number' }),
  floorAreaRatioReported: numeric('floor_area_ratio_achieved', { precision: 6, scale: 2, mode: 'number' }),
  /** 单位产值能耗, 吨标准煤/万元 (lower is better). */
  energyPerOutputPromised: numeric('energy_per_output_promised', { precision: 10, scale: 4, mode: 'number' }),
  energyPerOutputReported: numeric('energy_per_output_achieved', { precision: 10, scale: 4, mode: 'number' }),
  /** The date of the 企业自报 values above. */
  assessedOn: day('assessed_on'),
  version: version(),
  updatedAt: updatedAt(),
});

/** 年度投资计划 per project per year. */
export const projectAnnualPlans = pgTable(
  'project_annual_plans',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    zoneId: zoneRef(),
    year: smallint('year').notNull(),
    planYuan: yuan('plan_yuan').notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  // zone_id in the key (last: lookups by project keep the index) as Citus needs it (docs/scale-out.md).
  (t) => [primaryKey({ columns: [t.projectId, t.year, t.zoneId] }), check('project_annual_plans_nonneg', sql`${t.planYuan} >= 0`)],
);

/** 进度填报: one per project per period. Cumulative figures are computed, never typed. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    periodKind: text('period_kind', { enum: reportPeriods }).notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    investedYuan: yuan('invested_yuan').notNull(),
    percentComplete: numeric('percent_complete', { precision: 5, scale: 2, mode: 'number' }),
    progressText: text('progress_text'),
    problems: text('problems'),
    reportedById: uuid('reported_by_id'),
    reportedByName: text('reported_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One report per project and period; zone_id in the key (last) as Citus needs it (docs/scale-out.md).
    uniqueIndex('progress_reports_project_period_key').on(t.projectId, t.periodStart, t.zoneId),
    index('progress_reports_zone_period_idx').on(t.zoneId, t.periodStart),
    check('progress_reports_nonneg', sql`${t.investedYuan} >= 0`),
    check('progress_reports_percent', sql`${t.percentComplete} is null or (${t.percentComplete} >= 0 and ${t.percentComplete} <= 100)`),
  ],
);

/** 形象进度 photos, stored in the database (docs/decisions/006-project-photos-in-database.md). */
export const projectPhotos = pgTable(
  'project_photos',
  {
    id: id(),
    zoneId: zoneRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => progressReports.id, { onDelete: 'set null' }),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    caption: text('caption'),
    bytes: bytea('bytes').notNull(),
    uploadedById: uuid('uploaded_by_id'),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('project_photos_project_idx').on(t.projectId, t.createdAt)],
);

/**
 * Milestone and approval templates: one row per zone (its own lists) plus the global row
 * (zone_id null) that zones without their own use.
 */
export const projectTemplates = pgTable(
  'project_templates',
  {
    id: id(),
    zoneId: uuid('zone_id').references(() => zones.id),
    milestones: jsonb('milestones').$type<TemplateMilestone[]>().notNull(),
    approvals: jsonb('approvals').$type<TemplateApproval[]>().notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('project_templates_zone_key').on(sql`coalesce(${t.zoneId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

/** The red/yellow/green rule's thresholds: a zone's row overrides the global one (zone_id null). */
export const projectFlagRules = pgTable(
  'project_flag_rules',
  {
    id: id(),
    zoneId: uuid('zone_id').references(() => zones.id),
    milestoneYellowDays: smallint('milestone_yellow_days').notNull(),
    milestoneRedDays: smallint('milestone_red_days').notNull(),
    investmentYellowPoints: smallint('investment_yellow_points').notNull(),
    investmentRedPoints: smallint('investment_red_points').notNull(),
    missingReportFlag: text('missing_report_flag', { enum: ['off', 'yellow', 'red'] }).notNull(),
    reportGraceDays: smallint('report_grace_days').notNull(),
    /** 供地到开工: the statutory working days (法定), the zone's promise (承诺), and N for 拿地即开工. */
    landToStartStatutoryDays: smallint('land_to_start_statutory_days').notNull().default(107),
    landToStartPromisedDays: smallint('land_to_start_promised_days'),
    immediateStartDays: smallint('immediate_start_days').notNull().default(30),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('project_flag_rules_zone_key').on(sql`coalesce(${t.zoneId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

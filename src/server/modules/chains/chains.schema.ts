/**
 * Industrial chains (产业链) and the enterprise profile (docs/chains.md).
 *
 * Zone-scoped (zone_id, indexes led by zone_id): the zone's industry plan and sectors (板块), chains,
 * their links (环节, a tree through parent_link_id), enterprises and projects placed on links, the
 * target lists (招商目标) and the roadmap (招商路线图). A child row names its parent together with
 * its zone (composite foreign keys on (id, zone_id)), so a link can never sit in another zone's chain
 * and the rows of one zone stay together when distributed.
 *
 * Shared (no zone_id, like enterprises): an enterprise's honours (资质荣誉), yearly figures (年度经营
 *数据), production lines and cooperation agreements with universities and institutes. They are
 * facts of the enterprise whoever entered them; each row records who entered it and from which zone.
 */
import { sql } from 'drizzle-orm';
import { char, check, date, foreignKey, index, integer, numeric, pgTable, smallint, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chainActions } from '../../../contract/pipeline-enums.ts';
import {
  cooperationKinds,
  figureSources,
  honourKinds,
  lineStatuses,
  linkRoles,
  linkStages,
  partnerInstitutionKinds,
  roadmapKinds,
  roadmapStatuses,
  sectorRoles,
  targetSources,
  targetStatuses,
} from '../../../contract/chains/enums.ts';
import { createdAt, id, updatedAt, version, yuan } from '../../db/schema/columns.ts';
import { enterprises, leads, projects, trips, users, zoneRef as zoneId, zones } from '../../db/schema.ts';

const codes = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** A zone's industry plan as it names it ("1+2+15", "一主导两支撑"): one per zone. */
export const industryPlans = pgTable(
  'industry_plans',
  {
    id: id(),
    zoneId: zoneId(),
    name: text('name').notNull(),
    summary: text('summary'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('industry_plans_zone_key').on(t.zoneId)],
);

/** A sector (板块) of the zone's plan: leading or supporting, its cluster target and its GB/T 4754 classes. */
export const sectors = pgTable(
  'sectors',
  {
    id: id(),
    zoneId: zoneId(),
    name: text('name').notNull(),
    role: text('role', { enum: sectorRoles }).notNull(),
    description: text('description'),
    /** 产业集群目标 (e.g. 100亿级), exact, in yuan; with the year it is to be reached. */
    clusterTargetYuan: yuan('cluster_target_yuan'),
    clusterTargetYear: smallint('cluster_target_year'),
    /** GB/T 4754 sections or divisions the sector covers. */
    industryCodes: codes('industry_codes'),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sectors_zone_name_key').on(t.zoneId, t.name),
    unique('sectors_id_zone_key').on(t.id, t.zoneId),
    check('sectors_target_nonneg', sql`${t.clusterTargetYuan} is null or ${t.clusterTargetYuan} >= 0`),
  ],
);

/** A chain (产业链) of a sector; copied from a template (template_key) or drawn by the zone. */
export const chains = pgTable(
  'chains',
  {
    id: id(),
    zoneId: zoneId(),
    sectorId: uuid('sector_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** The template it was copied from: the province compares zones' chains by it. */
    templateKey: text('template_key'),
    /** A link is weak (薄弱) with fewer enterprises than this, or less output (yuan) than the next. */
    weakMinEnterprises: integer('weak_min_enterprises').notNull().default(2),
    weakMinOutputYuan: yuan('weak_min_output_yuan').notNull().default(100_000_000),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('chains_zone_name_key').on(t.zoneId, t.name),
    unique('chains_id_zone_key').on(t.id, t.zoneId),
    index('chains_zone_sector_idx').on(t.zoneId, t.sectorId),
    index('chains_zone_template_idx').on(t.zoneId, t.templateKey),
    foreignKey({ name: 'chains_sector_fk', columns: [t.sectorId, t.zoneId], foreignColumns: [sectors.id, sectors.zoneId] }),
    check('chains_thresholds_nonneg', sql`${t.weakMinEnterprises} >= 0 and ${t.weakMinOutputYuan} >= 0`),
  ],
);

/** A link (环节) of a chain: a node of its tree (parent_link_id; roots have none), ordered by position among siblings. */
export const chainLinks = pgTable(
  'chain_links',
  {
    id: id(),
    zoneId: zoneId(),
    chainId: uuid('chain_id').notNull(),
    parentLinkId: uuid('parent_link_id'),
    name: text('name').notNull(),
    description: text('description'),
    stage: text('stage', { enum: linkStages }).notNull(),
    position: integer('position').notNull().default(0),
    /** Its products (主要产品), as the zone names them. */
    products: codes('products'),
    /** GB/T 4754 sections or divisions the link covers. */
    industryCodes: codes('industry_codes'),
    /** The template link it was copied from, so the province finds the same link in every zone. */
    templateLinkKey: text('template_link_key'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('chain_links_zone_chain_name_key').on(t.zoneId, t.chainId, t.name),
    unique('chain_links_id_zone_key').on(t.id, t.zoneId),
    index('chain_links_zone_chain_idx').on(t.zoneId, t.chainId, t.position),
    index('chain_links_zone_template_idx').on(t.zoneId, t.templateLinkKey),
    foreignKey({ name: 'chain_links_chain_fk', columns: [t.chainId, t.zoneId], foreignColumns: [chains.id, chains.zoneId] }).onDelete('cascade'),
    foreignKey({ name: 'chain_links_parent_fk', columns: [t.parentLinkId, t.zoneId], foreignColumns: [t.id, t.zoneId] }),
    check('chain_links_not_own_parent', sql`${t.parentLinkId} is null or ${t.parentLinkId} <> ${t.id}`),
  ],
);

/** An enterprise on a link with its role (链主 / 骨干 / 配套): once per link. */
export const chainLinkEnterprises = pgTable(
  'chain_link_enterprises',
  {
    id: id(),
    zoneId: zoneId(),
    linkId: uuid('link_id').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    role: text('role', { enum: linkRoles }).notNull(),
    note: text('note'),
    createdById: uuid('created_by_id').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('chain_link_enterprises_zone_link_enterprise_key').on(t.zoneId, t.linkId, t.enterpriseId),
    index('chain_link_enterprises_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
    foreignKey({ name: 'chain_link_enterprises_link_fk', columns: [t.linkId, t.zoneId], foreignColumns: [chainLinks.id, chainLinks.zoneId] }).onDelete(
      'cascade',
    ),
  ],
);

/** A project on a link (its chain position): once per link. */
export const chainLinkProjects = pgTable(
  'chain_link_projects',
  {
    id: id(),
    zoneId: zoneId(),
    linkId: uuid('link_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chain_link_projects_zone_link_project_key').on(t.zoneId, t.linkId, t.projectId),
    index('chain_link_projects_zone_project_idx').on(t.zoneId, t.projectId),
    foreignKey({ name: 'chain_link_projects_link_fk', columns: [t.linkId, t.zoneId], foreignColumns: [chainLinks.id, chainLinks.zoneId] }).onDelete('cascade'),
  ],
);

/** A company to approach for a link (补链/强链/延链 target list); a lead is made from it in one step. */
export const chainTargets = pgTable(
  'chain_targets',
  {
    id: id(),
    zoneId: zoneId(),
    linkId: uuid('link_id').notNull(),
    action: text('action', { enum: chainActions }).notNull(),
    source: text('source', { enum: targetSources }).notNull(),
    /** Known enterprise (always for `province`); a listed name may have none yet. */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    companyName: text('company_name').notNull(),
    /** The name compared for "already on this list" (as enterprises compare names). */
    normalizedName: text('normalized_name').notNull(),
    regionCode: char('region_code', { length: 6 }),
    regionName: text('region_name'),
    reason: text('reason'),
    contact: text('contact'),
    ownerId: uuid('owner_id').references(() => users.id),
    status: text('status', { enum: targetStatuses }).notNull().default('open'),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('chain_targets_zone_link_name_key').on(t.zoneId, t.linkId, t.normalizedName),
    index('chain_targets_zone_link_idx').on(t.zoneId, t.linkId, t.status),
    index('chain_targets_zone_lead_idx').on(t.zoneId, t.leadId),
    foreignKey({ name: 'chain_targets_link_fk', columns: [t.linkId, t.zoneId], foreignColumns: [chainLinks.id, chainLinks.zoneId] }).onDelete('cascade'),
  ],
);

/** 招商路线图: a chain's target regions and enterprises, planned trips and events, their owners and outcomes. */
export const chainRoadmapItems = pgTable(
  'chain_roadmap_items',
  {
    id: id(),
    zoneId: zoneId(),
    chainId: uuid('chain_id').notNull(),
    linkId: uuid('link_id'),
    kind: text('kind', { enum: roadmapKinds }).notNull(),
    title: text('title').notNull(),
    targetRegionCode: char('target_region_code', { length: 6 }),
    targetRegionName: text('target_region_name'),
    targetEnterpriseId: uuid('target_enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => users.id),
    plannedOn: date('planned_on', { mode: 'string' }),
    plannedUntil: date('planned_until', { mode: 'string' }),
    status: text('status', { enum: roadmapStatuses }).notNull().default('planned'),
    /** The trip it became (外出招商), whose meetings count what came of it. */
    tripId: uuid('trip_id').references(() => trips.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('chain_roadmap_items_zone_chain_idx').on(t.zoneId, t.chainId, t.plannedOn),
    foreignKey({ name: 'chain_roadmap_items_chain_fk', columns: [t.chainId, t.zoneId], foreignColumns: [chains.id, chains.zoneId] }).onDelete('cascade'),
    foreignKey({ name: 'chain_roadmap_items_link_fk', columns: [t.linkId, t.zoneId], foreignColumns: [chainLinks.id, chainLinks.zoneId] }),
    check('chain_roadmap_items_dates_order', sql`${t.plannedUntil} is null or ${t.plannedOn} is null or ${t.plannedUntil} >= ${t.plannedOn}`),
  ],
);

/** Who entered a fact of an enterprise, and from which zone (the facts themselves are shared). */
const enteredBy = () => ({
  enteredById: uuid('entered_by_id').references(() => users.id),
  enteredInZoneId: uuid('entered_in_zone_id').references(() => zones.id),
});

/** An honour or status (专精特新, 小巨人, 高新技术企业, 四上 …) held from `year`; granted/valid dates when known. */
export const enterpriseHonours = pgTable(
  'enterprise_honours',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: honourKinds }).notNull(),
    /** The year it was granted (for 四上: the year the status holds). */
    year: smallint('year').notNull(),
    grantedOn: date('granted_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    issuer: text('issuer'),
    certificateNo: text('certificate_no'),
    note: text('note'),
    ...enteredBy(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enterprise_honours_enterprise_kind_year_key').on(t.enterpriseId, t.kind, t.year),
    index('enterprise_honours_kind_year_idx').on(t.kind, t.year),
    check('enterprise_honours_valid_after_granted', sql`${t.validUntil} is null or ${t.grantedOn} is null or ${t.validUntil} >= ${t.grantedOn}`),
  ],
);

/**
 * An enterprise's operating figures for one year (年度经营数据): 产值, 营业收入, 税收 (yuan, exact),
 * 用地 (亩), 综合能耗 (吨标准煤), 排放 (吨), 从业人员, R&D 投入 (yuan). Read by 标准地 (tax/output per
 * 亩) and the zone KPIs.
 */
export const enterpriseYearlyFigures = pgTable(
  'enterprise_yearly_figures',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    outputYuan: yuan('output_yuan'),
    revenueYuan: yuan('revenue_yuan'),
    taxYuan: yuan('tax_yuan'),
    landMu: numeric('land_mu', { precision: 12, scale: 2 }),
    energyTce: numeric('energy_tce', { precision: 14, scale: 2 }),
    emissionsTonnes: numeric('emissions_tonnes', { precision: 14, scale: 2 }),
    employees: integer('employees'),
    rndYuan: yuan('rnd_yuan'),
    /** 工业增加值 (read by 亩均效益评价, docs/land-efficiency.md). */
    valueAddedYuan: yuan('value_added_yuan'),
    source: text('source', { enum: figureSources }).notNull().default('manual'),
    importId: uuid('import_id'),
    ...enteredBy(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enterprise_yearly_figures_enterprise_year_key').on(t.enterpriseId, t.year),
    index('enterprise_yearly_figures_year_idx').on(t.year),
    check(
      'enterprise_yearly_figures_nonneg',
      sql`coalesce(${t.outputYuan}, 0) >= 0 and coalesce(${t.revenueYuan}, 0) >= 0 and coalesce(${t.taxYuan}, 0) >= 0 and coalesce(${t.landMu}, 0) >= 0
        and coalesce(${t.energyTce}, 0) >= 0 and coalesce(${t.emissionsTonnes}, 0) >= 0 and coalesce(${t.employees}, 0) >= 0 and coalesce(${t.rndYuan}, 0) >= 0
        and coalesce(${t.valueAddedYuan}, 0) >= 0`,
    ),
  ],
);

/** A production line and its capacity (产线/产能), in the enterprise's own unit (台套, 吨, GWh). */
export const enterpriseProductionLines = pgTable(
  'enterprise_production_lines',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    products: text('products'),
    capacity: numeric('capacity', { precision: 16, scale: 2 }),
    capacityUnit: text('capacity_unit'),
    status: text('status', { enum: lineStatuses }).notNull().default('operating'),
    startedOn: date('started_on', { mode: 'string' }),
    note: text('note'),
    ...enteredBy(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enterprise_production_lines_enterprise_idx').on(t.enterpriseId),
    check('enterprise_production_lines_capacity_nonneg', sql`coalesce(${t.capacity}, 0) >= 0`),
  ],
);

/** A cooperation agreement with a university or institute (产学研合作; e.g. a 三方合作协议 for a joint lab): not an investment agreement. */
export const enterpriseCooperations = pgTable(
  'enterprise_cooperations',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: cooperationKinds }).notNull(),
    title: text('title').notNull(),
    partnerName: text('partner_name').notNull(),
    partnerKind: text('partner_kind', { enum: partnerInstitutionKinds }).notNull(),
    /** Further parties (the zone's 管委会 in a 三方合作协议). */
    otherParties: codes('other_parties'),
    signedOn: date('signed_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note'),
    ...enteredBy(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enterprise_cooperations_enterprise_idx').on(t.enterpriseId, t.signedOn),
    check('enterprise_cooperations_dates_order', sql`${t.endsOn} is null or ${t.signedOn} is null or ${t.endsOn} >= ${t.signedOn}`),
  ],
);

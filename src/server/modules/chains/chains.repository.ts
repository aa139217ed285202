/** The only SQL of the chains module (chain structure, placements, targets, roadmap, the views). */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { chainLinkEnterprises, chainLinkProjects, chainLinks, chainRoadmapItems, chainTargets, chains, industryPlans, sectors } from './chains.schema.ts';

/** One link with its figures, as every view reads them (the chain view, the lists, the province). */
export interface LinkRow {
  id: string;
  zone_id: string;
  zone_name: string;
  chain_id: string;
  parent_link_id: string | null;
  name: string;
  description: string | null;
  stage: 'upstream' | 'midstream' | 'downstream';
  position: number;
  products: string[];
  industry_codes: string[];
  template_link_key: string | null;
  version: number;
  enterprise_count: number;
  leaders: { enterpriseId: string; name: string }[] | null;
  output_yuan: string | number | null;
  project_count: number;
  lead_count: number;
  leads_signed: number;
  target_count: number;
  targets_with_lead: number;
}

export interface ChainRow {
  id: string;
  zone_id: string;
  zone_name: string;
  sector_id: string;
  sector_name: string;
  name: string;
  description: string | null;
  template_key: string | null;
  weak_min_enterprises: number;
  weak_min_output_yuan: string | number;
  position: number;
  version: number;
}

const chainColumns = sql`c.id, c.zone_id, z.short_name as zone_name, c.sector_id, s.name as sector_name, c.name, c.description, c.template_key,
  c.weak_min_enterprises, c.weak_min_output_yuan, c.position, c.version`;

/**
 * Every link of the chains matching `where` (on `c`, the chains), with its figures: enterprises
 * (and 链主), their latest yearly output, projects, leads (signed), targets. One statement: the links
 * first, then each figure aggregated once per link and joined (the province's 100 zones read 600
 * links in one pass instead of a look-up per link); each placement's latest figures by one index look-up.
 */
export const linkRowsSql = (where: SQL) => sql`
  with l as materialized (
    select l.id, l.zone_id, z.short_name as zone_name, l.chain_id, l.parent_link_id, l.name, l.description, l.stage, l.position, l.products,
      l.industry_codes, l.template_link_key, l.version, c.position as chain_position, c.name as chain_name
    from chains c join zones z on z.id = c.zone_id join chain_links l on l.zone_id = c.zone_id and l.chain_id = c.id
    where ${where}
  ),
  placed as materialized (
    select cle.link_id, cle.zone_id, cle.enterprise_id, cle.role from chain_link_enterprises cle join l on l.id = cle.link_id and l.zone_id = cle.zone_id
  ),
  pe as (
    select p.link_id, p.zone_id, count(*) as n, sum(f.output_yuan) as output,
      json_agg(json_build_object('enterpriseId', e.id, 'name', e.name) order by e.name) filter (where p.role = 'leader') as leaders
    from placed p join enterprises e on e.id = p.enterprise_id
    left join lateral (select fy.output_yuan from enterprise_yearly_figures fy where fy.enterprise_id = p.enterprise_id order by fy.year desc limit 1) f on true
    group by p.link_id, p.zone_id
  ),
  pp as (select p.link_id, p.zone_id, count(*) as n from chain_link_projects p join l on l.id = p.link_id and l.zone_id = p.zone_id group by p.link_id, p.zone_id),
  ld as (
    select ld.chain_link_id as link_id, ld.zone_id, count(*) as n, count(*) filter (where ld.stage in ('signed', 'registered')) as signed
    from leads ld join l on l.id = ld.chain_link_id and l.zone_id = ld.zone_id group by ld.chain_link_id, ld.zone_id
  ),
  tg as (
    select t.link_id, t.zone_id, count(*) filter (where t.status <> 'dropped') as n, count(*) filter (where t.lead_id is not null) as with_lead
    from chain_targets t join l on l.id = t.link_id and l.zone_id = t.zone_id group by t.link_id, t.zone_id
  )
  select l.id, l.zone_id, l.zone_name, l.chain_id, l.parent_link_id, l.name, l.description, l.stage, l.position, l.products,
    l.industry_codes, l.template_link_key, l.version,
    coalesce(pe.n, 0)::int as enterprise_count, pe.leaders, coalesce(pe.output, 0) as output_yuan,
    coalesce(pp.n, 0)::int as project_count, coalesce(ld.n, 0)::int as lead_count, coalesce(ld.signed, 0)::int as leads_signed,
    coalesce(tg.n, 0)::int as target_count, coalesce(tg.with_lead, 0)::int as targets_with_lead
  from l left join pe on pe.link_id = l.id and pe.zone_id = l.zone_id left join pp on pp.link_id = l.id and pp.zone_id = l.zone_id
    left join ld on ld.link_id = l.id and ld.zone_id = l.zone_id left join tg on tg.link_id = l.id and tg.zone_id = l.zone_id
  order by l.zone_id, l.chain_id, l.position, l.name`;

export function createChainsRepository() {
  return {
    // ── plan and sectors ──────────────────────────────────────────────────────────────────────
    async plan(db: DbOrTx, zoneId: string) {
      const [row] = await db.select().from(industryPlans).where(eq(industryPlans.zoneId, zoneId));
      return row;
    },
    async insertPlan(db: DbOrTx, values: typeof industryPlans.$inferInsert) {
      const [row] = await db.insert(industryPlans).values(values).returning();
      return row;
    },
    updatePlan: (db: DbOrTx, id: string, version: number, patch: Partial<typeof industryPlans.$inferInsert>) =>
      updateVersioned(db, industryPlans, id, version, patch),
    sectorsWhere: (db: DbOrTx, where: SQL) => db.select().from(sectors).where(where).orderBy(asc(sectors.position), asc(sectors.name)),
    async sector(db: DbOrTx, id: string) {
      const [row] = await db.select().from(sectors).where(eq(sectors.id, id));
      return row;
    },
    async sectorByName(db: DbOrTx, zoneId: string, name: string) {
      const [row] = await db
        .select()
        .from(sectors)
        .where(and(eq(sectors.zoneId, zoneId), eq(sectors.name, name)));
      return row;
    },
    async insertSector(db: DbOrTx, values: typeof sectors.$inferInsert) {
      const [row] = await db.insert(sectors).values(values).returning();
      return row;
    },
    updateSector: (db: DbOrTx, id: string, version: number, patch: Partial<typeof sectors.$inferInsert>) => updateVersioned(db, sectors, id, version, patch),

    // ── chains and links ──────────────────────────────────────────────────────────────────────
    async chainsWhere(db: DbOrTx, where: SQL): Promise<ChainRow[]> {
      return rowsOf<ChainRow>(
        await db.execute(sql`select ${chainColumns} from chains c join zones z on z.id = c.zone_id join sectors s on s.id = c.sector_id and s.zone_id = c.zone_id
          where ${where} order by z.short_name, s.position, c.position, c.name`),
      );
    },
    async chain(db: DbOrTx, id: string) {
      const [row] = await db.select().from(chains).where(eq(chains.id, id));
      return row;
    },
    async chainByName(db: DbOrTx, zoneId: string, name: string) {
      const [row] = await db
        .select({ id: chains.id })
        .from(chains)
        .where(and(eq(chains.zoneId, zoneId), eq(chains.name, name)));
      return row;
    },
    async insertChain(db: DbOrTx, values: typeof chains.$inferInsert) {
      const [row] = await db.insert(chains).values(values).returning();
      return row;
    },
    updateChain: (db: DbOrTx, id: string, version: number, patch: Partial<typeof chains.$inferInsert>) => updateVersioned(db, chains, id, version, patch),

    async link(db: DbOrTx, id: string) {
      const [row] = await db.select().from(chainLinks).where(eq(chainLinks.id, id));
      return row;
    },
    /** id → parent of every link of a chain, for the cycle check. */
    linkTree: (db: DbOrTx, zoneId: string, chainId: string) =>
      db
        .select({ id: chainLinks.id, parentLinkId: chainLinks.parentLinkId, name: chainLinks.name })
        .from(chainLinks)
        .where(and(eq(chainLinks.zoneId, zoneId), eq(chainLinks.chainId, chainId))),
    async insertLinks(db: DbOrTx, values: (typeof chainLinks.$inferInsert)[]) {
      if (!values.length) return [];
      return db.insert(chainLinks).values(values).returning();
    },
    updateLink: (db: DbOrTx, id: string, version: number, patch: Partial<typeof chainLinks.$inferInsert>) =>
      updateVersioned(db, chainLinks, id, version, patch),
    /** Moves a deleted link's branches up to its own parent, then deletes it. */
    async deleteLink(db: DbOrTx, link: { id: string; zoneId: string; parentLinkId: string | null }) {
      await db
        .update(chainLinks)
        .set({ parentLinkId: link.parentLinkId, version: sql`${chainLinks.version} + 1`, updatedAt: new Date() })
        .where(and(eq(chainLinks.zoneId, link.zoneId), eq(chainLinks.parentLinkId, link.id)));
      await db.delete(chainLinks).where(and(eq(chainLinks.id, link.id), eq(chainLinks.zoneId, link.zoneId)));
    },

    /** Every link of the chains matching `where`, with its figures (linkRowsSql). */
    async linkRows(db: DbOrTx, where: SQL): Promise<LinkRow[]> {
      return rowsOf<LinkRow>(await db.execute(linkRowsSql(where)));
    },

    // ── placements ────────────────────────────────────────────────────────────────────────────
    async placement(db: DbOrTx, id: string) {
      const [row] = await db.select().from(chainLinkEnterprises).where(eq(chainLinkEnterprises.id, id));
      return row;
    },
    async placementOf(db: DbOrTx, zoneId: string, linkId: string, enterpriseId: string) {
      const [row] = await db
        .select({ id: chainLinkEnterprises.id })
        .from(chainLinkEnterprises)
        .where(and(eq(chainLinkEnterprises.zoneId, zoneId), eq(chainLinkEnterprises.linkId, linkId), eq(chainLinkEnterprises.enterpriseId, enterpriseId)));
      return row;
    },
    async insertPlacement(db: DbOrTx, values: typeof chainLinkEnterprises.$inferInsert) {
      const [row] = await db.insert(chainLinkEnterprises).values(values).returning();
      return row;
    },
    updatePlacement: (db: DbOrTx, id: string, version: number, patch: Partial<typeof chainLinkEnterprises.$inferInsert>) =>
      updateVersioned(db, chainLinkEnterprises, id, version, patch),
    async deletePlacement(db: DbOrTx, id: string) {
      await db.delete(chainLinkEnterprises).where(eq(chainLinkEnterprises.id, id));
    },
    /** A link's enterprises with their latest figures and honours. */
    async placementsOf(db: DbOrTx, zoneId: string, linkId: string) {
      return rowsOf<{
        id: string;
        link_id: string;
        enterprise_id: string;
        name: string;
        credit_code: string | null;
        role: 'leader' | 'backbone' | 'supporting';
        note: string | null;
        version: number;
        latest_year: number | null;
        output_yuan: string | number | null;
        tax_yuan: string | number | null;
        honours: string[] | null;
      }>(
        await db.execute(sql`select cle.id, cle.link_id, cle.enterprise_id, e.name, e.credit_code, cle.role, cle.note, cle.version,
            f.year as latest_year, f.output_yuan, f.tax_yuan,
            (select array_agg(distinct h.kind) from enterprise_honours h where h.enterprise_id = cle.enterprise_id) as honours
          from chain_link_enterprises cle join enterprises e on e.id = cle.enterprise_id
          left join lateral (select fy.year, fy.output_yuan, fy.tax_yuan from enterprise_yearly_figures fy where fy.enterprise_id = cle.enterprise_id order by fy.year desc limit 1) f on true
          where cle.zone_id = ${zoneId}::uuid and cle.link_id = ${linkId}::uuid
          order by case cle.role when 'leader' then 0 when 'backbone' then 1 else 2 end, e.name`),
      );
    },
    /** Where an enterprise sits on the chains of the caller's zones. */
    async placementsOfEnterprise(db: DbOrTx, enterpriseId: string, inZones: SQL) {
      return rowsOf<{
        zone_name: string;
        chain_id: string;
        chain_name: string;
        link_id: string;
        link_name: string;
        role: 'leader' | 'backbone' | 'supporting';
      }>(
        await db.execute(sql`select z.short_name as zone_name, c.id as chain_id, c.name as chain_name, l.id as link_id, l.name as link_name, cle.role
          from chain_link_enterprises cle join chain_links l on l.id = cle.link_id and l.zone_id = cle.zone_id
          join chains c on c.id = l.chain_id and c.zone_id = l.zone_id join zones z on z.id = cle.zone_id
          where cle.enterprise_id = ${enterpriseId}::uuid and ${inZones} order by z.short_name, c.name, l.position`),
      );
    },
    /** Does the enterprise sit on a link of one of the caller's zones? */
    async placedInZones(db: DbOrTx, enterpriseId: string, inZones: SQL): Promise<boolean> {
      const rows = rowsOf<{ one: number }>(
        await db.execute(sql`select 1 as one from chain_link_enterprises cle where cle.enterprise_id = ${enterpriseId}::uuid and ${inZones} limit 1`),
      );
      return rows.length > 0;
    },

    // ── projects and leads on links (read) ───────────────────────────────────────────────────
    async projectZone(db: DbOrTx, projectId: string) {
      const rows = rowsOf<{ zone_id: string; name: string }>(await db.execute(sql`select zone_id, name from projects where id = ${projectId}::uuid`));
      return rows[0];
    },
    async linkProject(db: DbOrTx, id: string) {
      const [row] = await db.select().from(chainLinkProjects).where(eq(chainLinkProjects.id, id));
      return row;
    },
    async linkProjectOf(db: DbOrTx, zoneId: string, linkId: string, projectId: string) {
      const [row] = await db
        .select({ id: chainLinkProjects.id })
        .from(chainLinkProjects)
        .where(and(eq(chainLinkProjects.zoneId, zoneId), eq(chainLinkProjects.linkId, linkId), eq(chainLinkProjects.projectId, projectId)));
      return row;
    },
    async insertLinkProject(db: DbOrTx, values: typeof chainLinkProjects.$inferInsert) {
      const [row] = await db.insert(chainLinkProjects).values(values).returning();
      return row;
    },
    async deleteLinkProject(db: DbOrTx, id: string) {
      await db.delete(chainLinkProjects).where(eq(chainLinkProjects.id, id));
    },
    async projectsOfLink(db: DbOrTx, zoneId: string, linkId: string) {
      return rowsOf<{ id: string; project_id: string; name: string; stage: string; total_investment_yuan: string | number | null }>(
        await db.execute(sql`select lp.id, p.id as project_id, p.name, p.stage, p.total_investment_yuan from chain_link_projects lp join projects p on p.id = lp.project_id and p.zone_id = lp.zone_id
          where lp.zone_id = ${zoneId}::uuid and lp.link_id = ${linkId}::uuid order by p.name`),
      );
    },
    async leadsOfLink(db: DbOrTx, zoneId: string, linkId: string) {
      return rowsOf<{
        id: string;
        code: string;
        name: string;
        stage: string;
        status: string;
        enterprise_name: string | null;
        planned_investment_yuan: string | number | null;
      }>(
        await db.execute(sql`select ld.id, ld.code, ld.name, ld.stage, ld.status, e.name as enterprise_name, ld.planned_investment_yuan
          from leads ld left join enterprises e on e.id = ld.enterprise_id where ld.zone_id = ${zoneId}::uuid and ld.chain_link_id = ${linkId}::uuid order by ld.code`),
      );
    },
    async leadZone(db: DbOrTx, leadId: string) {
      const rows = rowsOf<{ zone_id: string; code: string }>(await db.execute(sql`select zone_id, code from leads where id = ${leadId}::uuid`));
      return rows[0];
    },
    async linkHasLeads(db: DbOrTx, zoneId: string, linkId: string): Promise<boolean> {
      const rows = rowsOf<{ one: number }>(
        await db.execute(sql`select 1 as one from leads where zone_id = ${zoneId}::uuid and chain_link_id = ${linkId}::uuid limit 1`),
      );
      return rows.length > 0;
    },
    async tripZone(db: DbOrTx, tripId: string) {
      const rows = rowsOf<{ zone_id: string }>(await db.execute(sql`select zone_id from trips where id = ${tripId}::uuid`));
      return rows[0]?.zone_id;
    },
    /** Active users assigned to the zone (owners of targets and roadmap items). */
    async isZoneUser(db: DbOrTx, zoneId: string, userId: string): Promise<boolean> {
      const rows = rowsOf<{ one: number }>(
        await db.execute(
          sql`select 1 as one from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = ${zoneId}::uuid and uz.user_id = ${userId}::uuid and u.active limit 1`,
        ),
      );
      return rows.length > 0;
    },

    // ── targets ──────────────────────────────────────────────────────────────────────────────
    async target(db: DbOrTx, id: string) {
      const [row] = await db.select().from(chainTargets).where(eq(chainTargets.id, id));
      return row;
    },
    async targetByName(db: DbOrTx, zoneId: string, linkId: string, normalizedName: string) {
      const [row] = await db
        .select({ id: chainTargets.id })
        .from(chainTargets)
        .where(and(eq(chainTargets.zoneId, zoneId), eq(chainTargets.linkId, linkId), eq(chainTargets.normalizedName, normalizedName)));
      return row;
    },
    async insertTargets(db: DbOrTx, values: (typeof chainTargets.$inferInsert)[]) {
      if (!values.length) return [];
      return db.insert(chainTargets).values(values).returning();
    },
    updateTarget: (db: DbOrTx, id: string, version: number, patch: Partial<typeof chainTargets.$inferInsert>) =>
      updateVersioned(db, chainTargets, id, version, patch),
    /** Targets with their link, owner and lead, filtered by `where` on `t`. */
    async targetsWhere(db: DbOrTx, where: SQL) {
      return rowsOf<TargetRow>(
        await db.execute(sql`select t.*, l.name as link_name, l.chain_id, u.display_name as owner_name, ld.code as lead_code, ld.stage as lead_stage
          from chain_targets t join chain_links l on l.id = t.link_id and l.zone_id = t.zone_id
          left join users u on u.id = t.owner_id left join leads ld on ld.id = t.lead_id and ld.zone_id = t.zone_id
          where ${where} order by l.position, t.status, t.created_at, t.company_name`),
      );
    },
    /** Enterprises on links of the same template link (or name) in the province's other zones. */
    async provinceCandidates(db: DbOrTx, link: { id: string; zoneId: string; name: string; templateLinkKey: string | null }) {
      return rowsOf<{ enterprise_id: string; name: string; zone_id: string; zone_name: string; role: 'leader' | 'backbone' | 'supporting'; link_name: string }>(
        await db.execute(sql`select distinct on (e.id) e.id as enterprise_id, e.name, z.id as zone_id, z.short_name as zone_name, cle.role, l.name as link_name
          from chain_links l join zones z on z.id = l.zone_id
          join chain_link_enterprises cle on cle.zone_id = l.zone_id and cle.link_id = l.id join enterprises e on e.id = cle.enterprise_id
          where l.zone_id <> ${link.zoneId}::uuid
            and left(z.region_code, 2) = (select left(region_code, 2) from zones where id = ${link.zoneId}::uuid)
            and ${link.templateLinkKey ? sql`l.template_link_key = ${link.templateLinkKey}` : sql`l.name = ${link.name}`}
            and not exists (select 1 from chain_link_enterprises mine where mine.zone_id = ${link.zoneId}::uuid and mine.link_id = ${link.id}::uuid and mine.enterprise_id = e.id)
            and not exists (select 1 from chain_targets t where t.zone_id = ${link.zoneId}::uuid and t.link_id = ${link.id}::uuid and t.enterprise_id = e.id)
          order by e.id, case cle.role when 'leader' then 0 when 'backbone' then 1 else 2 end
          limit 200`),
      );
    },
    async enterpriseNames(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Map<string, { name: string; normalizedName: string; regionCode: string | null }>();
      const rows = rowsOf<{ id: string; name: string; normalized_name: string; region_code: string | null }>(
        await db.execute(sql`select id, name, normalized_name, region_code from enterprises where id = ${anyUuid(ids)}`),
      );
      return new Map(rows.map((r) => [r.id, { name: r.name, normalizedName: r.normalized_name, regionCode: r.region_code }]));
    },

    // ── roadmap ──────────────────────────────────────────────────────────────────────────────
    async roadmapItem(db: DbOrTx, id: string) {
      const [row] = await db.select().from(chainRoadmapItems).where(eq(chainRoadmapItems.id, id));
      return row;
    },
    async insertRoadmapItem(db: DbOrTx, values: typeof chainRoadmapItems.$inferInsert) {
      const [row] = await db.insert(chainRoadmapItems).values(values).returning();
      return row;
    },
    updateRoadmapItem: (db: DbOrTx, id: string, version: number, patch: Partial<typeof chainRoadmapItems.$inferInsert>) =>
      updateVersioned(db, chainRoadmapItems, id, version, patch),
    async roadmapWhere(db: DbOrTx, where: SQL) {
      return rowsOf<RoadmapRow>(
        await db.execute(sql`select r.id, r.zone_id, r.chain_id, r.link_id, r.kind, r.title, r.target_region_code, r.target_region_name, r.target_enterprise_id, r.owner_id,
            r.planned_on::text as planned_on, r.planned_until::text as planned_until, r.status, r.trip_id, r.outcome, r.lead_id, r.version, l.name as link_name, e.name as target_enterprise_name, u.display_name as owner_name, tr.title as trip_title, ld.code as lead_code,
            (select count(*) from activities a where a.trip_id = r.trip_id and a.zone_id = r.zone_id)::int as trip_meetings
          from chain_roadmap_items r left join chain_links l on l.id = r.link_id and l.zone_id = r.zone_id
          left join enterprises e on e.id = r.target_enterprise_id left join users u on u.id = r.owner_id
          left join trips tr on tr.id = r.trip_id and tr.zone_id = r.zone_id left join leads ld on ld.id = r.lead_id and ld.zone_id = r.zone_id
          where ${where} order by r.planned_on nulls last, r.created_at`),
      );
    },
  };
}

export interface TargetRow {
  id: string;
  zone_id: string;
  link_id: string;
  action: 'strengthen' | 'extend' | 'fill';
  source: 'manual' | 'import' | 'province';
  enterprise_id: string | null;
  company_name: string;
  region_code: string | null;
  region_name: string | null;
  reason: string | null;
  contact: string | null;
  owner_id: string | null;
  status: 'open' | 'lead_made' | 'dropped';
  lead_id: string | null;
  version: number;
  link_name: string;
  chain_id: string;
  owner_name: string | null;
  lead_code: string | null;
  lead_stage: string | null;
}

export interface RoadmapRow {
  id: string;
  zone_id: string;
  chain_id: string;
  link_id: string | null;
  link_name: string | null;
  kind: 'region' | 'enterprise' | 'trip' | 'event';
  title: string;
  target_region_code: string | null;
  target_region_name: string | null;
  target_enterprise_id: string | null;
  target_enterprise_name: string | null;
  owner_id: string | null;
  owner_name: string | null;
  planned_on: string | null;
  planned_until: string | null;
  status: 'planned' | 'done' | 'cancelled';
  trip_id: string | null;
  trip_title: string | null;
  trip_meetings: number;
  outcome: string | null;
  lead_id: string | null;
  lead_code: string | null;
  version: number;
}

export type ChainsRepository = ReturnType<typeof createChainsRepository>;

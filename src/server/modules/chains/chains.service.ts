/**
 * The chains (产业链) service: the zone's industry plan and sectors, chains copied from templates
 * or drawn by hand, their links (a tree: no cycles, never across zones), enterprises and projects on
 * links, strength and gaps, target lists and the one-step target leads (made through the leads
 * service), the roadmap and the province's view of one chain across zones.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import type {
  attachLeadBody,
  createChainBody,
  createRoadmapItemBody,
  createTargetBody,
  importTargetsBody,
  linkBody,
  makeLeadsBody,
  placeEnterpriseBody,
  placeProjectBody,
  planBody,
  sectorBody,
  targetsFromProvinceBody,
  updateChainBody,
  updateLinkBody,
  updatePlacementBody,
  updateRoadmapItemBody,
  updateSectorBody,
  updateTargetBody,
} from '../../../contract/chains.ts';
import type { ChainAction } from '../../../contract/pipeline-enums.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { zoneScope } from '../../platform/scope.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { normalizeEnterpriseName, type EnterprisesService } from '../enterprises/index.ts';
import type { LeadCreateInput, LeadsService } from '../leads/index.ts';
import { chainTemplates, templateByKey } from './chain-templates.ts';
import type { ChainRow, ChainsRepository, LinkRow, RoadmapRow, TargetRow } from './chains.repository.ts';

export interface ChainsDeps {
  db: Db;
  chains: ChainsRepository;
  audit: AuditWriter;
  clock: Clock;
  leads: Pick<LeadsService, 'createInTx' | 'updateInTx'>;
  enterprises: Pick<EnterprisesService, 'exists'>;
}

export type ChainRecordKind = 'sector' | 'chain' | 'chainLink' | 'chainPlacement' | 'chainLinkProject' | 'chainTarget' | 'chainRoadmapItem';

const num = (v: string | number | null | undefined) => (v == null ? 0 : Number(v));
const numOrNull = (v: string | number | null | undefined) => (v == null ? null : Number(v));

/** A link's strength against its chain's thresholds: no enterprise is a gap (缺链), below either threshold weak (弱链). */
export function strengthOf(link: { enterpriseCount: number; outputYuan: number }, chain: { weakMinEnterprises: number; weakMinOutputYuan: number }) {
  if (link.enterpriseCount === 0) return 'gap' as const;
  if (link.enterpriseCount < chain.weakMinEnterprises || link.outputYuan < chain.weakMinOutputYuan) return 'weak' as const;
  return 'strong' as const;
}

/** Would making `parentId` the parent of `linkId` close a loop? Walks up from the new parent. */
export function wouldCycle(tree: Map<string, string | null>, linkId: string, parentId: string | null): boolean {
  const seen = new Set<string>();
  for (let p = parentId; p; p = tree.get(p) ?? null) {
    if (p === linkId || seen.has(p)) return true;
    seen.add(p);
  }
  return false;
}

export function createChainsService(deps: ChainsDeps) {
  const { db, chains: repo, audit, leads } = deps;

  function targetZone(s: SessionContext, zoneId?: string): string {
    if (zoneId) {
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      return zoneId;
    }
    if (!s.scope.all && s.scope.zoneIds.length === 1) return s.scope.zoneIds[0];
    throw fieldError('zoneId', 'zone_required');
  }
  function requirePermission(s: SessionContext, permission: Permission, zoneId: string) {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  }
  const inZones = (s: SessionContext, column: string, zoneId?: string) => zoneScope(s, sql.raw(column), zoneId);

  async function loadChain(s: SessionContext, id: string, permission?: Permission) {
    const c = await repo.chain(db, id);
    if (!c || !inScope(s, c.zoneId)) throw notFound();
    if (permission) requirePermission(s, permission, c.zoneId);
    return c;
  }
  async function loadLink(s: SessionContext, id: string, permission?: Permission) {
    const l = await repo.link(db, id);
    if (!l || !inScope(s, l.zoneId)) throw notFound();
    if (permission) requirePermission(s, permission, l.zoneId);
    return l;
  }
  async function loadSector(s: SessionContext, id: string, permission?: Permission) {
    const row = await repo.sector(db, id);
    if (!row || !inScope(s, row.zoneId)) throw notFound();
    if (permission) requirePermission(s, permission, row.zoneId);
    return row;
  }

  async function checkOwner(zoneId: string, ownerId: string | null | undefined, field = 'ownerId') {
    if (ownerId && !(await repo.isZoneUser(db, zoneId, ownerId))) throw fieldError(field, 'unknown_owner');
  }
  async function checkEnterprise(enterpriseId: string | null | undefined, field = 'enterpriseId') {
    if (enterpriseId && !(await deps.enterprises.exists(db, enterpriseId))) throw fieldError(field, 'unknown_enterprise');
  }

  // ── presenting ──────────────────────────────────────────────────────────────────────────────
  const presentSector = (s: SessionContext, r: NonNullable<Awaited<ReturnType<ChainsRepository['sector']>>>) => ({
    id: r.id,
    zoneId: r.zoneId,
    name: r.name,
    role: r.role,
    description: r.description,
    clusterTargetYuan: r.clusterTargetYuan,
    clusterTargetYear: r.clusterTargetYear,
    industryCodes: r.industryCodes,
    position: r.position,
    version: r.version,
    actions: actionsFor(s, 'sector', r.zoneId),
  });

  function presentLink(r: LinkRow, chain: { weakMinEnterprises: number; weakMinOutputYuan: number }) {
    const outputYuan = num(r.output_yuan);
    return {
      id: r.id,
      chainId: r.chain_id,
      zoneId: r.zone_id,
      parentLinkId: r.parent_link_id,
      name: r.name,
      description: r.description,
      stage: r.stage,
      position: r.position,
      products: r.products ?? [],
      industryCodes: r.industry_codes ?? [],
      templateLinkKey: r.template_link_key,
      version: r.version,
      enterpriseCount: r.enterprise_count,
      leaders: r.leaders ?? [],
      outputYuan,
      projectCount: r.project_count,
      leadCount: r.lead_count,
      targetCount: r.target_count,
      strength: strengthOf({ enterpriseCount: r.enterprise_count, outputYuan }, chain),
      leadsSigned: r.leads_signed,
      targetsWithLead: r.targets_with_lead,
    };
  }
  type PresentedLink = ReturnType<typeof presentLink>;

  function statsOf(links: PresentedLink[]) {
    const filled = links.filter((l) => l.enterpriseCount > 0).length;
    return {
      links: links.length,
      filled,
      gaps: links.length - filled,
      weak: links.filter((l) => l.strength === 'weak').length,
      completenessPercent: links.length ? Math.round((filled / links.length) * 1000) / 10 : 0,
      enterprises: links.reduce((n, l) => n + l.enterpriseCount, 0),
      leaders: links.reduce((n, l) => n + l.leaders.length, 0),
      outputYuan: links.reduce((n, l) => n + l.outputYuan, 0),
    };
  }
  const conversionOf = (links: PresentedLink[]) => ({
    gaps: links.filter((l) => l.strength === 'gap').length,
    weak: links.filter((l) => l.strength === 'weak').length,
    targets: links.reduce((n, l) => n + l.targetCount, 0),
    targetsWithLead: links.reduce((n, l) => n + l.targetsWithLead, 0),
    leads: links.reduce((n, l) => n + l.leadCount, 0),
    leadsSigned: links.reduce((n, l) => n + l.leadsSigned, 0),
    gapsWithLead: links.filter((l) => l.strength !== 'strong' && l.leadCount > 0).length,
  });
  const thresholdsOf = (c: ChainRow) => ({ weakMinEnterprises: c.weak_min_enterprises, weakMinOutputYuan: num(c.weak_min_output_yuan) });
  const publicLink = ({ leadsSigned: _s, targetsWithLead: _t, ...rest }: PresentedLink) => rest;

  function presentChain(s: SessionContext, c: ChainRow, links: PresentedLink[]) {
    return {
      id: c.id,
      zoneId: c.zone_id,
      zoneName: c.zone_name,
      sectorId: c.sector_id,
      sectorName: c.sector_name,
      name: c.name,
      description: c.description,
      templateKey: c.template_key,
      weakMinEnterprises: c.weak_min_enterprises,
      weakMinOutputYuan: num(c.weak_min_output_yuan),
      version: c.version,
      stats: statsOf(links),
      actions: actionsFor(s, 'chain', c.zone_id),
    };
  }

  /** Chains matching `where` (on c), each with its links' figures. */
  async function chainsWithLinks(s: SessionContext, where: ReturnType<typeof sql>) {
    const [rows, linkRows] = await Promise.all([repo.chainsWhere(db, where), repo.linkRows(db, where)]);
    const byChain = new Map<string, LinkRow[]>();
    for (const l of linkRows) byChain.set(l.chain_id, [...(byChain.get(l.chain_id) ?? []), l]);
    return rows.map((c) => {
      const links = (byChain.get(c.id) ?? []).map((l) => presentLink(l, thresholdsOf(c)));
      return { chain: presentChain(s, c, links), links };
    });
  }

  async function view(s: SessionContext, id: string) {
    // The caller's zones in the statement itself: a chain outside them reads as missing.
    const [one] = await chainsWithLinks(s, sql`c.id = ${id}::uuid and ${inZones(s, 'c.zone_id')}`);
    if (!one) throw notFound();
    return { chain: one.chain, links: one.links.map(publicLink), conversion: conversionOf(one.links) };
  }

  function presentTarget(s: SessionContext, t: TargetRow) {
    return {
      id: t.id,
      zoneId: t.zone_id,
      linkId: t.link_id,
      linkName: t.link_name,
      chainId: t.chain_id,
      action: t.action,
      source: t.source,
      enterpriseId: t.enterprise_id,
      companyName: t.company_name,
      regionCode: t.region_code,
      regionName: t.region_name,
      reason: t.reason,
      contact: t.contact,
      ownerId: t.owner_id,
      ownerName: t.owner_name,
      status: t.status,
      leadId: t.lead_id,
      leadCode: t.lead_code,
      leadStage: (t.lead_stage ?? null) as never,
      version: t.version,
      actions: actionsFor(s, 'chainTarget', t.zone_id).filter((a) => (a === 'makeLead' ? t.status === 'open' : true)),
    };
  }
  const targetsByIds = async (s: SessionContext, ids: string[]) =>
    ids.length ? (await repo.targetsWhere(db, sql`t.id = any(${sql.param(ids)}::uuid[]) and ${inZones(s, 't.zone_id')}`)).map((t) => presentTarget(s, t)) : [];

  function presentRoadmapItem(s: SessionContext, r: RoadmapRow) {
    return {
      id: r.id,
      chainId: r.chain_id,
      linkId: r.link_id,
      linkName: r.link_name,
      kind: r.kind,
      title: r.title,
      targetRegionCode: r.target_region_code,
      targetRegionName: r.target_region_name,
      targetEnterpriseId: r.target_enterprise_id,
      targetEnterpriseName: r.target_enterprise_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      plannedOn: r.planned_on,
      plannedUntil: r.planned_until,
      status: r.status,
      tripId: r.trip_id,
      tripTitle: r.trip_title,
      outcome: r.outcome,
      leadId: r.lead_id,
      leadCode: r.lead_code,
      version: r.version,
      actions: actionsFor(s, 'chainRoadmapItem', r.zone_id),
    };
  }

  // ── links: checks shared by create and update ───────────────────────────────────────────────
  async function checkParent(chain: { id: string; zoneId: string }, linkId: string | null, parentLinkId: string | null | undefined) {
    if (!parentLinkId) return;
    const parent = await repo.link(db, parentLinkId);
    if (!parent) throw fieldError('parentLinkId', 'unknown_chain_link');
    if (parent.zoneId !== chain.zoneId) throw fieldError('parentLinkId', 'link_other_zone');
    if (parent.chainId !== chain.id) throw fieldError('parentLinkId', 'link_other_chain');
    if (linkId) {
      const tree = new Map((await repo.linkTree(db, chain.zoneId, chain.id)).map((l) => [l.id, l.parentLinkId]));
      if (wouldCycle(tree, linkId, parentLinkId)) throw fieldError('parentLinkId', 'link_cycle');
    }
  }
  async function checkLinkName(chain: { id: string; zoneId: string }, name: string | undefined, exceptId?: string) {
    if (!name) return;
    const tree = await repo.linkTree(db, chain.zoneId, chain.id);
    if (tree.some((l) => l.name === name && l.id !== exceptId)) throw fieldError('name', 'link_name_taken', 'DUPLICATE');
  }

  async function addTargets(
    s: SessionContext,
    linkId: string,
    action: ChainAction,
    source: 'manual' | 'import' | 'province',
    rows: {
      companyName: string;
      enterpriseId?: string | null;
      regionCode?: string | null;
      regionName?: string | null;
      reason?: string | null;
      contact?: string | null;
      ownerId?: string | null;
    }[],
    requestId: string,
    fieldPrefix: (i: number) => string,
  ) {
    const link = await loadLink(s, linkId, 'chain.update');
    const seen = new Set<string>();
    const values: Parameters<ChainsRepository['insertTargets']>[1] = [];
    for (const [i, r] of rows.entries()) {
      const normalizedName = normalizeEnterpriseName(r.companyName);
      if (seen.has(normalizedName)) throw fieldError(`${fieldPrefix(i)}companyName`, 'duplicate_in_file');
      seen.add(normalizedName);
      if (await repo.targetByName(db, link.zoneId, link.id, normalizedName)) throw fieldError(`${fieldPrefix(i)}companyName`, 'target_on_list', 'DUPLICATE');
      await checkEnterprise(r.enterpriseId, `${fieldPrefix(i)}enterpriseId`);
      await checkOwner(link.zoneId, r.ownerId, `${fieldPrefix(i)}ownerId`);
      values.push({
        zoneId: link.zoneId,
        linkId: link.id,
        action,
        source,
        enterpriseId: r.enterpriseId ?? null,
        companyName: r.companyName,
        normalizedName,
        regionCode: r.regionCode ?? null,
        regionName: r.regionName ?? null,
        reason: r.reason ?? null,
        contact: r.contact ?? null,
        ownerId: r.ownerId ?? null,
        createdById: s.user.id,
      });
    }
    const ids = await db.transaction(async (tx) => {
      const inserted = await repo.insertTargets(tx, values);
      for (const t of inserted)
        await audit(tx, actorOf(s, requestId), { zoneId: link.zoneId, action: 'chain_target.create', entityType: 'chain_target', entityId: t.id, after: t });
      return inserted.map((t) => t.id);
    });
    return targetsByIds(s, ids);
  }

  return {
    templates: () => chainTemplates.map((t) => ({ key: t.key, name: t.name, nameEn: t.nameEn, description: t.description, links: t.links })),

    /** For the operations' `record` checks: a record outside the caller's zones is not found. */
    async inCallerScope(s: SessionContext, kind: ChainRecordKind, id: string): Promise<boolean> {
      const zoneOf: Record<ChainRecordKind, () => Promise<string | undefined>> = {
        sector: async () => (await repo.sector(db, id))?.zoneId,
        chain: async () => (await repo.chain(db, id))?.zoneId,
        chainLink: async () => (await repo.link(db, id))?.zoneId,
        chainPlacement: async () => (await repo.placement(db, id))?.zoneId,
        chainLinkProject: async () => (await repo.linkProject(db, id))?.zoneId,
        chainTarget: async () => (await repo.target(db, id))?.zoneId,
        chainRoadmapItem: async () => (await repo.roadmapItem(db, id))?.zoneId,
      };
      const zoneId = await zoneOf[kind]();
      return Boolean(zoneId && inScope(s, zoneId));
    },

    // ── plan and sectors ──────────────────────────────────────────────────────────────────────
    async planPage(s: SessionContext, zoneId?: string) {
      const zone = targetZone(s, zoneId);
      const [plan, sectorRows, chainList] = await Promise.all([
        repo.plan(db, zone),
        repo.sectorsWhere(db, sql`zone_id = ${zone}::uuid`),
        chainsWithLinks(s, sql`c.zone_id = ${zone}::uuid`),
      ]);
      return {
        plan: {
          zoneId: zone,
          id: plan?.id ?? null,
          name: plan?.name ?? null,
          summary: plan?.summary ?? null,
          version: plan?.version ?? null,
          actions: actionsFor(s, 'industryPlan', zone),
        },
        sectors: sectorRows.map((r) => ({ ...presentSector(s, r), chains: chainList.filter((c) => c.chain.sectorId === r.id).map((c) => c.chain) })),
        actions: actionsFor(s, 'industryPlan', zone),
      };
    },

    async savePlan(s: SessionContext, body: z.infer<typeof planBody>, requestId: string) {
      const zoneId = targetZone(s, body.zoneId);
      requirePermission(s, 'chain.update', zoneId);
      const before = await repo.plan(db, zoneId);
      if (before && body.version === undefined) throw fieldError('version', 'required');
      if (before) assertVersion(before, body.version!);
      const row = await db.transaction(async (tx) => {
        const after = before
          ? await repo.updatePlan(tx, before.id, before.version, { name: body.name, summary: body.summary ?? null })
          : await repo.insertPlan(tx, { zoneId, name: body.name, summary: body.summary ?? null });
        await audit(tx, actorOf(s, requestId), {
          zoneId,
          action: before ? 'industry_plan.update' : 'industry_plan.create',
          entityType: 'industry_plan',
          entityId: after.id,
          before,
          after,
        });
        return after;
      });
      return { zoneId, id: row.id, name: row.name, summary: row.summary, version: row.version, actions: actionsFor(s, 'industryPlan', zoneId) };
    },

    async createSector(s: SessionContext, body: z.infer<typeof sectorBody>, requestId: string) {
      const zoneId = targetZone(s, body.zoneId);
      requirePermission(s, 'chain.update', zoneId);
      if (await repo.sectorByName(db, zoneId, body.name)) throw fieldError('name', 'sector_name_taken', 'DUPLICATE');
      const row = await db.transaction(async (tx) => {
        const r = await repo.insertSector(tx, {
          zoneId,
          name: body.name,
          role: body.role,
          description: body.description ?? null,
          clusterTargetYuan: body.clusterTargetWan ?? null,
          clusterTargetYear: body.clusterTargetYear ?? null,
          industryCodes: body.industryCodes ?? [],
          position: body.position ?? 0,
        });
        await audit(tx, actorOf(s, requestId), { zoneId, action: 'sector.create', entityType: 'sector', entityId: r.id, after: r });
        return r;
      });
      return presentSector(s, row);
    },

    async sectorPage(s: SessionContext, id: string) {
      const sector = await loadSector(s, id);
      const list = await chainsWithLinks(s, sql`c.zone_id = ${sector.zoneId}::uuid and c.sector_id = ${id}::uuid`);
      return { sector: presentSector(s, sector), chains: list.map((c) => c.chain) };
    },

    async updateSector(s: SessionContext, id: string, body: z.infer<typeof updateSectorBody>, requestId: string) {
      const before = await loadSector(s, id, 'chain.update');
      assertVersion(before, body.version);
      if (body.name && body.name !== before.name && (await repo.sectorByName(db, before.zoneId, body.name)))
        throw fieldError('name', 'sector_name_taken', 'DUPLICATE');
      const { version, clusterTargetWan, ...rest } = body;
      const after = await db.transaction(async (tx) => {
        const r = await repo.updateSector(tx, id, version, { ...rest, ...(clusterTargetWan !== undefined ? { clusterTargetYuan: clusterTargetWan } : {}) });
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'sector.update', entityType: 'sector', entityId: id, before, after: r });
        return r;
      });
      return presentSector(s, after);
    },

    // ── chains ────────────────────────────────────────────────────────────────────────────────
    async list(s: SessionContext, q: { zoneId?: string; sectorId?: string }) {
      const where = sql`${inZones(s, 'c.zone_id', q.zoneId)} ${q.sectorId ? sql`and c.sector_id = ${q.sectorId}::uuid` : sql``}`;
      return (await chainsWithLinks(s, where)).map((c) => c.chain);
    },

    view,

    async create(s: SessionContext, body: z.infer<typeof createChainBody>, requestId: string) {
      const sector = await repo.sector(db, body.sectorId);
      if (!sector || !inScope(s, sector.zoneId)) throw fieldError('sectorId', 'unknown_sector');
      requirePermission(s, 'chain.update', sector.zoneId);
      const template = body.templateKey ? templateByKey.get(body.templateKey) : undefined;
      if (body.templateKey && !template) throw fieldError('templateKey', 'unknown_template');
      if (await repo.chainByName(db, sector.zoneId, body.name)) throw fieldError('name', 'chain_name_taken', 'DUPLICATE');
      const chainId = await db.transaction(async (tx) => {
        const c = await repo.insertChain(tx, {
          zoneId: sector.zoneId,
          sectorId: sector.id,
          name: body.name,
          description: body.description ?? template?.description ?? null,
          templateKey: template?.key ?? null,
          ...(body.weakMinEnterprises !== undefined ? { weakMinEnterprises: body.weakMinEnterprises } : {}),
          ...(body.weakMinOutputWan !== undefined ? { weakMinOutputYuan: body.weakMinOutputWan } : {}),
        });
        const ids = new Map((template?.links ?? []).map((l) => [l.key, randomUUID()]));
        const links = await repo.insertLinks(
          tx,
          (template?.links ?? []).map((l, i) => ({
            id: ids.get(l.key)!,
            zoneId: sector.zoneId,
            chainId: c.id,
            parentLinkId: l.parentKey ? ids.get(l.parentKey)! : null,
            name: l.name,
            stage: l.stage,
            position: i,
            products: l.products,
            industryCodes: l.industryCodes,
            templateLinkKey: l.key,
          })),
        );
        await audit(tx, actorOf(s, requestId), {
          zoneId: sector.zoneId,
          action: 'chain.create',
          entityType: 'chain',
          entityId: c.id,
          after: { ...c, links: links.map((l) => l.name) },
        });
        return c.id;
      });
      return view(s, chainId);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateChainBody>, requestId: string) {
      const before = await loadChain(s, id, 'chain.update');
      assertVersion(before, body.version);
      if (body.sectorId && body.sectorId !== before.sectorId) {
        const sector = await repo.sector(db, body.sectorId);
        if (!sector || sector.zoneId !== before.zoneId) throw fieldError('sectorId', 'unknown_sector');
      }
      if (body.name && body.name !== before.name && (await repo.chainByName(db, before.zoneId, body.name)))
        throw fieldError('name', 'chain_name_taken', 'DUPLICATE');
      const { version, weakMinOutputWan, ...rest } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateChain(tx, id, version, { ...rest, ...(weakMinOutputWan !== undefined ? { weakMinOutputYuan: weakMinOutputWan } : {}) });
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'chain.update', entityType: 'chain', entityId: id, before, after });
      });
      return view(s, id);
    },

    // ── links ─────────────────────────────────────────────────────────────────────────────────
    async addLink(s: SessionContext, chainId: string, body: z.infer<typeof linkBody>, requestId: string) {
      const chain = await loadChain(s, chainId, 'chain.update');
      await checkParent(chain, null, body.parentLinkId);
      await checkLinkName(chain, body.name);
      const row = await db.transaction(async (tx) => {
        const [l] = await repo.insertLinks(tx, [
          {
            zoneId: chain.zoneId,
            chainId,
            parentLinkId: body.parentLinkId ?? null,
            name: body.name,
            description: body.description ?? null,
            stage: body.stage,
            position: body.position ?? 0,
            products: body.products ?? [],
            industryCodes: body.industryCodes ?? [],
          },
        ]);
        await audit(tx, actorOf(s, requestId), { zoneId: chain.zoneId, action: 'chain_link.create', entityType: 'chain_link', entityId: l.id, after: l });
        return l;
      });
      return this.linkFigures(s, row.id);
    },

    /** One link as the chain view shows it. */
    async linkFigures(s: SessionContext, linkId: string) {
      const link = await loadLink(s, linkId);
      const chain = await repo.chain(db, link.chainId);
      const [row] = await repo.linkRows(db, sql`c.zone_id = ${link.zoneId}::uuid and c.id = ${link.chainId}::uuid and l.id = ${linkId}::uuid`);
      return publicLink(presentLink(row, { weakMinEnterprises: chain!.weakMinEnterprises, weakMinOutputYuan: chain!.weakMinOutputYuan }));
    },

    async updateLink(s: SessionContext, id: string, body: z.infer<typeof updateLinkBody>, requestId: string) {
      const before = await loadLink(s, id, 'chain.update');
      assertVersion(before, body.version);
      const chain = { id: before.chainId, zoneId: before.zoneId };
      if (body.parentLinkId !== undefined) await checkParent(chain, id, body.parentLinkId);
      if (body.name && body.name !== before.name) await checkLinkName(chain, body.name, id);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateLink(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'chain_link.update', entityType: 'chain_link', entityId: id, before, after });
      });
      return this.linkFigures(s, id);
    },

    async deleteLink(s: SessionContext, id: string, requestId: string) {
      const before = await loadLink(s, id, 'chain.update');
      if (await repo.linkHasLeads(db, before.zoneId, id)) throw fieldError('id', 'link_has_leads');
      await db.transaction(async (tx) => {
        await repo.deleteLink(tx, before);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'chain_link.delete', entityType: 'chain_link', entityId: id, before });
      });
      return { ok: true as const };
    },

    /** A link's enterprises, projects, leads and targets (the chain view's side panel). */
    async link(s: SessionContext, id: string) {
      const link = await loadLink(s, id);
      const chain = await repo.chain(db, link.chainId);
      const sector = await repo.sector(db, chain!.sectorId);
      const [figures, placements, projects, leadRows, targets] = await Promise.all([
        this.linkFigures(s, id),
        repo.placementsOf(db, link.zoneId, id),
        repo.projectsOfLink(db, link.zoneId, id),
        repo.leadsOfLink(db, link.zoneId, id),
        repo.targetsWhere(db, sql`t.zone_id = ${link.zoneId}::uuid and t.link_id = ${id}::uuid`),
      ]);
      return {
        link: { ...figures, chainName: chain!.name, sectorName: sector!.name },
        enterprises: placements.map((p) => ({
          id: p.id,
          linkId: p.link_id,
          enterpriseId: p.enterprise_id,
          name: p.name,
          creditCode: p.credit_code,
          role: p.role,
          note: p.note,
          version: p.version,
          latestYear: p.latest_year,
          outputYuan: numOrNull(p.output_yuan),
          taxYuan: numOrNull(p.tax_yuan),
          honours: p.honours ?? [],
        })),
        projects: projects.map((p) => ({
          id: p.id,
          projectId: p.project_id,
          name: p.name,
          stage: p.stage,
          totalInvestmentYuan: numOrNull(p.total_investment_yuan),
        })),
        leads: leadRows.map((l) => ({
          id: l.id,
          code: l.code,
          name: l.name,
          stage: l.stage as never,
          status: l.status as never,
          enterpriseName: l.enterprise_name,
          plannedInvestmentYuan: numOrNull(l.planned_investment_yuan),
        })),
        targets: targets.map((t) => presentTarget(s, t)),
        actions: actionsFor(s, 'chainLink', link.zoneId),
      };
    },

    // ── enterprises, projects and leads on links ────────────────────────────────────────────────
    async placeEnterprise(s: SessionContext, linkId: string, body: z.infer<typeof placeEnterpriseBody>, requestId: string) {
      const link = await loadLink(s, linkId, 'chain.update');
      await checkEnterprise(body.enterpriseId);
      if (await repo.placementOf(db, link.zoneId, linkId, body.enterpriseId)) throw fieldError('enterpriseId', 'enterprise_on_link', 'DUPLICATE');
      const row = await db.transaction(async (tx) => {
        const p = await repo.insertPlacement(tx, {
          zoneId: link.zoneId,
          linkId,
          enterpriseId: body.enterpriseId,
          role: body.role,
          note: body.note ?? null,
          createdById: s.user.id,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: link.zoneId, action: 'chain_placement.create', entityType: 'chain_link', entityId: linkId, after: p });
        return p;
      });
      return this.placementView(s, row.id);
    },

    async placementView(s: SessionContext, id: string) {
      const p = await repo.placement(db, id);
      if (!p || !inScope(s, p.zoneId)) throw notFound();
      const row = (await this.link(s, p.linkId)).enterprises.find((e) => e.id === id)!;
      return row;
    },

    async updatePlacement(s: SessionContext, id: string, body: z.infer<typeof updatePlacementBody>, requestId: string) {
      const before = await repo.placement(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requirePermission(s, 'chain.update', before.zoneId);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updatePlacement(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'chain_placement.update',
          entityType: 'chain_link',
          entityId: before.linkId,
          before,
          after,
        });
      });
      return this.placementView(s, id);
    },

    async removePlacement(s: SessionContext, id: string, requestId: string) {
      const before = await repo.placement(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requirePermission(s, 'chain.update', before.zoneId);
      await db.transaction(async (tx) => {
        await repo.deletePlacement(tx, id);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'chain_placement.delete',
          entityType: 'chain_link',
          entityId: before.linkId,
          before,
        });
      });
      return { ok: true as const };
    },

    async placeProject(s: SessionContext, linkId: string, body: z.infer<typeof placeProjectBody>, requestId: string) {
      const link = await loadLink(s, linkId, 'chain.update');
      const project = await repo.projectZone(db, body.projectId);
      if (!project || project.zone_id !== link.zoneId) throw fieldError('projectId', 'unknown_project');
      if (await repo.linkProjectOf(db, link.zoneId, linkId, body.projectId)) throw fieldError('projectId', 'project_on_link', 'DUPLICATE');
      await db.transaction(async (tx) => {
        const row = await repo.insertLinkProject(tx, { zoneId: link.zoneId, linkId, projectId: body.projectId, createdById: s.user.id });
        await audit(tx, actorOf(s, requestId), { zoneId: link.zoneId, action: 'chain_project.create', entityType: 'chain_link', entityId: linkId, after: row });
      });
      return { ok: true as const };
    },

    async removeProject(s: SessionContext, id: string, requestId: string) {
      const before = await repo.linkProject(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requirePermission(s, 'chain.update', before.zoneId);
      await db.transaction(async (tx) => {
        await repo.deleteLinkProject(tx, id);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'chain_project.delete',
          entityType: 'chain_link',
          entityId: before.linkId,
          before,
        });
      });
      return { ok: true as const };
    },

    /** Puts an existing lead of the zone on this link, through the leads service (its version, its audit). */
    async attachLead(s: SessionContext, linkId: string, body: z.infer<typeof attachLeadBody>, requestId: string) {
      const link = await loadLink(s, linkId, 'chain.update');
      const lead = await repo.leadZone(db, body.leadId);
      if (!lead || lead.zone_id !== link.zoneId) throw fieldError('leadId', 'unknown_lead');
      const chain = await repo.chain(db, link.chainId);
      const sector = await repo.sector(db, chain!.sectorId);
      const patch = { version: body.version, chainLinkId: link.id, chainLink: link.name.slice(0, 60), sector: sector!.name.slice(0, 40) };
      await db.transaction((tx) =>
        leads.updateInTx(tx, s, body.leadId, patch as Parameters<typeof leads.updateInTx>[3], requestId, { provenance: { chainLinkId: link.id } }),
      );
      return { ok: true as const };
    },

    // ── targets ───────────────────────────────────────────────────────────────────────────────
    async chainTargets(s: SessionContext, chainId: string) {
      const chain = await loadChain(s, chainId);
      return (await repo.targetsWhere(db, sql`t.zone_id = ${chain.zoneId}::uuid and l.chain_id = ${chainId}::uuid`)).map((t) => presentTarget(s, t));
    },

    async addTarget(s: SessionContext, linkId: string, body: z.infer<typeof createTargetBody>, requestId: string) {
      const [row] = await addTargets(s, linkId, body.action, 'manual', [body], requestId, () => '');
      return row;
    },

    importTargets: (s: SessionContext, linkId: string, body: z.infer<typeof importTargetsBody>, requestId: string) =>
      addTargets(s, linkId, body.action, 'import', body.rows, requestId, (i) => `rows.${i}.`),

    async provinceCandidates(s: SessionContext, linkId: string) {
      const link = await loadLink(s, linkId);
      return (await repo.provinceCandidates(db, link)).map((r) => ({
        enterpriseId: r.enterprise_id,
        name: r.name,
        zoneId: r.zone_id,
        zoneName: r.zone_name,
        role: r.role,
        linkName: r.link_name,
      }));
    },

    async targetsFromProvince(s: SessionContext, linkId: string, body: z.infer<typeof targetsFromProvinceBody>, requestId: string) {
      const link = await loadLink(s, linkId, 'chain.update');
      const candidates = new Map((await repo.provinceCandidates(db, link)).map((c) => [c.enterprise_id, c]));
      const rows = body.enterpriseIds.map((id, i) => {
        const c = candidates.get(id);
        if (!c) throw fieldError(`enterpriseIds.${i}`, 'unknown_enterprise');
        return { companyName: c.name, enterpriseId: id, regionName: c.zone_name, reason: `${c.zone_name}「${c.link_name}」环节企业` };
      });
      return addTargets(s, linkId, body.action, 'province', rows, requestId, (i) => `enterpriseIds.${i}.`);
    },

    async updateTarget(s: SessionContext, id: string, body: z.infer<typeof updateTargetBody>, requestId: string) {
      const before = await repo.target(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requirePermission(s, 'chain.update', before.zoneId);
      assertVersion(before, body.version);
      if (body.status && before.status === 'lead_made') throw fieldError('status', 'target_has_lead');
      await checkOwner(before.zoneId, body.ownerId);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateTarget(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'chain_target.update',
          entityType: 'chain_target',
          entityId: id,
          before,
          after,
        });
      });
      return (await targetsByIds(s, [id]))[0];
    },

    /**
     * 一键生成招商线索: one lead per open target, prefilled with the link, its sector and 产业链招商,
     * made through the leads service in one transaction (all or none); each target then names its lead.
     */
    async makeLeads(s: SessionContext, body: z.infer<typeof makeLeadsBody>, requestId: string) {
      const targets: NonNullable<Awaited<ReturnType<ChainsRepository['target']>>>[] = [];
      for (const [i, id] of body.targetIds.entries()) {
        const t = await repo.target(db, id);
        if (!t || !inScope(s, t.zoneId)) throw fieldError(`targetIds.${i}`, 'unknown_value');
        if (t.status === 'lead_made') throw fieldError(`targetIds.${i}`, 'target_has_lead', 'DUPLICATE');
        if (t.status === 'dropped') throw fieldError(`targetIds.${i}`, 'target_dropped');
        if (targets.some((x) => x.id === t.id)) throw fieldError(`targetIds.${i}`, 'duplicate_in_file');
        requirePermission(s, 'lead.create', t.zoneId);
        targets.push(t);
      }
      const made = await db.transaction(async (tx: Tx) => {
        const out = [];
        for (const t of targets) {
          const link = (await repo.link(tx, t.linkId))!;
          const chain = (await repo.chain(tx, link.chainId))!;
          const sector = (await repo.sector(tx, chain.sectorId))!;
          const input: LeadCreateInput & { chainLinkId: string } = {
            zoneId: t.zoneId,
            name: `${t.companyName}${link.name}项目`.slice(0, 100),
            enterpriseId: t.enterpriseId,
            method: 'chain',
            sector: sector.name.slice(0, 40),
            chainLink: link.name.slice(0, 60),
            chainAction: t.action,
            chainLinkId: link.id,
            nextStep: '初次对接',
            ...((t.ownerId ?? body.ownerId) ? { ownerId: t.ownerId ?? body.ownerId } : {}),
          };
          const lead = await leads.createInTx(tx, s, input, requestId, {
            eventNote: `产业链招商目标：${chain.name} · ${link.name}`,
            provenance: { chainTargetId: t.id, chainLinkId: link.id },
          });
          const after = await repo.updateTarget(tx, t.id, t.version, { status: 'lead_made', leadId: lead.id });
          await audit(tx, actorOf(s, requestId), {
            zoneId: t.zoneId,
            action: 'chain_target.lead',
            entityType: 'chain_target',
            entityId: t.id,
            before: { status: t.status },
            after: { status: after.status, leadId: lead.id },
          });
          out.push({ id: lead.id, code: lead.code, name: lead.name, targetId: t.id });
        }
        return out;
      });
      return {
        leads: made,
        targets: await targetsByIds(
          s,
          targets.map((t) => t.id),
        ),
      };
    },

    // ── roadmap ───────────────────────────────────────────────────────────────────────────────
    async roadmap(s: SessionContext, chainId: string) {
      const chain = await loadChain(s, chainId);
      const items = (await repo.roadmapWhere(db, sql`r.zone_id = ${chain.zoneId}::uuid and r.chain_id = ${chainId}::uuid`)).map((r) => ({
        item: presentRoadmapItem(s, r),
        meetings: r.trip_meetings,
      }));
      return {
        chainId,
        items: items.map((i) => i.item),
        outcomes: {
          done: items.filter((i) => i.item.status === 'done').length,
          planned: items.filter((i) => i.item.status === 'planned').length,
          leads: new Set(items.map((i) => i.item.leadId).filter(Boolean)).size,
          tripMeetings: items.reduce((n, i) => n + i.meetings, 0),
        },
        actions: actionsFor(s, 'chain', chain.zoneId),
      };
    },

    async addRoadmapItem(s: SessionContext, chainId: string, body: z.infer<typeof createRoadmapItemBody>, requestId: string) {
      const chain = await loadChain(s, chainId, 'chain.update');
      await this.checkRoadmap(chain, body);
      const row = await db.transaction(async (tx) => {
        const r = await repo.insertRoadmapItem(tx, { ...body, zoneId: chain.zoneId, chainId });
        await audit(tx, actorOf(s, requestId), {
          zoneId: chain.zoneId,
          action: 'chain_roadmap.create',
          entityType: 'chain_roadmap_item',
          entityId: r.id,
          after: r,
        });
        return r;
      });
      return this.roadmapItemView(s, row.id);
    },

    async updateRoadmapItem(s: SessionContext, id: string, body: z.infer<typeof updateRoadmapItemBody>, requestId: string) {
      const before = await repo.roadmapItem(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requirePermission(s, 'chain.update', before.zoneId);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      await this.checkRoadmap({ id: before.chainId, zoneId: before.zoneId }, { ...before, ...patch });
      await db.transaction(async (tx) => {
        const after = await repo.updateRoadmapItem(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'chain_roadmap.update',
          entityType: 'chain_roadmap_item',
          entityId: id,
          before,
          after,
        });
      });
      return this.roadmapItemView(s, id);
    },

    async checkRoadmap(
      chain: { id: string; zoneId: string },
      v: {
        linkId?: string | null;
        ownerId?: string | null;
        tripId?: string | null;
        leadId?: string | null;
        targetEnterpriseId?: string | null;
        plannedOn?: string | null;
        plannedUntil?: string | null;
      },
    ) {
      if (v.linkId) {
        const link = await repo.link(db, v.linkId);
        if (!link || link.zoneId !== chain.zoneId) throw fieldError('linkId', link ? 'link_other_zone' : 'unknown_chain_link');
        if (link.chainId !== chain.id) throw fieldError('linkId', 'link_other_chain');
      }
      await checkOwner(chain.zoneId, v.ownerId);
      if (v.tripId && (await repo.tripZone(db, v.tripId)) !== chain.zoneId) throw fieldError('tripId', 'unknown_value');
      if (v.leadId && (await repo.leadZone(db, v.leadId))?.zone_id !== chain.zoneId) throw fieldError('leadId', 'unknown_lead');
      await checkEnterprise(v.targetEnterpriseId, 'targetEnterpriseId');
      if (v.plannedOn && v.plannedUntil && v.plannedUntil < v.plannedOn) throw fieldError('plannedUntil', 'dates_order');
    },

    async roadmapItemView(s: SessionContext, id: string) {
      const [r] = await repo.roadmapWhere(db, sql`r.id = ${id}::uuid and ${inZones(s, 'r.zone_id')}`);
      if (!r) throw notFound();
      return presentRoadmapItem(s, r);
    },

    // ── the province: one chain across zones ────────────────────────────────────────────────────
    async province(s: SessionContext, key: string, zoneId?: string) {
      const template = templateByKey.get(key);
      if (!template) throw notFound();
      const list = await chainsWithLinks(s, sql`c.template_key = ${key} and ${inZones(s, 'c.zone_id', zoneId)}`);
      const zones = list.map((c) => ({
        zoneId: c.chain.zoneId,
        zoneName: c.chain.zoneName,
        chainId: c.chain.id,
        chainName: c.chain.name,
        completenessPercent: c.chain.stats.completenessPercent,
      }));
      const links = template.links.map((tl) => {
        const cells = list.flatMap((c) => {
          const l = c.links.find((x) => x.templateLinkKey === tl.key);
          return l ? [{ zoneId: c.chain.zoneId, enterpriseCount: l.enterpriseCount, leaders: l.leaders.map((x) => x.name), strength: l.strength }] : [];
        });
        return { key: tl.key, name: tl.name, stage: tl.stage, zonesHolding: cells.filter((c) => c.enterpriseCount > 0).length, cells };
      });
      return { template: { key: template.key, name: template.name }, zones, links };
    },
  };
}

export type ChainsService = ReturnType<typeof createChainsService>;

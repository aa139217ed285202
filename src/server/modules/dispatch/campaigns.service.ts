/**
 * 三个一批 campaigns: a zone's quarter with its three lists of nominations (提名), achievement derived
 * from the records (campaign-achievement.ts), the rates, the page's explanation and the tracking
 * sheet, all from one derivation.
 */
import type { z } from 'zod';
import { campaignGapText, type createCampaignBody, type createEntryBody, type updateCampaignBody, type updateEntryBody } from '../../../contract/dispatch.ts';
import type { CampaignBatch } from '../../../contract/dispatch-enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { actionsFor, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { documents } from './blocker-documents.service.ts';
import { computeRates } from './campaign-rates.ts';
import { deriveCampaign, firstInvestment, quarterRange, type CampaignFacts, type DerivedCampaign, type DerivedEntry } from './campaign-achievement.ts';
import type { CampaignEntryRow, CampaignRow } from './campaigns.repository.ts';
import type { DispatchContext } from './dispatch.context.ts';

const quarterNames = ['一', '二', '三', '四'];

/** An entry as the contract shows it (the sheet's extra date fields stay inside). */
const presentEntry = (e: DerivedEntry) => ({
  id: e.id,
  campaignId: e.campaignId,
  batch: e.batch,
  nominated: e.nominated,
  projectId: e.projectId,
  leadId: e.leadId,
  name: e.name,
  plannedAmountYuan: e.plannedAmountYuan,
  achieved: e.achieved,
  status: e.status,
  statusOn: e.statusOn,
  achievedAmountYuan: e.achievedAmountYuan,
  agreementId: e.agreementId,
  outputReached: e.outputReached,
  stage: e.stage,
  reason: e.reason,
  arrivedYuan: e.arrivedYuan,
  sortOrder: e.sortOrder,
  version: e.version,
});

export function createCampaignsService(ctx: DispatchContext) {
  const { db, repo, audit, requireZone, requireOwnZone, scopeOf } = ctx;

  async function campaignInScope(s: SessionContext, id: string) {
    const c = await repo.campaigns.findCampaign(db, id);
    if (!c || !inScope(s, c.zoneId)) throw notFound();
    return c;
  }

  /** Loads the records the campaigns' nominations are derived from and derives each campaign. */
  async function derive(d: DbOrTx, cs: CampaignRow[], entries: CampaignEntryRow[]): Promise<Map<string, DerivedCampaign>> {
    const projectIds = [...new Set(entries.map((e) => e.projectId).filter((p): p is string => Boolean(p)))];
    const projects = await repo.campaigns.projectFacts(d, projectIds);
    const leadIds = [
      ...new Set(
        [...entries.map((e) => e.leadId), ...projects.filter((p) => projectIds.includes(p.id)).map((p) => p.leadId)].filter((l): l is string => Boolean(l)),
      ),
    ];
    const out = new Map<string, DerivedCampaign>();
    const projectMap = new Map(projects.map((p) => [p.id, p]));
    const eventIds = cs.map((c) => c.signingEventId).filter((e): e is string => Boolean(e));
    // One read of the agreements for every campaign: a province's year is hundreds of campaigns.
    const agreements = await repo.campaigns.agreementFacts(d, leadIds, eventIds);
    const leads = await repo.campaigns.leadFacts(d, [...new Set([...leadIds, ...agreements.map((a) => a.leadId)])]);
    const leadNames = new Map(leads.map((l) => [l.id, l.name]));
    for (const c of cs) {
      const facts: CampaignFacts = { signingEventId: c.signingEventId, projects: projectMap, agreements, leadNames };
      out.set(
        c.id,
        deriveCampaign(
          c,
          entries.filter((e) => e.campaignId === c.id),
          facts,
        ),
      );
    }
    return out;
  }

  async function presentCampaigns(s: SessionContext, d: DbOrTx, cs: CampaignRow[]) {
    const entries = await repo.campaigns.entries(
      d,
      cs.map((c) => c.id),
    );
    const derived = await derive(d, cs, entries);
    const events = new Map(
      (
        await repo.campaigns.signingEvents(
          d,
          cs.map((c) => c.signingEventId).filter((e): e is string => Boolean(e)),
        )
      ).map((e) => [e.id, e]),
    );
    return cs.map((c) => {
      const dc = derived.get(c.id)!;
      return {
        campaign: {
          id: c.id,
          zoneId: c.zoneId,
          year: c.year,
          quarter: c.quarter,
          name: c.name,
          eventOn: c.eventOn,
          signingEvent: c.signingEventId ? (events.get(c.signingEventId) ?? null) : null,
          rates: dc.rates,
          version: c.version,
          actions: actionsFor(s, 'campaign', c.zoneId),
        },
        derived: dc,
      };
    });
  }

  async function get(s: SessionContext, id: string) {
    const c = await campaignInScope(s, id);
    const [{ campaign, derived }] = await presentCampaigns(s, db, [c]);
    return { ...campaign, entries: derived.entries.map(presentEntry), gaps: derived.gaps };
  }

  /** The event day and the signing event must lie in the campaign's quarter and zone. */
  async function checkEvent(zoneId: string, year: number, quarter: number, v: { eventOn?: string | null; signingEventId?: string | null }, exceptId?: string) {
    const q = quarterRange(year, quarter);
    if (v.eventOn && (v.eventOn < q.start || v.eventOn > q.end)) throw fieldError('eventOn', 'event_outside_quarter');
    if (v.signingEventId) {
      const e = await repo.campaigns.signingEvent(db, v.signingEventId);
      if (!e || e.zoneId !== zoneId) throw fieldError('signingEventId', 'signing_event_not_in_zone');
      if (e.heldOn < q.start || e.heldOn > q.end) throw fieldError('signingEventId', 'event_outside_quarter');
      if (await repo.campaigns.campaignOfSigningEvent(db, v.signingEventId, exceptId)) throw fieldError('signingEventId', 'signing_event_taken', 'DUPLICATE');
    }
  }

  /**
   * The nomination rules (the web form and any importer of 三个一批 lists use them): what a batch takes,
   * the zone, and that the record can still be achieved in this quarter. Answers the row to insert.
   */
  async function nomination(d: DbOrTx, c: CampaignRow, body: z.infer<typeof createEntryBody>) {
    const batch: CampaignBatch = body.batch;
    if (body.projectId && body.leadId) throw fieldError('leadId', 'project_or_lead');
    const q = quarterRange(c.year, c.quarter);
    let name = body.name?.trim() || null;
    let planned = body.plannedAmountWan ?? null;
    let leadKey: string | null = null;
    if (batch !== 'sign' && !body.projectId) throw fieldError('projectId', 'entry_project_required');
    if (batch === 'sign' && !body.projectId && !body.leadId) throw fieldError('leadId', 'entry_target_required');
    if (body.projectId) {
      const [p] = await repo.campaigns.projectFacts(d, [body.projectId]);
      if (!p || p.zoneId !== c.zoneId) throw fieldError('projectId', 'project_not_in_zone');
      name ??= p.name;
      planned ??= p.totalInvestmentYuan;
      if (batch === 'start' && p.startOn && p.startOn < q.start) throw fieldError('projectId', 'already_started');
      if (batch === 'production' && p.productionOn && p.productionOn < q.start) throw fieldError('projectId', 'already_in_production');
      if (batch === 'sign') {
        if (!p.leadId) throw fieldError('projectId', 'project_has_no_lead');
        leadKey = p.leadId;
      }
    } else if (body.leadId) {
      const [l] = await repo.campaigns.leadFacts(d, [body.leadId]);
      if (!l || l.zoneId !== c.zoneId) throw fieldError('leadId', 'lead_not_in_zone');
      name ??= l.name;
      planned ??= l.plannedInvestmentYuan;
      leadKey = l.id;
    }
    if (batch === 'sign' && leadKey) {
      const first = firstInvestment(await repo.campaigns.agreementFacts(d, [leadKey], []), leadKey);
      if (first && first.signedOn < q.start) throw fieldError(body.projectId ? 'projectId' : 'leadId', 'already_signed');
    }
    const existing = await repo.campaigns.entries(d, [c.id]);
    const same = existing.filter((e) => e.batch === batch);
    let dup = same.some((e) => (body.projectId && e.projectId === body.projectId) || (body.leadId && e.leadId === body.leadId));
    if (!dup && batch === 'sign' && leadKey) {
      // The same lead nominated once through its project and once directly is one signing.
      const viaProjects = await repo.campaigns.projectFacts(
        d,
        same.map((e) => e.projectId).filter((p): p is string => Boolean(p)),
      );
      dup = same.some((e) => e.leadId === leadKey) || viaProjects.some((p) => p.leadId === leadKey);
    }
    if (dup) throw fieldError(body.projectId ? 'projectId' : 'leadId', 'already_in_list', 'DUPLICATE');
    return {
      zoneId: c.zoneId,
      campaignId: c.id,
      batch,
      projectId: body.projectId ?? null,
      leadId: body.leadId ?? null,
      name: name!,
      plannedAmountYuan: planned,
      sortOrder: same.length + 1,
    };
  }

  async function entryInScope(s: SessionContext, id: string) {
    const e = await repo.campaigns.findEntry(db, id);
    if (!e || !inScope(s, e.zoneId)) throw notFound();
    return e;
  }
  async function presentOne(s: SessionContext, campaignId: string, entryId: string) {
    const detail = await get(s, campaignId);
    return detail.entries.find((e) => e.id === entryId)!;
  }

  return {
    /** The record check of the routes: a campaign within the caller's zones. */
    async inCallerScope(s: SessionContext, id: string) {
      const c = await repo.campaigns.findCampaign(db, id);
      return c !== undefined && inScope(s, c.zoneId);
    },
    /** The record check of the routes: a campaign entry within the caller's zones. */
    async entryInCallerScope(s: SessionContext, id: string) {
      const e = await repo.campaigns.findEntry(db, id);
      return e !== undefined && inScope(s, e.zoneId);
    },

    async list(s: SessionContext, q: { zoneId?: string; year?: number }) {
      const rows = await repo.campaigns.listCampaigns(db, scopeOf(s, q.zoneId), q.year);
      return (await presentCampaigns(s, db, rows)).map((r) => r.campaign);
    },

    get,

    async create(s: SessionContext, body: z.infer<typeof createCampaignBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'campaign.manage', body.zoneId);
      if (await repo.campaigns.campaignOfQuarter(db, body.zoneId, body.year, body.quarter)) throw fieldError('quarter', 'campaign_exists', 'DUPLICATE');
      await checkEvent(body.zoneId, body.year, body.quarter, body);
      const c = await db.transaction(async (tx) => {
        const row = await repo.campaigns.insertCampaign(tx, {
          zoneId: body.zoneId,
          year: body.year,
          quarter: body.quarter,
          name: body.name ?? `${body.year}年第${quarterNames[body.quarter - 1]}季度“三个一批”活动`,
          eventOn: body.eventOn ?? null,
          signingEventId: body.signingEventId ?? null,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: row.zoneId, action: 'campaign.create', entityType: 'campaign', entityId: row.id, after: row });
        return row;
      });
      return get(s, c.id);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateCampaignBody>, requestId: string) {
      const before = await campaignInScope(s, id);
      requireZone(s, 'campaign.manage', before.zoneId);
      assertVersion(before, body.version);
      await checkEvent(before.zoneId, before.year, before.quarter, body, id);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await repo.campaigns.updateCampaign(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'campaign.update', entityType: 'campaign', entityId: id, before, after });
      });
      return get(s, id);
    },

    async addEntry(s: SessionContext, campaignId: string, body: z.infer<typeof createEntryBody>, requestId: string) {
      const c = await campaignInScope(s, campaignId);
      requireZone(s, 'campaign.manage', c.zoneId);
      const values = await nomination(db, c, body);
      const row = await db.transaction(async (tx) => {
        const e = await repo.campaigns.insertEntry(tx, values);
        await audit(tx, actorOf(s, requestId), { zoneId: c.zoneId, action: 'campaign.entry_add', entityType: 'campaign', entityId: campaignId, after: e });
        return e;
      });
      return presentOne(s, campaignId, row.id);
    },

    /** For importers of 三个一批 lists: the same rules as the form, inside the caller's transaction. */
    nominationInTx: (tx: DbOrTx, c: CampaignRow, body: z.infer<typeof createEntryBody>) => nomination(tx, c, body),

    async updateEntry(s: SessionContext, id: string, body: z.infer<typeof updateEntryBody>, requestId: string) {
      const before = await entryInScope(s, id);
      requireZone(s, 'campaign.manage', before.zoneId);
      assertVersion(before, body.version);
      await db.transaction(async (tx) => {
        const row = await repo.campaigns.updateEntry(tx, id, body.version, {
          ...(body.reason !== undefined ? { reason: body.reason?.trim() || null } : {}),
          ...(body.plannedAmountWan !== undefined ? { plannedAmountYuan: body.plannedAmountWan } : {}),
          ...(body.arrivedWan !== undefined ? { arrivedYuan: body.arrivedWan } : {}),
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'campaign.entry_update',
          entityType: 'campaign',
          entityId: before.campaignId,
          before,
          after: row,
        });
      });
      return presentOne(s, before.campaignId, id);
    },

    async removeEntry(s: SessionContext, id: string, requestId: string) {
      const before = await entryInScope(s, id);
      requireZone(s, 'campaign.manage', before.zoneId);
      await db.transaction(async (tx) => {
        await repo.campaigns.deleteEntry(tx, id);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'campaign.entry_remove',
          entityType: 'campaign',
          entityId: before.campaignId,
          before,
        });
      });
      return { ok: true as const };
    },

    async trackingXlsx(s: SessionContext, id: string) {
      const c = await campaignInScope(s, id);
      const [{ derived }] = await presentCampaigns(s, db, [c]);
      const zone = (await repo.refs.zoneName(db, c.zoneId))!;
      const rows = derived.entries.map((e) => ({
        batch: e.batch,
        name: e.name,
        nominated: e.nominated,
        signedOn: e.signedOn,
        agreedAmountYuan: e.batch === 'sign' ? (e.achievedAmountYuan ?? e.plannedAmountYuan) : e.plannedAmountYuan,
        startOn: e.startOn,
        productionOn: e.productionOn,
        outputReached: e.outputReached,
        arrivedYuan: e.arrivedYuan,
        achieved: e.achieved,
        status: e.status,
        statusOn: e.statusOn,
        reason: e.reason,
      }));
      const gaps = derived.gaps.map((g) => campaignGapText(g, 'zh')).filter(Boolean);
      const buffer = await (await documents()).buildCampaignSheet(`${zone.shortName}${c.name}推进情况表`, rows, derived.rates, gaps);
      return { buffer, fileName: `三个一批-${c.year}Q${c.quarter}.xlsx` };
    },

    /** 签约完成率, 开工率, 投产率, 达效率 per zone (all its campaigns of the year) and per batch. */
    async zoneRates(s: SessionContext, year: number) {
      const rows = await repo.campaigns.listCampaigns(db, scopeOf(s), year);
      const entries = await repo.campaigns.entries(
        db,
        rows.map((r) => r.id),
      );
      const derived = await derive(db, rows, entries);
      const zones = await repo.refs.zoneNames(db, [...new Set(rows.map((r) => r.zoneId))]);
      return zones.map((z) => {
        const mine = rows.filter((r) => r.zoneId === z.id).sort((a, b) => a.quarter - b.quarter);
        return {
          zoneId: z.id,
          zoneName: z.shortName,
          rates: computeRates(mine.flatMap((m) => derived.get(m.id)!.entries)),
          batches: mine.map((c) => ({ campaignId: c.id, quarter: c.quarter, name: c.name, rates: derived.get(c.id)!.rates })),
        };
      });
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;

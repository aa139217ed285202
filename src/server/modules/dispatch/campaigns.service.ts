/** 三个一批 campaigns: a zone's quarter with its three lists, event-day confirmation, rates, the tracking sheet. */
import type { z } from 'zod';
import type { confirmEntryBody, createCampaignBody, createEntryBody, updateCampaignBody } from '../../../contract/dispatch.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { documents } from './blocker-documents.service.ts';
import { computeRates } from './campaign-rates.ts';
import type { DispatchContext } from './dispatch.context.ts';
import { presentCampaign, presentEntry } from './dispatch.presenters.ts';

const quarterNames = ['一', '二', '三', '四'];

export function createCampaignsService(ctx: DispatchContext) {
  const { db, repo, audit, requireZone, requireOwnZone, scopeOf } = ctx;

  async function campaignInScope(s: SessionContext, id: string) {
    const c = await repo.campaigns.findCampaign(db, id);
    if (!c || !inScope(s, c.zoneId)) throw notFound();
    return c;
  }
  async function get(s: SessionContext, id: string) {
    const c = await campaignInScope(s, id);
    const entries = await repo.campaigns.entries(db, [id]);
    return { ...presentCampaign(s, c, entries), entries: entries.map(presentEntry) };
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
      const entries = await repo.campaigns.entries(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((c) =>
        presentCampaign(
          s,
          c,
          entries.filter((e) => e.campaignId === c.id),
        ),
      );
    },

    get,

    async create(s: SessionContext, body: z.infer<typeof createCampaignBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'campaign.manage', body.zoneId);
      if (await repo.campaigns.campaignOfQuarter(db, body.zoneId, body.year, body.quarter)) throw fieldError('quarter', 'campaign_exists', 'DUPLICATE');
      const c = await db.transaction(async (tx) => {
        const row = await repo.campaigns.insertCampaign(tx, {
          zoneId: body.zoneId,
          year: body.year,
          quarter: body.quarter,
          name: body.name ?? `${body.year}年第${quarterNames[body.quarter - 1]}季度“三个一批”活动`,
          eventOn: body.eventOn ?? null,
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
      const batch = body.batch;
      if (body.projectId && body.leadId) throw fieldError('leadId', 'project_or_lead');
      let name = body.name?.trim() || null;
      let planned = body.plannedAmountWan ?? null;
      if (body.projectId) {
        const p = await repo.refs.project(db, body.projectId);
        if (!p || p.zoneId !== c.zoneId) throw fieldError('projectId', 'project_not_in_zone');
        name ??= p.name;
        planned ??= p.totalInvestmentYuan;
      } else if (body.leadId) {
        const l = await repo.refs.lead(db, body.leadId);
        if (!l || l.zoneId !== c.zoneId) throw fieldError('leadId', 'lead_not_in_zone');
        name ??= l.name;
        planned ??= l.plannedInvestmentYuan;
      }
      if (!name) throw fieldError('projectId', 'entry_target_required');
      const existing = await repo.campaigns.entries(db, [campaignId]);
      if (existing.some((e) => e.batch === batch && ((body.projectId && e.projectId === body.projectId) || (body.leadId && e.leadId === body.leadId))))
        throw fieldError(body.projectId ? 'projectId' : 'leadId', 'already_in_list', 'DUPLICATE');
      if (await repo.campaigns.countedElsewhere(db, batch, body)) throw fieldError(body.projectId ? 'projectId' : 'leadId', 'already_counted', 'DUPLICATE');
      const row = await db.transaction(async (tx) => {
        const e = await repo.campaigns.insertEntry(tx, {
          zoneId: c.zoneId,
          campaignId,
          batch,
          projectId: body.projectId ?? null,
          leadId: body.leadId ?? null,
          name: name!,
          plannedAmountYuan: planned,
          sortOrder: existing.filter((x) => x.batch === batch).length + 1,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: c.zoneId, action: 'campaign.entry_add', entityType: 'campaign', entityId: campaignId, after: e });
        return e;
      });
      return presentEntry(row);
    },

    async confirmEntry(s: SessionContext, id: string, body: z.infer<typeof confirmEntryBody>, requestId: string) {
      const before = await repo.campaigns.findEntry(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requireZone(s, 'campaign.manage', before.zoneId);
      const confirmed = body.confirmed === undefined ? before.confirmed : body.confirmed;
      const reason = body.reason !== undefined ? body.reason?.trim() : confirmed === false ? before.reason : null;
      if (confirmed === false && !reason) throw fieldError('reason', 'confirm_reason_required');
      if (body.outputReached && before.batch !== 'production') throw fieldError('outputReached', 'output_needs_production');
      if (body.confirmed === true && (await repo.campaigns.countedElsewhere(db, before.batch, before, id)))
        throw fieldError(before.projectId ? 'projectId' : 'leadId', 'already_counted', 'DUPLICATE');
      assertVersion(before, body.version);
      const after = await db.transaction(async (tx) => {
        const row = await repo.campaigns.updateEntry(tx, id, body.version, {
          ...(body.confirmed !== undefined ? { confirmed: body.confirmed } : {}),
          reason: body.reason !== undefined ? body.reason?.trim() || null : body.confirmed === true || body.confirmed === null ? null : before.reason,
          ...(body.actualOn !== undefined ? { actualOn: body.actualOn } : {}),
          ...(body.actualAmountWan !== undefined ? { actualAmountYuan: body.actualAmountWan } : {}),
          ...(body.arrivedWan !== undefined ? { arrivedYuan: body.arrivedWan } : {}),
          ...(body.outputReached !== undefined ? { outputReached: body.outputReached } : {}),
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'campaign.entry_confirm',
          entityType: 'campaign',
          entityId: before.campaignId,
          before,
          after: row,
        });
        return row;
      });
      return presentEntry(after);
    },

    async trackingXlsx(s: SessionContext, id: string) {
      const c = await campaignInScope(s, id);
      const entries = await repo.campaigns.entries(db, [id]);
      const zone = (await repo.refs.zoneName(db, c.zoneId))!;
      const projectIds = entries.map((e) => e.projectId).filter((p): p is string => Boolean(p));
      const projectDates = new Map((await repo.refs.projectDates(db, projectIds)).map((p) => [p.id, p]));
      const rows = entries.map((e) => {
        const p = e.projectId ? projectDates.get(e.projectId) : undefined;
        const own = e.confirmed ? e.actualOn : null;
        return {
          batch: e.batch,
          name: e.name,
          signedOn: e.batch === 'sign' ? own : (p?.signedOn ?? null),
          agreedAmountYuan: e.actualAmountYuan ?? e.plannedAmountYuan,
          startOn: e.batch === 'start' ? own : (p?.startOn ?? null),
          productionOn: e.batch === 'production' ? own : (p?.productionOn ?? null),
          outputReached: e.outputReached,
          arrivedYuan: e.arrivedYuan,
          confirmed: e.confirmed,
          reason: e.reason,
        };
      });
      const buffer = await (await documents()).buildCampaignSheet(`${zone.shortName}${c.name}推进情况表`, rows, computeRates(entries));
      return { buffer, fileName: `三个一批-${c.year}Q${c.quarter}.xlsx` };
    },

    /** 签约完成率, 开工率, 投产率, 达效率 per zone (all its campaigns of the year) and per batch. */
    async zoneRates(s: SessionContext, year: number) {
      const rows = await repo.campaigns.listCampaigns(db, scopeOf(s), year);
      const entries = await repo.campaigns.entries(
        db,
        rows.map((r) => r.id),
      );
      const zones = await repo.refs.zoneNames(db, [...new Set(rows.map((r) => r.zoneId))]);
      return zones.map((z) => {
        const mine = rows.filter((r) => r.zoneId === z.id).sort((a, b) => a.quarter - b.quarter);
        const ids = new Set(mine.map((m) => m.id));
        return {
          zoneId: z.id,
          zoneName: z.shortName,
          rates: computeRates(entries.filter((e) => ids.has(e.campaignId))),
          batches: mine.map((c) => ({ campaignId: c.id, quarter: c.quarter, name: c.name, rates: computeRates(entries.filter((e) => e.campaignId === c.id)) })),
        };
      });
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;

/**
 * The leads (招商线索) service: the lead itself, its stage and status, conversion into a project,
 * the funnel and the workbench, composed with the services of the lead's other aggregates
 * (agreements, activities, trips, signing events, saved views, files), which share leads.shared.ts.
 */
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { BatchResult } from '../../../contract/batch.ts';
import type {
  batchAssignLeadsBody,
  changeStageBody,
  changeStatusBody,
  convertLeadBody,
  createLeadBody,
  listLeadsQuery,
  mergeLeadBody,
  updateLeadBody,
} from '../../../contract/leads.ts';
import { formatMoney } from '../../../contract/money.ts';
import { leadStages, leadStatuses, stageGates, stageLabels, statusLabels, type LeadStage } from '../../../contract/pipeline-enums.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { checkEach } from '../../platform/batch.ts';
import { chinaDaysFrom } from '../../platform/clock.ts';
import { listWorkbook } from '../../platform/list-export.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { can, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { countAgreements, signedTotal } from './counting.ts';
import { createActivitiesService } from './lead-activities.service.ts';
import { createAgreementRules, createAgreementsService } from './lead-agreements.service.ts';
import { createFilesService } from './lead-files.service.ts';
import { createMergeService } from './lead-merge.service.ts';
import { createSigningEventsService } from './lead-signing-events.service.ts';
import { createTripsService } from './lead-trips.service.ts';
import { createViewsService } from './lead-views.service.ts';
import type { LeadWithNames } from './leads.repository.ts';
import { createLeadsShared, type LeadCreateInput, type LeadsDeps, type LeadWriteOptions } from './leads.shared.ts';

export type { LeadCreateInput, LeadWriteOptions, ProjectsFromLead } from './leads.shared.ts';

/** The kinds of record an operation's `:id` names (the manifest's `records`). */
export type LeadRecordKind = 'lead' | 'trip' | 'leadFile' | 'leadView';

export function createLeadsService(deps: LeadsDeps) {
  const shared = createLeadsShared(deps);
  const {
    db,
    leads,
    audit,
    clock,
    today,
    present,
    zonesOf,
    targetZone,
    loadLead,
    ownersOfZone,
    checkOwner,
    checkEnterprise,
    checkPartners,
    fieldsOf,
    event,
    insertLead,
  } = shared;
  const agreementRules = createAgreementRules(shared);
  const merging = createMergeService(shared);

  async function get(s: SessionContext, id: string) {
    const lead = await loadLead(s, id);
    const [partners, agreementRows, files] = await Promise.all([leads.listPartners(db, id), leads.listAgreements(db, id), leads.listFiles(db, id)]);
    return {
      ...present(s, lead),
      partners: partners.map((p) => ({ id: p.id, kind: p.kind, name: p.name, enterpriseId: p.enterpriseId })),
      agreements: agreementRules.presentAgreements(agreementRows),
      files: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
      signedYuan: signedTotal(agreementRows),
    };
  }

  /**
   * Creates a lead inside the caller's transaction with the route's rules: zone and permission,
   * code unique in the zone (or the next ledger number), owner of the zone (default the creator),
   * known enterprise and partners, the created/owner events and the audit entry. `body` is the
   * parsed create body (amounts already in yuan).
   */
  async function createInTx(tx: Tx, s: SessionContext, body: LeadCreateInput, requestId: string, options: LeadWriteOptions = {}) {
    const zoneId = targetZone(s, body.zoneId);
    if (!can(s, 'lead.create', zoneId)) throw new AppError('FORBIDDEN');
    if (body.code && (await leads.findByCode(tx, zoneId, body.code))) throw fieldError('code', 'lead_code_taken', 'DUPLICATE');
    const owners = await ownersOfZone(tx, zoneId);
    const ownerId = body.ownerId === undefined ? (owners.some((o) => o.id === s.user.id) ? s.user.id : null) : body.ownerId;
    if (ownerId && !owners.some((o) => o.id === ownerId)) throw fieldError('ownerId', 'unknown_owner');
    await checkEnterprise(body.enterpriseId, 'enterpriseId', tx);
    await checkPartners(body.partners, tx);
    const values = { ...fieldsOf(body), ownerId, firstContactOn: body.firstContactOn ?? today(), ...(body.stage ? { stage: body.stage } : {}) };
    const row = await insertLead(tx, s, zoneId, values, requestId, body.partners, options);
    return present(s, (await leads.findById(tx, row.id))!);
  }

  /**
   * Updates a lead inside the caller's transaction with the route's rules: in scope, the version
   * read, unique code, owner of the zone, known enterprise and partners, the owner event and the
   * audit entry. `patch` is the parsed update body (with `version`).
   */
  async function updateInTx(tx: Tx, s: SessionContext, id: string, patch: z.infer<typeof updateLeadBody>, requestId: string, options: LeadWriteOptions = {}) {
    const before = await loadLead(s, id, 'lead.update', tx);
    assertVersion(before, patch.version);
    if (patch.code && patch.code !== before.code && (await leads.findByCode(tx, before.zoneId, patch.code)))
      throw fieldError('code', 'lead_code_taken', 'DUPLICATE');
    if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) await checkOwner(patch.ownerId, before.zoneId, tx);
    await checkEnterprise(patch.enterpriseId, 'enterpriseId', tx);
    await checkPartners(patch.partners, tx);
    const after = await leads.update(tx, id, patch.version, fieldsOf(patch));
    if (patch.partners) await leads.replacePartners(tx, before.zoneId, id, patch.partners);
    if (after.ownerId !== before.ownerId) await event(tx, s, after, 'owner', before.ownerId, after.ownerId);
    const { enterpriseName: _e, enterpriseCreditCode: _c, ownerName: _o, ...plain } = before;
    await audit(tx, actorOf(s, requestId), {
      zoneId: before.zoneId,
      action: 'lead.update',
      entityType: 'lead',
      entityId: id,
      before: plain,
      after: { ...after, ...options.provenance },
    });
    return present(s, (await leads.findById(tx, id))!);
  }

  const core = {
    present,
    createInTx,
    updateInTx,
    get,

    /** For the operations' `record` check: a record outside the caller's zones is not found, whatever the body. */
    async inCallerScope(s: SessionContext, kind: LeadRecordKind, id: string): Promise<boolean> {
      const zoneOf = {
        lead: async () => (await leads.findById(db, id))?.zoneId,
        trip: async () => (await leads.findTrip(db, id))?.zoneId,
        leadFile: async () => (await leads.findFile(db, id))?.zoneId,
        leadView: async () => undefined,
      };
      if (kind === 'leadView') return (await leads.findView(db, id))?.userId === s.user.id;
      const zoneId = await zoneOf[kind]();
      return Boolean(zoneId && inScope(s, zoneId));
    },

    async list(s: SessionContext, q: z.infer<typeof listLeadsQuery>) {
      const after = q.after === undefined ? undefined : decodeCursor(q.after);
      if (after && q.sort !== 'updatedAt') throw fieldError('after', 'cursor_needs_updated_at');
      const { items, total, nextCursor } = await leads.list(db, zonesOf(s, q.zoneId), q, { page: q.page, pageSize: q.pageSize, after }, today());
      return { items: items.map((l) => present(s, l)), total, page: q.page, pageSize: q.pageSize, nextCursor: nextCursor && encodeCursor(nextCursor) };
    },

    /** Every lead matching the filter, for the ledger export. */
    async listAll(s: SessionContext, q: Omit<z.infer<typeof listLeadsQuery>, 'page' | 'pageSize'>) {
      const { items } = await leads.list(db, zonesOf(s, q.zoneId), q, null, today());
      return items;
    },

    /** The form's create: the route's rules plus the duplicate check (refused unless overridden with a reason). */
    create: (s: SessionContext, body: z.infer<typeof createLeadBody>, requestId: string) =>
      db.transaction(async (tx) => {
        const zoneId = targetZone(s, body.zoneId);
        if (!can(s, 'lead.create', zoneId)) throw new AppError('FORBIDDEN');
        const options = await merging.checkDuplicates(tx, zoneId, { name: body.name, enterpriseId: body.enterpriseId ?? null }, body);
        return createInTx(tx, s, body, requestId, options);
      }),
    /** The form's edit: a new name or investor is checked for duplicates as a create is. */
    update: (s: SessionContext, id: string, body: z.infer<typeof updateLeadBody>, requestId: string) =>
      db.transaction(async (tx) => {
        const before = await loadLead(s, id, 'lead.update', tx);
        const name = body.name ?? before.name;
        const enterpriseId = body.enterpriseId === undefined ? before.enterpriseId : body.enterpriseId;
        const changed = name !== before.name || enterpriseId !== before.enterpriseId;
        const options = changed ? await merging.checkDuplicates(tx, before.zoneId, { name, enterpriseId, excludeId: id }, body) : {};
        return updateInTx(tx, s, id, body, requestId, options);
      }),

    /**
     * 批量指派负责人: each lead through updateInTx (the edit's rules, event and audit) on one
     * transaction; any refused row refuses the batch (BATCH_REFUSED names each), nothing saved.
     */
    batchAssign: (s: SessionContext, body: z.infer<typeof batchAssignLeadsBody>, requestId: string): Promise<BatchResult> =>
      db.transaction(async (tx) => {
        const out: { id: string; version: number }[] = [];
        await checkEach(body.items, async (item) => {
          const after = await updateInTx(tx, s, item.id, { version: item.version, ownerId: body.ownerId }, requestId);
          out.push({ id: after.id, version: after.version });
        });
        return { updated: out.length, items: out };
      }),

    /** The selected leads as an .xlsx (platform/list-export.ts); a row outside the caller's zones refuses it. */
    async exportSelected(s: SessionContext, ids: readonly string[]) {
      const found = new Map((await leads.findByIds(db, ids)).map((l) => [l.id, l]));
      await checkEach(
        ids.map((id) => ({ id })),
        async ({ id }) => {
          const l = found.get(id);
          if (!l || !inScope(s, l.zoneId)) throw new AppError('NOT_FOUND');
        },
      );
      const rows = [...found.values()];
      const zoneIds = new Set(rows.map((l) => l.zoneId));
      const zoneNames = new Map((await leads.zoneNames(db, [...zoneIds])).map((z) => [z.id, z.shortName]));
      const on = today();
      return listWorkbook({
        title: '招商线索（所选）',
        fileName: `招商线索-${on}.xlsx`,
        clock,
        rows,
        columns: [
          { header: '序号', width: 6, value: (l) => rows.indexOf(l) + 1 },
          ...(zoneIds.size > 1 ? [{ header: '开发区', width: 14, value: (l: LeadWithNames) => zoneNames.get(l.zoneId) ?? '' }] : []),
          { header: '线索编号', width: 14, value: (l) => l.code },
          { header: '项目名称', width: 32, value: (l) => l.name },
          { header: '投资方', width: 28, value: (l) => l.enterpriseName },
          { header: '阶段', width: 10, value: (l) => stageLabels[l.stage][0] },
          { header: '状态', width: 10, value: (l) => statusLabels[l.status][0] },
          { header: '计划投资', width: 14, value: (l) => (l.plannedInvestmentYuan == null ? null : formatMoney(Number(l.plannedInvestmentYuan))) },
          { header: '负责人', width: 10, value: (l) => l.ownerName },
          { header: '下一步', width: 28, value: (l) => l.nextStep },
          { header: '下一步日期', width: 12, value: (l) => l.nextStepOn },
        ],
      });
    },

    /** The leads a create or an edit would duplicate, for the form's warning. */
    duplicates: merging.duplicates,
    /** For other modules (imports, intake): the leads of a zone a new one would duplicate, inside their transaction. */
    findDuplicatesInTx: merging.findDuplicates,

    async merge(s: SessionContext, id: string, body: z.infer<typeof mergeLeadBody>, requestId: string) {
      const { moved } = await merging.merge(s, id, body, requestId);
      return { lead: await get(s, id), moved };
    },

    async changeStage(s: SessionContext, id: string, body: z.infer<typeof changeStageBody>, requestId: string) {
      const before = await loadLead(s, id, 'lead.update');
      assertVersion(before, body.version);
      if (before.status === 'lost' || before.status === 'terminated') throw fieldError('stage', 'lead_closed');
      if (before.stage === body.stage) throw fieldError('stage', 'lead_stage_same');
      const from = leadStages.indexOf(before.stage);
      const to = leadStages.indexOf(body.stage);
      // A move back is a setback the zone explains: its reason is kept in the stage history.
      const reason = body.reason?.trim() || null;
      if (to < from && !reason) throw fieldError('reason', 'stage_back_reason_required');
      await db.transaction(async (tx) => {
        if (body.agreement) await agreementRules.insertAgreement(tx, s, before, body.agreement, requestId, 'agreement.', body.stage);
        if (to > from) {
          const agreementRows = await leads.listAgreements(tx, id);
          // Every gated stage entered or jumped over needs its agreement, with date, amount and file.
          for (const stage of leadStages.slice(from + 1, to + 1)) {
            const kind = stageGates[stage as LeadStage];
            if (kind && !agreementRows.some((a) => a.kind === kind && a.fileId && a.amountYuan > 0)) throw fieldError('stage', `stage_gate_${stage}`);
          }
        }
        const after = await leads.update(tx, id, body.version, { stage: body.stage });
        const note = [reason, body.note?.trim()].filter(Boolean).join('；') || null;
        await event(tx, s, after, 'stage', before.stage, after.stage, note);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'lead.stage',
          entityType: 'lead',
          entityId: id,
          before: { stage: before.stage },
          after: { stage: after.stage, ...(reason ? { reason } : {}) },
        });
      });
      return get(s, id);
    },

    async changeStatus(s: SessionContext, id: string, body: z.infer<typeof changeStatusBody>, requestId: string) {
      const before = await loadLead(s, id, 'lead.update');
      assertVersion(before, body.version);
      if (!leadStatuses.includes(body.status)) throw fieldError('status', 'unknown_value');
      const closing = body.status === 'lost' || body.status === 'terminated' || body.status === 'delayed' || body.status === 'dormant';
      const patch = {
        status: body.status,
        statusReason: closing ? (body.reason ?? null) : null,
        lostToRegion: body.status === 'lost' ? (body.lostToRegion ?? null) : null,
        lostToRegionCode: body.status === 'lost' ? (body.lostToRegionCode ?? null) : null,
      };
      await db.transaction(async (tx) => {
        const after = await leads.update(tx, id, body.version, patch);
        const note = [body.reason, body.status === 'lost' ? `→ ${body.lostToRegion ?? body.lostToRegionCode}` : null].filter(Boolean).join(' ');
        await event(tx, s, after, 'status', before.status, after.status, note || null);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'lead.status',
          entityType: 'lead',
          entityId: id,
          before: { status: before.status, statusReason: before.statusReason, lostToRegion: before.lostToRegion },
          after: patch,
        });
      });
      return present(s, (await leads.findById(db, id))!);
    },

    async convert(s: SessionContext, id: string, body: z.infer<typeof convertLeadBody>, requestId: string) {
      const lead = await loadLead(s, id, 'lead.update');
      assertVersion(lead, body.version);
      if (lead.projectId) throw fieldError('stage', 'already_converted', 'DUPLICATE');
      if (lead.stage !== 'signed' && lead.stage !== 'registered') throw fieldError('stage', 'not_convertible');
      if (!deps.projects) throw fieldError('stage', 'projects_unavailable');
      const agreementRows = await leads.listAgreements(db, id);
      const firstSigning = [...countAgreements(agreementRows).entries()].find(([, c]) => c.countedAs === 'first_signing');
      const signedOn = firstSigning ? (agreementRows.find((a) => a.id === firstSigning[0])?.signedOn ?? null) : null;
      const projectId = await db.transaction(async (tx) => {
        const project = await deps.projects!.createFromLead(
          tx,
          s,
          {
            leadId: id,
            zoneId: lead.zoneId,
            name: lead.name,
            investorEnterpriseId: lead.enterpriseId,
            totalInvestmentYuan: signedTotal(agreementRows) || lead.plannedInvestmentYuan || 0,
            expectedOutputYuan: lead.plannedOutputYuan,
            sectorText: lead.sector,
            chainLinkText: lead.chainLink,
            signedOn,
            officerUserId: lead.ownerId,
          },
          requestId,
        );
        const after = await leads.update(tx, id, body.version, { projectId: project.id });
        await event(tx, s, after, 'converted', null, project.id);
        await audit(tx, actorOf(s, requestId), {
          zoneId: lead.zoneId,
          action: 'lead.convert',
          entityType: 'lead',
          entityId: id,
          after: { projectId: project.id },
        });
        return project.id;
      });
      return { lead: present(s, (await leads.findById(db, id))!), projectId };
    },

    /** The job leads.compact-stage-counts: each funnel key's delta rows folded into one, zone by zone; the rows folded. */
    async compactStageCounts(): Promise<number> {
      let folded = 0;
      for (const zoneId of await leads.zonesWithStageDeltas(db)) folded += await leads.compactStageCounts(db, zoneId);
      return folded;
    },

    async funnel(s: SessionContext, zoneId?: string) {
      const rows = await leads.funnel(db, zonesOf(s, zoneId));
      const stages = leadStages.map((stage) => {
        const mine = rows.filter((r) => r.stage === stage);
        return {
          stage,
          total: mine.reduce((n, r) => n + r.n, 0),
          byStatus: Object.fromEntries(leadStatuses.map((st) => [st, mine.filter((r) => r.status === st).reduce((n, r) => n + r.n, 0)])),
          plannedInvestmentYuan: mine.reduce((n, r) => n + r.planned, 0),
        };
      });
      return { stages, total: stages.reduce((n, st) => n + st.total, 0) };
    },

    /** People who may own leads in the caller's zones (or the one zone asked for). */
    owners: (s: SessionContext, zoneId?: string) => leads.owners(db, zonesOf(s, zoneId)),

    /** Workbench additions: the caller's own open leads and the follow-ups due within a week. */
    async workbench(s: SessionContext) {
      const until = chinaDaysFrom(clock, 7);
      const mine = zonesOf(s);
      const [myLeads, due] = await Promise.all([leads.myLeads(db, s.user.id, mine, 10), leads.followUpsDue(db, s.user.id, mine, until, 10)]);
      const brief = (l: LeadWithNames) => ({
        id: l.id,
        zoneId: l.zoneId,
        code: l.code,
        name: l.name,
        enterpriseName: l.enterpriseName,
        stage: l.stage,
        status: l.status,
        nextStep: l.nextStep,
        nextStepOn: l.nextStepOn,
        overdue: Boolean(l.nextStepOn && l.nextStepOn < today()),
      });
      return { myLeads: myLeads.map(brief), followUpsDue: due.map(brief) };
    },
  };

  return {
    ...core,
    ...createAgreementsService(shared, agreementRules),
    ...createActivitiesService(shared),
    ...createTripsService(shared),
    ...createSigningEventsService(shared),
    ...createViewsService(shared),
    ...createFilesService(shared),
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;

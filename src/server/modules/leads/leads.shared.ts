/**
 * What the leads module's services share: presenting a lead, loading one within the caller's
 * zones, the checks of its fields, events and the insert that numbers a new lead. Each aggregate's
 * service (core, agreements, activities, trips, signing events, views, files) is built on it.
 */
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import type { createLeadBody, updateLeadBody } from '../../../contract/leads.ts';
import type { LeadStage } from '../../../contract/pipeline-enums.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { zoneScope } from '../../platform/scope.ts';
import type { EnterprisesService } from '../enterprises/index.ts';
import { inZone, type LeadsRepository, type LeadWithNames, type ZoneFilter } from './leads.repository.ts';

/**
 * The projects module's conversion entry point (issue 3). Wired in the manifest when that module
 * exists; until then conversion answers that it is not available.
 */
export interface ProjectsFromLead {
  createFromLead(
    tx: Tx,
    session: SessionContext,
    input: {
      leadId: string;
      zoneId: string;
      name: string;
      investorEnterpriseId: string | null;
      totalInvestmentYuan: number;
      expectedOutputYuan: number | null;
      sectorText: string | null;
      chainLinkText: string | null;
      signedOn: string | null;
      officerUserId: string | null;
    },
    requestId: string,
  ): Promise<{ id: string }>;
}

export interface LeadsDeps {
  db: Db;
  leads: LeadsRepository;
  enterprises: Pick<EnterprisesService, 'exists' | 'findOrCreateInTx'>;
  audit: AuditWriter;
  clock: Clock;
  projects?: ProjectsFromLead;
}

/** A lead created by another module (intake, ledger): the parsed create body, and the stage it starts at. */
export type LeadCreateInput = z.infer<typeof createLeadBody> & { stage?: LeadStage; chainLinkId?: string | null };
/** How another module marks its writes: a note on the created event, provenance in the audit entry. */
export interface LeadWriteOptions {
  eventNote?: string;
  provenance?: Record<string, unknown>;
}

/** `chainLinkId` (the chain link the lead would fill) is set by the chains module, which checks the link's zone. */
export type LeadInput = Partial<z.infer<typeof createLeadBody>> & Partial<z.infer<typeof updateLeadBody>> & { chainLinkId?: string | null };

/** Midnight in China of a date, as the timeline's ISO instant. */
export const dateAt = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();

export function createLeadsShared(deps: LeadsDeps) {
  const { db, leads, enterprises, audit, clock } = deps;
  const today = () => chinaToday(clock);

  function leadActions(s: SessionContext, l: LeadWithNames) {
    const closed = l.status === 'lost' || l.status === 'terminated';
    return actionsFor(s, 'lead', l.zoneId).filter((a) => {
      if (a === 'changeStage') return !closed;
      if (a === 'convert') return !l.projectId && (l.stage === 'signed' || l.stage === 'registered') && Boolean(deps.projects);
      return true;
    });
  }

  const present = (s: SessionContext, l: LeadWithNames) => ({
    id: l.id,
    zoneId: l.zoneId,
    code: l.code,
    name: l.name,
    enterpriseId: l.enterpriseId,
    enterpriseName: l.enterpriseName,
    enterpriseCreditCode: l.enterpriseCreditCode,
    method: l.method,
    stage: l.stage,
    status: l.status,
    statusReason: l.statusReason,
    lostToRegion: l.lostToRegion,
    lostToRegionCode: l.lostToRegionCode,
    sector: l.sector,
    chainLink: l.chainLink,
    chainAction: l.chainAction,
    plannedInvestmentYuan: l.plannedInvestmentYuan,
    plannedOutputYuan: l.plannedOutputYuan,
    likelihood: l.likelihood,
    firstContactOn: l.firstContactOn,
    lastFollowUpOn: l.lastFollowUpOn,
    nextStep: l.nextStep,
    nextStepOn: l.nextStepOn,
    overdue: Boolean(l.nextStepOn && l.nextStepOn < today() && (l.status === 'active' || l.status === 'delayed')),
    ownerId: l.ownerId,
    ownerName: l.ownerName,
    platformContact: l.platformContact,
    projectId: l.projectId,
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    actions: leadActions(s, l),
  });

  /** The zones a list reads: the one asked for when it is in scope (else none), or all of the caller's. */
  const zonesOf =
    (s: SessionContext, zoneId?: string): ZoneFilter =>
    (zoneColumn) =>
      zoneScope(s, zoneColumn, zoneId);

  /** The zone a new record goes to: the one named (in scope), or the caller's only zone. */
  function targetZone(s: SessionContext, zoneId?: string): string {
    if (zoneId) {
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      return zoneId;
    }
    if (!s.scope.all && s.scope.zoneIds.length === 1) return s.scope.zoneIds[0];
    throw fieldError('zoneId', 'zone_required');
  }

  /** A lead outside the caller's zones is reported as missing, so ids cannot be probed. */
  async function loadLead(s: SessionContext, id: string, permission?: Permission, d: DbOrTx = db) {
    const lead = await leads.findById(d, id);
    if (!lead || !inScope(s, lead.zoneId)) throw notFound();
    if (permission && !can(s, permission, lead.zoneId)) throw new AppError('FORBIDDEN');
    return lead;
  }

  /** The people who may own a lead of this zone. */
  const ownersOfZone = (d: DbOrTx, zoneId: string) => leads.owners(d, inZone(zoneId));

  async function checkOwner(ownerId: string | null | undefined, zoneId: string, d: DbOrTx = db) {
    if (!ownerId) return;
    if (!(await ownersOfZone(d, zoneId)).some((o) => o.id === ownerId)) throw fieldError('ownerId', 'unknown_owner');
  }

  async function checkEnterprise(enterpriseId: string | null | undefined, field = 'enterpriseId', d: DbOrTx = db) {
    if (!enterpriseId) return;
    if (!(await enterprises.exists(d, enterpriseId))) throw fieldError(field, 'unknown_enterprise');
  }

  async function checkPartners(partners: LeadInput['partners'], d: DbOrTx = db) {
    for (const [i, p] of (partners ?? []).entries()) await checkEnterprise(p.enterpriseId, `partners.${i}.enterpriseId`, d);
  }

  /** The lead's columns from a create or update body (amounts are already yuan once parsed). */
  function fieldsOf(body: LeadInput) {
    const v: Record<string, unknown> = {};
    const copy = [
      'code',
      'name',
      'enterpriseId',
      'method',
      'sector',
      'chainLink',
      'chainAction',
      'chainLinkId',
      'likelihood',
      'firstContactOn',
      'lastFollowUpOn',
      'nextStep',
      'nextStepOn',
      'ownerId',
      'platformContact',
    ] as const;
    for (const k of copy) if (body[k] !== undefined) v[k] = body[k];
    if (body.plannedInvestmentWan !== undefined) v.plannedInvestmentYuan = body.plannedInvestmentWan;
    if (body.plannedOutputWan !== undefined) v.plannedOutputYuan = body.plannedOutputWan;
    return v;
  }

  /** One entry of the lead's own history (lead_events), beside the audit log. */
  async function event(
    tx: Tx,
    s: SessionContext,
    lead: { id: string; zoneId: string },
    kind: 'created' | 'stage' | 'status' | 'owner' | 'converted' | 'merged',
    from: string | null,
    to: string | null,
    note?: string | null,
  ) {
    await leads.insertEvent(tx, {
      zoneId: lead.zoneId,
      leadId: lead.id,
      kind,
      fromValue: from,
      toValue: to,
      note: note ?? null,
      actorId: s.user.id,
      actorName: s.user.displayName,
      at: clock(),
    });
  }

  /** Inserts a lead with the zone's next ledger number (PREFIX-YYYY-NNN) unless a code is given. */
  async function insertLead(
    tx: Tx,
    s: SessionContext,
    zoneId: string,
    values: Record<string, unknown>,
    requestId: string,
    partners?: LeadInput['partners'],
    options: LeadWriteOptions = {},
  ) {
    const code =
      (values.code as string | undefined) ?? (await leads.nextCode(tx, zoneId, (await leads.zoneCode(tx, zoneId)) ?? 'LEAD', Number(today().slice(0, 4))));
    const row = await leads.insert(tx, { ...(values as object), zoneId, code } as never);
    if (partners?.length) await leads.replacePartners(tx, zoneId, row.id, partners);
    await event(tx, s, row, 'created', null, row.stage, options.eventNote);
    if (row.ownerId) await event(tx, s, row, 'owner', null, row.ownerId);
    await audit(tx, actorOf(s, requestId), { zoneId, action: 'lead.create', entityType: 'lead', entityId: row.id, after: { ...row, ...options.provenance } });
    return row;
  }

  /** Records an activity on a lead: moves its last follow-up (and next step) forward. */
  async function touchLead(tx: Tx, leadId: string, a: { occurredOn: string; nextStep?: string | null; nextStepOn?: string | null }) {
    const lead = await leads.findById(tx, leadId);
    if (!lead) return;
    const patch: Record<string, unknown> = {};
    if (!lead.lastFollowUpOn || a.occurredOn > lead.lastFollowUpOn) patch.lastFollowUpOn = a.occurredOn;
    if (!lead.firstContactOn || a.occurredOn < lead.firstContactOn) patch.firstContactOn = a.occurredOn;
    if (a.nextStep) patch.nextStep = a.nextStep;
    if (a.nextStepOn) patch.nextStepOn = a.nextStepOn;
    if (Object.keys(patch).length) await leads.update(tx, leadId, lead.version, patch);
  }

  return {
    ...deps,
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
    touchLead,
  };
}

export type LeadsShared = ReturnType<typeof createLeadsShared>;

import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import type {
  agreementInput,
  changeStageBody,
  changeStatusBody,
  convertLeadBody,
  createActivityBody,
  createLeadBody,
  createSavedViewBody,
  createSigningEventBody,
  createTripBody,
  listLeadsQuery,
  listTripsQuery,
  meetingInput,
  signedReportQuery,
  updateLeadBody,
  uploadFileBody,
} from '../../../contract/leads.ts';
import { leadStages, leadStatuses, stageGates, type LeadStage } from '../../../contract/pipeline-enums.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { EnterprisesService } from '../enterprises/index.ts';
import { countAgreements, signedTotal } from './counting.ts';
import type { ActivityRow, AgreementRow, LeadsRepository, LeadWithNames, TripRow } from './leads.repository.ts';

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
const dateAt = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();

/**
 * The projects module's conversion entry point (issue 3). Wired in app.ts when that module exists;
 * until then conversion answers that it is not available.
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

/** A lead created by another module (intake, ledger): the create body, and the stage it starts at. */
export type LeadCreateInput = z.infer<typeof createLeadBody> & { stage?: LeadStage };
/** How another module marks its writes: a note on the created event, provenance in the audit entry. */
export interface LeadWriteOptions {
  eventNote?: string;
  provenance?: Record<string, unknown>;
}

type LeadInput = Partial<z.infer<typeof createLeadBody>> & Partial<z.infer<typeof updateLeadBody>>;

export function createLeadsService(deps: {
  db: Db;
  leads: LeadsRepository;
  enterprises: Pick<EnterprisesService, 'exists' | 'findOrCreateInTx'>;
  audit: AuditWriter;
  clock: Clock;
  projects?: ProjectsFromLead;
}) {
  const { db, leads, enterprises, audit, clock } = deps;
  const today = () => chinaToday(clock());

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

  function leadActions(s: SessionContext, l: LeadWithNames) {
    const closed = l.status === 'lost' || l.status === 'terminated';
    return actionsFor(s, 'lead', l.zoneId).filter((a) => {
      if (a === 'changeStage') return !closed;
      if (a === 'convert') return !l.projectId && (l.stage === 'signed' || l.stage === 'registered') && Boolean(deps.projects);
      return true;
    });
  }

  const presentAgreements = (rows: AgreementRow[]) => {
    const counted = countAgreements(rows);
    return rows.map((a) => ({
      id: a.id,
      leadId: a.leadId,
      kind: a.kind,
      signedOn: a.signedOn,
      amountYuan: a.amountYuan,
      countedYuan: counted.get(a.id)!.countedYuan,
      countedAs: counted.get(a.id)!.countedAs,
      signingEventId: a.signingEventId,
      signingEventName: a.signingEventName,
      fileId: a.fileId,
      fileName: a.fileName,
      note: a.note,
      createdAt: a.createdAt.toISOString(),
    }));
  };

  const presentActivity = (a: ActivityRow) => ({
    id: a.id,
    zoneId: a.zoneId,
    kind: a.kind,
    occurredOn: a.occurredOn,
    leadId: a.leadId,
    leadName: a.leadName,
    enterpriseId: a.enterpriseId,
    enterpriseName: a.enterpriseName,
    tripId: a.tripId,
    people: a.people,
    outcome: a.outcome,
    intentReached: a.intentReached,
    nextStep: a.nextStep,
    nextStepOn: a.nextStepOn,
    createdAt: a.createdAt.toISOString(),
  });

  /** The zones a list reads: the one asked for when it is in scope, else all of the caller's. */
  const zonesOf = (s: SessionContext, zoneId?: string) => (zoneId ? (inScope(s, zoneId) ? [zoneId] : []) : s.scope.zoneIds);

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

  async function checkOwner(ownerId: string | null | undefined, zoneId: string, d: DbOrTx = db) {
    if (!ownerId) return;
    const owners = await leads.owners(d, [zoneId]);
    if (!owners.some((o) => o.id === ownerId)) throw fieldError('ownerId', 'unknown_owner');
  }

  async function checkEnterprise(enterpriseId: string | null | undefined, field = 'enterpriseId', d: DbOrTx = db) {
    if (!enterpriseId) return;
    if (!(await enterprises.exists(d, enterpriseId))) throw fieldError(field, 'unknown_enterprise');
  }

  async function checkPartners(partners: LeadInput['partners'], d: DbOrTx = db) {
    for (const [i, p] of (partners ?? []).entries()) await checkEnterprise(p.enterpriseId, `partners.${i}.enterpriseId`, d);
  }

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

  async function event(
    tx: Tx,
    s: SessionContext,
    lead: { id: string; zoneId: string },
    kind: 'created' | 'stage' | 'status' | 'owner' | 'converted',
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

  /** Validates and records an agreement in `tx` (the caller has loaded the lead and checked rights). */
  async function insertAgreement(tx: Tx, s: SessionContext, lead: LeadWithNames, body: z.infer<typeof agreementInput>, requestId: string, prefix = '') {
    const f = (name: string) => `${prefix}${name}`;
    if (body.signedOn > today()) throw fieldError(f('signedOn'), 'agreement_date_future');
    if (body.amountWan <= 0) throw fieldError(f('amountWan'), 'amount_positive');
    if (body.fileId) {
      const file = await leads.findFile(tx, body.fileId);
      if (!file || file.leadId !== lead.id) throw fieldError(f('fileId'), 'unknown_file');
    } else if (body.kind === 'framework' || body.kind === 'investment') {
      throw fieldError(f('fileId'), 'agreement_file_required');
    }
    const existing = await leads.listAgreements(tx, lead.id);
    const investments = existing.filter((a) => a.kind === 'investment');
    if (body.kind === 'capital_increase' && !investments.some((a) => a.signedOn <= body.signedOn))
      throw fieldError(f('kind'), 'capital_increase_before_signing');
    if (body.kind === 'investment' && !investments.length && existing.some((a) => a.kind === 'capital_increase' && a.signedOn < body.signedOn)) {
      throw fieldError(f('signedOn'), 'capital_increase_before_signing');
    }
    let signingEventId = body.signingEventId ?? null;
    if (signingEventId) {
      const ev = await leads.findSigningEvent(tx, signingEventId);
      if (!ev || ev.zoneId !== lead.zoneId) throw fieldError(f('signingEventId'), 'unknown_signing_event');
    } else if (body.signingEventName) {
      const ev =
        (await leads.findSigningEventByName(tx, lead.zoneId, body.signingEventName)) ??
        (await leads.insertSigningEvent(tx, { zoneId: lead.zoneId, name: body.signingEventName, kind: 'ceremony', heldOn: body.signedOn }));
      signingEventId = ev.id;
    }
    const row = await leads.insertAgreement(tx, {
      zoneId: lead.zoneId,
      leadId: lead.id,
      kind: body.kind,
      signedOn: body.signedOn,
      amountYuan: body.amountWan,
      signingEventId,
      fileId: body.fileId ?? null,
      note: body.note ?? null,
    });
    await audit(tx, actorOf(s, requestId), { zoneId: lead.zoneId, action: 'agreement.create', entityType: 'lead', entityId: lead.id, after: row });
    return row;
  }

  /** The enterprise met on a trip: by id, or found or registered through the enterprises module. */
  async function resolveEnterprise(
    tx: Tx,
    s: SessionContext,
    zoneId: string,
    m: z.infer<typeof meetingInput>,
    prefix: string,
    requestId: string,
  ): Promise<string | null> {
    if (m.enterpriseId) {
      if (!(await enterprises.exists(tx, m.enterpriseId))) throw fieldError(`${prefix}enterpriseId`, 'unknown_enterprise');
      return m.enterpriseId;
    }
    if (!m.enterprise) return null;
    const found = await enterprises.findOrCreateInTx(tx, s, { ...m.enterprise, zoneId, field: `${prefix}enterprise.` }, requestId);
    return found.id;
  }

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

  /** Records an activity on a lead and moves its last follow-up (and next step) forward. */
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

  async function presentTrips(s: SessionContext, rows: TripRow[]) {
    const results = await leads.tripResults(
      db,
      rows.map((t) => t.id),
    );
    return rows.map((t) => ({
      id: t.id,
      zoneId: t.zoneId,
      title: t.title,
      destination: t.destination,
      startOn: t.startOn,
      endOn: t.endOn,
      leader: t.leader,
      members: t.members,
      note: t.note,
      version: t.version,
      results: results.get(t.id) ?? { enterprisesMet: 0, agreementsSigned: 0, intentsGained: 0, leadsTouched: 0 },
      actions: actionsFor(s, 'trip', t.zoneId),
    }));
  }

  async function addMeetingIn(tx: Tx, s: SessionContext, trip: TripRow, m: z.infer<typeof meetingInput>, prefix: string, requestId: string) {
    if (m.occurredOn < trip.startOn || m.occurredOn > trip.endOn) throw fieldError(`${prefix}occurredOn`, 'meeting_outside_trip');
    let enterpriseId = await resolveEnterprise(tx, s, trip.zoneId, m, prefix, requestId);
    let leadId: string | null = null;
    if (m.leadId) {
      const lead = await leads.findById(tx, m.leadId);
      if (!lead || lead.zoneId !== trip.zoneId) throw fieldError(`${prefix}leadId`, 'unknown_lead');
      leadId = lead.id;
      enterpriseId ??= lead.enterpriseId;
    } else if (m.newLead) {
      const owners = await leads.owners(tx, [trip.zoneId]);
      const lead = await insertLead(
        tx,
        s,
        trip.zoneId,
        {
          name: m.newLead.name,
          enterpriseId,
          method: m.newLead.method ?? 'team',
          stage: m.intentReached ? 'intent' : 'contact',
          firstContactOn: m.occurredOn,
          lastFollowUpOn: m.occurredOn,
          nextStep: m.nextStep ?? null,
          nextStepOn: m.nextStepOn ?? null,
          ownerId: owners.some((o) => o.id === s.user.id) ? s.user.id : null,
        },
        requestId,
      );
      leadId = lead.id;
    }
    const row = await leads.insertActivity(tx, {
      zoneId: trip.zoneId,
      kind: 'visit',
      occurredOn: m.occurredOn,
      leadId,
      enterpriseId,
      tripId: trip.id,
      people: m.people ?? null,
      outcome: m.outcome ?? null,
      intentReached: Boolean(m.intentReached),
      nextStep: m.nextStep ?? null,
      nextStepOn: m.nextStepOn ?? null,
      createdById: s.user.id,
    });
    if (leadId && m.leadId) await touchLead(tx, leadId, m);
    return row;
  }

  return {
    present,
    zonesOf,

    /** For the routes' pre-validation check: a record outside the caller's zones is not found, whatever the body. */
    async inCallerScope(s: SessionContext, kind: 'lead' | 'trip' | 'file' | 'view', id: string): Promise<boolean> {
      if (kind === 'lead') {
        const l = await leads.findById(db, id);
        return Boolean(l && inScope(s, l.zoneId));
      }
      if (kind === 'trip') {
        const t = await leads.findTrip(db, id);
        return Boolean(t && inScope(s, t.zoneId));
      }
      if (kind === 'file') {
        const f = await leads.findFile(db, id);
        return Boolean(f && inScope(s, f.zoneId));
      }
      const v = await leads.findView(db, id);
      return Boolean(v && v.userId === s.user.id);
    },

    async list(s: SessionContext, q: z.infer<typeof listLeadsQuery>) {
      const { items, total } = await leads.list(db, zonesOf(s, q.zoneId), q, q, today());
      return { items: items.map((l) => present(s, l)), total, page: q.page, pageSize: q.pageSize };
    },

    /** Every lead matching the filter, for the ledger export. */
    async listAll(s: SessionContext, q: Omit<z.infer<typeof listLeadsQuery>, 'page' | 'pageSize'>) {
      const { items } = await leads.list(db, zonesOf(s, q.zoneId), q, null, today());
      return items;
    },

    async get(s: SessionContext, id: string) {
      const lead = await loadLead(s, id);
      const [partners, agreementRows, files] = await Promise.all([leads.listPartners(db, id), leads.listAgreements(db, id), leads.listFiles(db, id)]);
      return {
        ...present(s, lead),
        partners: partners.map((p) => ({ id: p.id, kind: p.kind, name: p.name, enterpriseId: p.enterpriseId })),
        agreements: presentAgreements(agreementRows),
        files: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
        signedYuan: signedTotal(agreementRows),
      };
    },

    /**
     * Creates a lead inside the caller's transaction with the route's rules: zone and permission,
     * code unique in the zone (or the next ledger number), owner of the zone (default the
     * creator), known enterprise and partners, the created/owner events and the audit entry.
     * `body` is the parsed create body (amounts already in yuan).
     */
    async createInTx(tx: Tx, s: SessionContext, body: LeadCreateInput, requestId: string, options: LeadWriteOptions = {}) {
      const zoneId = targetZone(s, body.zoneId);
      if (!can(s, 'lead.create', zoneId)) throw new AppError('FORBIDDEN');
      if (body.code && (await leads.findByCode(tx, zoneId, body.code))) throw fieldError('code', 'lead_code_taken', 'DUPLICATE');
      const owners = await leads.owners(tx, [zoneId]);
      const ownerId = body.ownerId === undefined ? (owners.some((o) => o.id === s.user.id) ? s.user.id : null) : body.ownerId;
      if (ownerId && !owners.some((o) => o.id === ownerId)) throw fieldError('ownerId', 'unknown_owner');
      await checkEnterprise(body.enterpriseId, 'enterpriseId', tx);
      await checkPartners(body.partners, tx);
      const values = { ...fieldsOf(body), ownerId, firstContactOn: body.firstContactOn ?? today(), ...(body.stage ? { stage: body.stage } : {}) };
      const row = await insertLead(tx, s, zoneId, values, requestId, body.partners, options);
      return present(s, (await leads.findById(tx, row.id))!);
    },

    create(s: SessionContext, body: z.infer<typeof createLeadBody>, requestId: string) {
      return db.transaction((tx) => this.createInTx(tx, s, body, requestId));
    },

    /**
     * Updates a lead inside the caller's transaction with the route's rules: in scope, the
     * version read, unique code, owner of the zone, known enterprise and partners, the owner event
     * and the audit entry. `patch` is the parsed update body (with `version`).
     */
    async updateInTx(tx: Tx, s: SessionContext, id: string, patch: z.infer<typeof updateLeadBody>, requestId: string, options: LeadWriteOptions = {}) {
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
    },

    update(s: SessionContext, id: string, body: z.infer<typeof updateLeadBody>, requestId: string) {
      return db.transaction((tx) => this.updateInTx(tx, s, id, body, requestId));
    },

    async changeStage(s: SessionContext, id: string, body: z.infer<typeof changeStageBody>, requestId: string) {
      const before = await loadLead(s, id, 'lead.update');
      assertVersion(before, body.version);
      if (before.status === 'lost' || before.status === 'terminated') throw fieldError('stage', 'lead_closed');
      if (before.stage === body.stage) throw fieldError('stage', 'stage_same');
      await db.transaction(async (tx) => {
        if (body.agreement) await insertAgreement(tx, s, before, body.agreement, requestId, 'agreement.');
        const from = leadStages.indexOf(before.stage);
        const to = leadStages.indexOf(body.stage);
        if (to > from) {
          const agreementRows = await leads.listAgreements(tx, id);
          // Every gated stage entered or jumped over needs its agreement, with date, amount and file.
          for (const stage of leadStages.slice(from + 1, to + 1)) {
            const kind = stageGates[stage as LeadStage];
            if (kind && !agreementRows.some((a) => a.kind === kind && a.fileId && a.amountYuan > 0)) throw fieldError('stage', `stage_gate_${stage}`);
          }
        }
        const after = await leads.update(tx, id, body.version, { stage: body.stage });
        await event(tx, s, after, 'stage', before.stage, after.stage, body.note);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'lead.stage',
          entityType: 'lead',
          entityId: id,
          before: { stage: before.stage },
          after: { stage: after.stage },
        });
      });
      return this.get(s, id);
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

    async addAgreement(s: SessionContext, id: string, body: z.infer<typeof agreementInput>, requestId: string) {
      const lead = await loadLead(s, id, 'lead.update');
      const row = await db.transaction((tx) => insertAgreement(tx, s, lead, body, requestId));
      const all = presentAgreements(await leads.listAgreements(db, id));
      return all.find((a) => a.id === row.id)!;
    },

    async uploadFile(s: SessionContext, id: string, body: z.infer<typeof uploadFileBody>, requestId: string) {
      const lead = await loadLead(s, id, 'lead.update');
      const content = body.contentBase64.replace(/\s/g, '');
      const sizeBytes = Buffer.from(content, 'base64').length;
      if (sizeBytes === 0) throw fieldError('contentBase64', 'required');
      const row = await db.transaction(async (tx) => {
        const file = await leads.insertFile(tx, {
          zoneId: lead.zoneId,
          leadId: id,
          name: body.name,
          mimeType: body.mimeType,
          sizeBytes,
          content,
          uploadedById: s.user.id,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: lead.zoneId, action: 'file.create', entityType: 'lead', entityId: id, after: file });
        return file;
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    },

    async downloadFile(s: SessionContext, fileId: string) {
      const file = await leads.findFile(db, fileId);
      if (!file || !inScope(s, file.zoneId)) throw notFound();
      return { name: file.name, mimeType: file.mimeType, content: Buffer.from(file.content, 'base64') };
    },

    async addActivity(s: SessionContext, id: string, body: z.infer<typeof createActivityBody>, requestId: string) {
      const lead = await loadLead(s, id, 'lead.update');
      if (body.occurredOn > today()) throw fieldError('occurredOn', 'date_in_future');
      const row = await db.transaction(async (tx) => {
        const a = await leads.insertActivity(tx, {
          zoneId: lead.zoneId,
          kind: body.kind,
          occurredOn: body.occurredOn,
          leadId: id,
          enterpriseId: lead.enterpriseId,
          people: body.people ?? null,
          outcome: body.outcome ?? null,
          intentReached: Boolean(body.intentReached),
          nextStep: body.nextStep ?? null,
          nextStepOn: body.nextStepOn ?? null,
          createdById: s.user.id,
        });
        await touchLead(tx, id, body);
        await audit(tx, actorOf(s, requestId), { zoneId: lead.zoneId, action: 'activity.create', entityType: 'lead', entityId: id, after: a });
        return a;
      });
      return presentActivity({ ...row, leadName: lead.name, enterpriseName: lead.enterpriseName });
    },

    async timeline(s: SessionContext, id: string) {
      await loadLead(s, id);
      const [events, acts, agreementRows, files] = await Promise.all([
        leads.listEvents(db, id),
        leads.listActivities(db, { leadId: id }),
        leads.listAgreements(db, id),
        leads.listFiles(db, id),
      ]);
      const counted = countAgreements(agreementRows);
      const entries = [
        ...events.map((e) => ({
          id: `e${e.id}`,
          kind: e.kind,
          at: e.at.toISOString(),
          actorName: e.actorName,
          fromValue: e.fromValue,
          toValue: e.toValue,
          note: e.note,
          amountYuan: null,
          refId: null,
        })),
        ...acts.map((a) => ({
          id: a.id,
          kind: 'activity' as const,
          at: dateAt(a.occurredOn),
          actorName: null,
          fromValue: a.kind,
          toValue: a.tripId ? 'trip' : null,
          note: a.outcome,
          amountYuan: null,
          refId: a.tripId,
        })),
        ...agreementRows.map((a) => ({
          id: a.id,
          kind: 'agreement' as const,
          at: dateAt(a.signedOn),
          actorName: null,
          fromValue: a.kind,
          toValue: counted.get(a.id)!.countedAs,
          note: a.signingEventName,
          amountYuan: a.amountYuan,
          refId: a.fileId,
        })),
        ...files.map((f) => ({
          id: f.id,
          kind: 'file' as const,
          at: f.createdAt.toISOString(),
          actorName: null,
          fromValue: null,
          toValue: f.name,
          note: null,
          amountYuan: null,
          refId: f.id,
        })),
      ];
      return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    },

    async listTrips(s: SessionContext, q: z.infer<typeof listTripsQuery>) {
      const { items, total } = await leads.listTrips(db, zonesOf(s, q.zoneId), q);
      return { items: await presentTrips(s, items), total, page: q.page, pageSize: q.pageSize };
    },

    async getTrip(s: SessionContext, id: string) {
      const trip = await leads.findTrip(db, id);
      if (!trip || !inScope(s, trip.zoneId)) throw notFound();
      const [presented] = await presentTrips(s, [trip]);
      return { ...presented, meetings: (await leads.listActivities(db, { tripId: id })).map(presentActivity) };
    },

    async createTrip(s: SessionContext, body: z.infer<typeof createTripBody>, requestId: string) {
      const zoneId = targetZone(s, body.zoneId);
      if (!can(s, 'lead.update', zoneId)) throw new AppError('FORBIDDEN');
      const trip = await db.transaction(async (tx) => {
        const t = await leads.insertTrip(tx, {
          zoneId,
          title: body.title,
          destination: body.destination,
          startOn: body.startOn,
          endOn: body.endOn,
          leader: body.leader,
          members: body.members,
          note: body.note ?? null,
        });
        for (const [i, m] of body.meetings.entries()) await addMeetingIn(tx, s, t, m, `meetings.${i}.`, requestId);
        await audit(tx, actorOf(s, requestId), { zoneId, action: 'trip.create', entityType: 'trip', entityId: t.id, after: t });
        return t;
      });
      return this.getTrip(s, trip.id);
    },

    async addMeeting(s: SessionContext, tripId: string, body: z.infer<typeof meetingInput>, requestId: string) {
      const trip = await leads.findTrip(db, tripId);
      if (!trip || !inScope(s, trip.zoneId)) throw notFound();
      if (!can(s, 'lead.update', trip.zoneId)) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        const a = await addMeetingIn(tx, s, trip, body, '', requestId);
        await audit(tx, actorOf(s, requestId), { zoneId: trip.zoneId, action: 'trip.meeting', entityType: 'trip', entityId: tripId, after: a });
      });
      return this.getTrip(s, tripId);
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

    /** "Signed this period" by the counting rule, beside the naive gross sum and the per-project truth. */
    async signedReport(s: SessionContext, q: z.infer<typeof signedReportQuery>) {
      const rows = await leads.countedAgreements(db, zonesOf(s, q.zoneId));
      const inPeriod = (d: string) => d >= q.from && d <= q.to;
      const countedYuan = (r: (typeof rows)[number]) => (r.counted_as === 'first_signing' || r.counted_as === 'increment' ? r.amount_yuan : 0);
      const byLead = new Map<
        string,
        {
          leadId: string;
          code: string;
          name: string;
          firstSignedOn: string | null;
          signedYuan: number;
          agreementCount: number;
          reSignings: number;
          inPeriodYuan: number;
        }
      >();
      let signedThisPeriodYuan = 0;
      let grossAgreementsYuan = 0;
      let firstSignings = 0;
      let increments = 0;
      let reSignings = 0;
      for (const r of rows) {
        const p = byLead.get(r.lead_id) ?? {
          leadId: r.lead_id,
          code: r.code,
          name: r.name,
          firstSignedOn: null,
          signedYuan: 0,
          agreementCount: 0,
          reSignings: 0,
          inPeriodYuan: 0,
        };
        p.agreementCount++;
        p.signedYuan += countedYuan(r);
        if (r.counted_as === 'first_signing') p.firstSignedOn = r.signed_on;
        if (r.counted_as === 're_signing') p.reSignings++;
        if (inPeriod(r.signed_on)) {
          p.inPeriodYuan += countedYuan(r);
          signedThisPeriodYuan += countedYuan(r);
          if (r.kind === 'investment' || r.kind === 'capital_increase') grossAgreementsYuan += r.amount_yuan;
          if (r.counted_as === 'first_signing') firstSignings++;
          if (r.counted_as === 'increment') increments++;
          if (r.counted_as === 're_signing') reSignings++;
        }
        byLead.set(r.lead_id, p);
      }
      const projects = [...byLead.values()].filter((p) => p.firstSignedOn).sort((a, b) => a.code.localeCompare(b.code));
      return { from: q.from, to: q.to, signedThisPeriodYuan, grossAgreementsYuan, firstSignings, increments, reSignings, projects };
    },

    async listSigningEvents(s: SessionContext, zoneId?: string) {
      return (await leads.listSigningEvents(db, zonesOf(s, zoneId))).map((e) => ({ id: e.id, zoneId: e.zoneId, name: e.name, kind: e.kind, heldOn: e.heldOn }));
    },

    async createSigningEvent(s: SessionContext, body: z.infer<typeof createSigningEventBody>, requestId: string) {
      const zoneId = targetZone(s, body.zoneId);
      if (!can(s, 'lead.update', zoneId)) throw new AppError('FORBIDDEN');
      if (await leads.findSigningEventByName(db, zoneId, body.name)) throw fieldError('name', 'name_taken', 'DUPLICATE');
      const e = await db.transaction(async (tx) => {
        const row = await leads.insertSigningEvent(tx, { zoneId, name: body.name, kind: body.kind, heldOn: body.heldOn });
        await audit(tx, actorOf(s, requestId), { zoneId, action: 'signing_event.create', entityType: 'signing_event', entityId: row.id, after: row });
        return row;
      });
      return { id: e.id, zoneId: e.zoneId, name: e.name, kind: e.kind, heldOn: e.heldOn };
    },

    owners: (s: SessionContext, zoneId?: string) => leads.owners(db, zonesOf(s, zoneId)),

    async listViews(s: SessionContext) {
      return (await leads.listViews(db, s.user.id)).map((v) => ({ id: v.id, name: v.name, query: v.query as Record<string, string> }));
    },
    async createView(s: SessionContext, body: z.infer<typeof createSavedViewBody>) {
      if ((await leads.listViews(db, s.user.id)).some((v) => v.name === body.name)) throw fieldError('name', 'name_taken', 'DUPLICATE');
      const v = await leads.insertView(db, { userId: s.user.id, resource: 'leads', name: body.name, query: body.query });
      return { id: v.id, name: v.name, query: v.query as Record<string, string> };
    },
    /** A saved view is personal: another user's view is reported as missing. */
    async deleteView(s: SessionContext, id: string) {
      const v = await leads.findView(db, id);
      if (!v || v.userId !== s.user.id) throw notFound();
      await leads.deleteView(db, id);
      return { ok: true as const };
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

    /** Workbench additions: the caller's own open leads and the follow-ups due within a week. */
    async workbench(s: SessionContext) {
      const until = chinaToday(new Date(clock().getTime() + 7 * 86400_000));
      const [mine, due] = await Promise.all([leads.myLeads(db, s.user.id, s.scope.zoneIds, 10), leads.followUpsDue(db, s.user.id, s.scope.zoneIds, until, 10)]);
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
      return { myLeads: mine.map(brief), followUpsDue: due.map(brief) };
    },
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;

import type { Db, Tx } from '../../db/client.ts';
import type { IntakeSavedRecord } from '../../db/schema.ts';
import { zoneNameMatches, type IntakeCommitBody, type IntakeCommitResponse, type IntakeProposal, type LeadStage, type ProjectStage } from '../../../contract/intake.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { EnterprisesService } from '../enterprises/index.ts';
import type { LeadsService } from '../leads/index.ts';
import type { ProjectsService } from '../projects/index.ts';
import { proposedValue, type IntakeMatcher } from './intake.match.ts';
import type { IntakeRepository } from './intake.repository.ts';

type Decision = IntakeCommitBody['projects'][number]['decision'];

/** The owners' field names, as the reviewed facts call them (so an error points at the reviewer's input). */
const factFieldOf: Record<string, string> = {
  name: 'name',
  investorEnterpriseId: 'investor',
  totalInvestmentWan: 'total_investment_wan',
  fixedAssetInvestmentWan: 'total_investment_wan',
  landMu: 'land_mu',
  floorAreaM2: 'area_m2',
  capacityAmount: 'capacity',
  capacityUnit: 'capacity',
  expectedOutputWan: 'output_value_wan',
  expectedTaxWan: 'tax_wan',
  startOn: 'started',
  signedOn: 'signed_on',
  landOn: 'land_on',
  completedOn: 'completed_on',
  productionOn: 'production_on',
  fullProductionOn: 'full_production_on',
  plannedStartYear: 'planned_start',
  plannedEndYear: 'planned_start',
  enterpriseId: 'enterprise',
  plannedInvestmentWan: 'planned_investment_wan',
  nextStep: 'next_step',
  nextStepOn: 'next_step_date',
};

/** Runs an owner's write; its field errors are re-addressed to the fact (`projects.0.total_investment_wan`). */
async function forFact<T>(prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof AppError) || !err.details?.fields) throw err;
    const fields = err.details.fields.map((f) => ({ ...f, field: `${prefix}.${factFieldOf[f.field] ?? f.field}` }));
    throw new AppError(err.code, { ...err.details, fields });
  }
}

/**
 * Saving the confirmed proposals in one transaction: the source text, then each record through its
 * owner's in-transaction service (projects, leads and enterprises apply their own rules, audit and
 * derived figures), each update checked against the version the user saw. Any failure writes nothing.
 */
export function createIntakeCommitter(deps: {
  db: Db;
  repo: IntakeRepository;
  matcher: IntakeMatcher;
  projects: Pick<ProjectsService, 'createInTx' | 'updateInTx'>;
  leads: Pick<LeadsService, 'createInTx' | 'updateInTx' | 'createTripInTx'>;
  enterprises: Pick<EnterprisesService, 'findOrCreateInTx'>;
  audit: AuditWriter;
  clock: Clock;
}) {
  const { db, repo, matcher, projects, leads, enterprises, audit, clock } = deps;

  /** The diff rows to apply: those the user kept; the target must be the one the match named, at the version shown. */
  function accepted(p: IntakeProposal, decision: Decision, prefix: string) {
    if (!decision.targetId || decision.version === undefined) throw fieldError(`${prefix}.decision.targetId`, 'required');
    if (p.target?.id !== decision.targetId) throw new AppError('VERSION_CONFLICT', { fields: [{ field: prefix, reason: 'intake_target_changed' }] });
    const keep = decision.fields ? new Set(decision.fields) : undefined;
    return p.changes.filter((c) => !keep || keep.has(c.field));
  }

  /** One commit: the transaction's state (source, records saved so far). */
  function unitOfWork(tx: Tx, s: SessionContext, zoneId: string, sourceId: string, requestId: string) {
    const records: IntakeSavedRecord[] = [];
    const provenance = { intakeSourceId: sourceId };

    /** The proposal's enterprise: the one matched, or found or registered by the enterprises module. */
    async function enterpriseIdOf(p: IntakeProposal, prefix: string): Promise<string | null> {
      const e = p.enterprise;
      if (!e) return null;
      if (e.id) return e.id;
      const field = `${prefix}.${p.kind === 'project' ? 'investor' : 'enterprise'}.`;
      const found = await enterprises.findOrCreateInTx(
        tx,
        s,
        { name: e.name, creditCode: e.creditCode, noCreditCode: !e.creditCode, zoneId, field, provenance },
        requestId,
      );
      if (found.created) records.push({ kind: 'enterprise', id: found.id, action: 'create', name: found.name });
      return found.id;
    }

    async function saveProject(fact: IntakeCommitBody['projects'][number], prefix: string) {
      const { decision } = fact;
      if (decision.action === 'update' && decision.targetId) {
        const target = await repo.projectById(tx, decision.targetId);
        if (!target || target.zoneId !== zoneId) throw notFound();
      }
      const { proposal: p, row } = await matcher.matchProject(tx, s, zoneId, fact, prefix);
      const capacity = fact.capacity ? { capacityAmount: fact.capacity.value, capacityUnit: fact.capacity.unit.slice(0, 16) } : {};
      if (decision.action === 'create') {
        if (p.target) throw new AppError('DUPLICATE', { fields: [{ field: `${prefix}.name`, reason: 'intake_exists_now' }] });
        const total = proposedValue(p, 'totalInvestment');
        if (total === null) throw fieldError(`${prefix}.total_investment_wan`, 'intake_total_required');
        const investorEnterpriseId = await enterpriseIdOf(p, prefix);
        const startOn = proposedValue(p, 'startOn');
        const plannedStartYear = proposedValue(p, 'plannedStartYear');
        const date = (f: 'signedOn' | 'landOn' | 'completedOn' | 'productionOn' | 'fullProductionOn') => (proposedValue(p, f) as string | null) ?? null;
        const phase1 = proposedValue(p, 'phase1');
        const created = await forFact(prefix, () =>
          projects.createInTx(
            tx,
            s,
            {
              zoneId,
              name: fact.name,
              nature: 'new',
              level: 'none',
              investorEnterpriseId,
              totalInvestmentWan: Number(total),
              landMu: fact.land_mu ?? null,
              floorAreaM2: fact.area_m2 ?? null,
              ...capacity,
              expectedOutputWan: (proposedValue(p, 'expectedOutput') as number | null) ?? null,
              expectedTaxWan: (proposedValue(p, 'expectedTax') as number | null) ?? null,
              startOn: startOn === null ? null : String(startOn),
              plannedStartYear: plannedStartYear === null ? null : Number(plannedStartYear),
              stage: (proposedValue(p, 'stage') as ProjectStage | null) ?? 'planning',
              signedOn: date('signedOn'),
              landOn: date('landOn'),
              completedOn: date('completedOn'),
              productionOn: date('productionOn'),
              fullProductionOn: date('fullProductionOn'),
              // 一期 as the project's phase 1 (its own stage starts at 谋划/储备).
              ...(phase1 !== null ? { phases: [{ name: '一期', stage: 'planning' as const, investmentWan: Number(phase1) }] } : {}),
            },
            requestId,
          ),
        );
        records.push({ kind: 'project', id: created.id, action: 'create', name: created.name });
        return;
      }
      const changes = accepted(p, decision, prefix);
      const patch: Parameters<typeof projects.updateInTx>[3] = { version: decision.version! };
      for (const c of changes) {
        const v = c.proposed;
        if (c.field === 'totalInvestment') patch.totalInvestmentWan = Number(v);
        else if (c.field === 'landMu') patch.landMu = Number(v);
        else if (c.field === 'floorAreaM2') patch.floorAreaM2 = Number(v);
        else if (c.field === 'capacity') Object.assign(patch, capacity);
        else if (c.field === 'expectedOutput') patch.expectedOutputWan = Number(v);
        else if (c.field === 'expectedTax') patch.expectedTaxWan = Number(v);
        else if (c.field === 'startOn') patch.startOn = String(v);
        else if (c.field === 'plannedStartYear') patch.plannedStartYear = Number(v);
        else if (c.field === 'investor') patch.investorEnterpriseId = await enterpriseIdOf(p, prefix);
      }
      // Nothing kept: still refuse a stale version, as a save would.
      if (Object.keys(patch).length === 1) return assertVersion(row!, decision.version!);
      await forFact(prefix, () => projects.updateInTx(tx, s, row!.id, patch, requestId, { auditAfter: provenance }));
      records.push({ kind: 'project', id: row!.id, action: 'update', name: row!.name });
    }

    async function saveLead(fact: IntakeCommitBody['leads'][number], prefix: string) {
      const { decision } = fact;
      if (decision.action === 'update' && decision.targetId) {
        const target = await repo.leadById(tx, decision.targetId);
        if (!target || target.zoneId !== zoneId) throw notFound();
      }
      const { proposal: p, row } = await matcher.matchLead(tx, s, zoneId, fact, prefix);
      if (decision.action === 'create') {
        if (p.target) throw new AppError('DUPLICATE', { fields: [{ field: `${prefix}.enterprise`, reason: 'intake_exists_now' }] });
        const enterpriseId = await enterpriseIdOf(p, prefix);
        const created = await forFact(prefix, () =>
          leads.createInTx(
            tx,
            s,
            {
              zoneId,
              name: String(proposedValue(p, 'name') ?? fact.enterprise).slice(0, 100),
              enterpriseId,
              method: 'other',
              stage: (proposedValue(p, 'stage') as LeadStage | null) ?? 'prospect',
              plannedInvestmentWan: (proposedValue(p, 'plannedInvestment') as number | null) ?? null,
              nextStep: (proposedValue(p, 'nextStep') as string | null) ?? null,
              nextStepOn: (proposedValue(p, 'nextStepOn') as string | null) ?? null,
            },
            requestId,
            { eventNote: '智能录入', provenance },
          ),
        );
        records.push({ kind: 'lead', id: created.id, action: 'create', name: created.name });
        return;
      }
      const changes = accepted(p, decision, prefix);
      const patch: Parameters<typeof leads.updateInTx>[3] = { version: decision.version! };
      for (const c of changes) {
        if (c.field === 'plannedInvestment') patch.plannedInvestmentWan = Number(c.proposed);
        else if (c.field === 'nextStep') patch.nextStep = String(c.proposed);
        else if (c.field === 'nextStepOn') patch.nextStepOn = String(c.proposed);
        else if (c.field === 'enterprise') patch.enterpriseId = await enterpriseIdOf(p, prefix);
      }
      if (Object.keys(patch).length === 1) return assertVersion(row!, decision.version!);
      await forFact(prefix, () => leads.updateInTx(tx, s, row!.id, patch, requestId, { provenance }));
      records.push({ kind: 'lead', id: row!.id, action: 'update', name: row!.name });
    }

    return { records, saveProject, saveLead };
  }

  /**
   * The zone the article names must be the zone written into, or the reviewer says so: a text about
   * another zone is never saved into one's own without a word.
   */
  async function checkZone(body: IntakeCommitBody) {
    if (!body.zoneRead || body.zoneConfirmed) return;
    const z = await repo.zoneNames(db, body.zoneId);
    if (!z || !zoneNameMatches(body.zoneRead, z)) throw fieldError('zoneId', 'intake_zone_mismatch');
  }

  return {
    async commit(s: SessionContext, body: IntakeCommitBody, requestId: string): Promise<IntakeCommitResponse> {
      const { zoneId } = body;
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      await checkZone(body);
      const keys = [...body.projects, ...body.leads, ...body.figures, ...body.trips].map((f) => f.key);
      if (new Set(keys).size !== keys.length) throw fieldError('projects', 'intake_duplicate_key');

      return db.transaction(async (tx) => {
        const source = await repo.insertSource(tx, {
          zoneId,
          text: body.source.text,
          referenceDate: body.source.referenceDate,
          format: body.source.format,
          fileName: body.source.fileName ?? null,
          createdById: s.user.id,
          createdByName: s.user.displayName,
        });
        const work = unitOfWork(tx, s, zoneId, source.id, requestId);
        for (const [i, fact] of body.projects.entries()) await work.saveProject(fact, `projects.${i}`);
        for (const [i, fact] of body.leads.entries()) await work.saveLead(fact, `leads.${i}`);
        const { records } = work;
        await repo.setSourceRecords(tx, source.id, records);
        // Trips go to the leads module's trips, their results by enterprise kept in the note.
        const trips: { id: string; title: string }[] = [];
        for (const [i, trip] of body.trips.entries()) {
          const results = [
            trip.visited !== undefined ? `对接企业${trip.visited}家` : null,
            trip.signed !== undefined ? `签约${trip.signed}家` : null,
            trip.framework !== undefined ? `签订框架协议${trip.framework}家` : null,
            trip.intent !== undefined ? `达成意向${trip.intent}家` : null,
          ].filter(Boolean);
          if (trip.end < trip.start) throw fieldError(`trips.${i}.end`, 'trip_dates');
          const enterprisesMet = trip.enterprises.length ? `；企业：${trip.enterprises.join('、')}` : '';
          const row = await forFact(`trips.${i}`, () =>
            leads.createTripInTx(
              tx,
              s,
              {
                zoneId,
                title: `赴${trip.destination}招商`.slice(0, 100),
                destination: trip.destination,
                startOn: trip.start,
                endOn: trip.end,
                leader: trip.leader,
                members: [],
                note: `${results.join('，')}${enterprisesMet}（智能录入）`.slice(0, 1000),
                meetings: [],
              },
              requestId,
              { auditAfter: { intakeSourceId: source.id } },
            ),
          );
          trips.push({ id: row.id, title: row.title });
        }
        const reviewedAt = clock();
        await repo.insertFigures(
          tx,
          body.figures.map((f) => ({
            zoneId,
            sourceId: source.id,
            label: f.what,
            value: String(f.value),
            unit: f.unit,
            fromValue: f.from === undefined ? null : String(f.from),
            period: f.period ?? null,
            fromPeriod: f.from_period ?? null,
            qualifier: f.qualifier ?? null,
            quote: f.quote ?? '',
            reviewedById: s.user.id,
            reviewedByName: s.user.displayName,
            reviewedAt,
          })),
        );
        await audit(tx, actorOf(s, requestId), {
          zoneId,
          action: 'intake.commit',
          entityType: 'intake_source',
          entityId: source.id,
          after: {
            referenceDate: source.referenceDate,
            format: source.format,
            fileName: source.fileName,
            characters: source.text.length,
            records,
            figures: body.figures.map((f) => ({ label: f.what, value: f.value, period: f.period ?? null })),
            trips,
            ...(body.zoneConfirmed ? { zoneRead: body.zoneRead ?? null, zoneConfirmed: true } : {}),
          },
        });
        return { sourceId: source.id, figures: body.figures.length, records, trips };
      });
    },
  };
}

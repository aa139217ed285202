import type { Db, Tx } from '../../db/client.ts';
import type { IntakeSavedRecord } from '../../db/schema.ts';
import {
  leadStages,
  leadStageWords,
  zoneNameMatches,
  type IntakeCommitArticle,
  type IntakeCommitBody,
  type IntakeCommitResponse,
  type IntakeProposal,
  type LeadStage,
  type ProjectStage,
} from '../../../contract/intake.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { normalizeEnterpriseName, type EnterprisesService } from '../enterprises/index.ts';
import type { LeadsService } from '../leads/index.ts';
import type { ProjectsService } from '../projects/index.ts';
import { proposedValue, type IntakeMatcher } from './intake.match.ts';
import type { IntakeRepository } from './intake.repository.ts';

type Decision = IntakeCommitArticle['projects'][number]['decision'];
type ProjectFact = IntakeCommitArticle['projects'][number];
type LeadFact = IntakeCommitArticle['leads'][number];

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
  startOnStage: 'started',
  cumulativeWan: 'invested_to_date_wan',
  investedWan: 'invested_to_date_wan',
  periodStart: 'invested_to_date_wan',
  percentComplete: 'percent_complete',
  reason: 'stage',
  stage: 'stage',
  phases: 'phase1_investment_wan',
};

/** An owner's field (`phases.0.investmentWan`, `signedOn`) as the fact calls it. */
const factField = (f: string) => factFieldOf[f] ?? (f.startsWith('phases') ? 'phase1_investment_wan' : f);

/** Runs an owner's write; its field errors are re-addressed to the fact (`projects.0.total_investment_wan`). */
async function forFact<T>(prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof AppError) || !err.details?.fields) throw err;
    const fields = err.details.fields.map((f) => ({ ...f, field: `${prefix}.${factField(f.field)}` }));
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
  projects: Pick<ProjectsService, 'createInTx' | 'updateInTx' | 'changeStageInTx' | 'setPhaseInTx' | 'createReportInTx' | 'reportPeriodInTx'>;
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
  function unitOfWork(tx: Tx, s: SessionContext, zoneId: string, sourceId: string, requestId: string, reportDay: string) {
    const records: IntakeSavedRecord[] = [];
    const reports: IntakeCommitResponse['reports'] = [];
    /** The leads this commit saved, by normalised enterprise name: a trip's meetings name them. */
    const leadsByEnterprise = new Map<string, { id: string; stage: LeadStage | undefined }>();
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

    async function saveProject(fact: ProjectFact, prefix: string) {
      const { decision } = fact;
      if (decision.action === 'update' && decision.targetId) {
        const target = await repo.projectById(tx, decision.targetId);
        if (!target || target.zoneId !== zoneId) throw notFound();
      }
      const { proposal: p, row } = await matcher.matchProject(tx, s, zoneId, fact, prefix, reportDay);
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
      const kept = new Map(changes.map((c) => [c.field, c.proposed]));
      const id = row!.id;
      // Every write below checks the version it is given; the first one is the version the match showed.
      assertVersion(row!, decision.version!);
      let version = decision.version!;
      let wrote = false;
      const audited = { auditAfter: provenance };
      const patch: Parameters<typeof projects.updateInTx>[3] = { version };
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
      if (Object.keys(patch).length > 1) {
        version = (await forFact(prefix, () => projects.updateInTx(tx, s, id, patch, requestId, audited))).version;
        wrote = true;
      }
      // The stage read (ahead of the record's), with the gate dates the reviewer kept: the projects module's gates decide.
      const stage = kept.get('stage') as ProjectStage | undefined;
      if (stage) {
        const date = (f: 'signedOn' | 'landOn' | 'completedOn' | 'productionOn' | 'fullProductionOn') => (kept.get(f) as string | undefined) ?? undefined;
        const move = { version, stage, signedOn: date('signedOn'), landOn: date('landOn'), completedOn: date('completedOn'), productionOn: date('productionOn'), fullProductionOn: date('fullProductionOn') };
        version = (await forFact(prefix, () => projects.changeStageInTx(tx, s, id, move, requestId, audited))).version;
        wrote = true;
      }
      // 一期 as the project's phase 1, its other phases kept.
      if (kept.has('phase1')) {
        const investmentWan = Number(kept.get('phase1'));
        version = (await forFact(prefix, () => projects.setPhaseInTx(tx, s, id, { version, name: '一期', investmentWan }, requestId, audited))).version;
        wrote = true;
      }
      if (wrote) records.push({ kind: 'project', id, action: 'update', name: row!.name });
      // 累计完成投资 / 形象进度 as the progress report of the period of the text's date (projects' report rules).
      if (kept.has('investedToDate') || kept.has('percentComplete')) {
        const period = await projects.reportPeriodInTx(tx, s, id, reportDay);
        const toDate = kept.get('investedToDate');
        const percent = kept.get('percentComplete');
        await forFact(prefix, () =>
          projects.createReportInTx(
            tx,
            s,
            id,
            {
              periodStart: period.periodStart,
              // Only the % read: no investment this period is stated, so the cumulative stays.
              cumulativeWan: toDate != null ? Number(toDate) : period.investedBeforeYuan,
              percentComplete: percent != null ? Number(percent) : undefined,
              progressText: '智能录入',
            },
            requestId,
            audited,
          ),
        );
        reports.push({ projectId: id, name: row!.name, periodStart: period.periodStart });
      }
    }

    async function saveLead(fact: LeadFact, prefix: string) {
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
        leadsByEnterprise.set(normalizeEnterpriseName(fact.enterprise), { id: created.id, stage: fact.stage });
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
      leadsByEnterprise.set(normalizeEnterpriseName(fact.enterprise), { id: row!.id, stage: fact.stage ?? row!.stage });
      if (Object.keys(patch).length === 1) return assertVersion(row!, decision.version!);
      await forFact(prefix, () => leads.updateInTx(tx, s, row!.id, patch, requestId, { provenance }));
      records.push({ kind: 'lead', id: row!.id, action: 'update', name: row!.name });
    }

    /**
     * A trip of the leads module with one meeting per enterprise it names: the lead this commit saved
     * for it (its stage as the outcome, 意向 or beyond as intent reached), else the enterprise found or
     * registered. The results the report states (对接/签约/框架协议/意向 N 家) stay in the trip's note.
     */
    async function saveTrip(trip: IntakeCommitArticle['trips'][number], prefix: string) {
      if (trip.end < trip.start) throw fieldError(`${prefix}.end`, 'trip_dates');
      const results = [
        trip.visited !== undefined ? `对接企业${trip.visited}家` : null,
        trip.signed !== undefined ? `签约${trip.signed}家` : null,
        trip.framework !== undefined ? `签订框架协议${trip.framework}家` : null,
        trip.intent !== undefined ? `达成意向${trip.intent}家` : null,
      ].filter(Boolean);
      const meetings: Parameters<typeof leads.createTripInTx>[2]['meetings'] = [];
      const seen = new Set<string>();
      for (const [j, name] of trip.enterprises.entries()) {
        const key = normalizeEnterpriseName(name);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const lead = leadsByEnterprise.get(key);
        const reached = lead?.stage ? leadStages.indexOf(lead.stage) >= leadStages.indexOf('intent') : false;
        const common = { occurredOn: trip.start, outcome: lead?.stage ? leadStageWords[lead.stage] : '对接', intentReached: reached };
        if (lead) meetings.push({ ...common, leadId: lead.id });
        else {
          const found = await enterprises.findOrCreateInTx(tx, s, { name, noCreditCode: true, zoneId, field: `${prefix}.enterprises.${j}.`, provenance }, requestId);
          if (found.created) records.push({ kind: 'enterprise', id: found.id, action: 'create', name: found.name });
          meetings.push({ ...common, enterpriseId: found.id });
        }
      }
      const row = await forFact(prefix, () =>
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
            note: `${results.join('，')}（智能录入）`.slice(0, 1000),
            meetings,
          },
          requestId,
          { auditAfter: provenance },
        ),
      );
      return { id: row.id, title: row.title, meetings: meetings.length };
    }

    return { records, reports, saveProject, saveLead, saveTrip };
  }

  /**
   * The zone an article names must be the zone written into, or the reviewer says so: a text about
   * another zone is never saved into one's own without a word.
   */
  async function checkZone(s: SessionContext, a: IntakeCommitArticle, prefix: string) {
    if (!inScope(s, a.zoneId)) throw fieldError(`${prefix}.zoneId`, 'zone_out_of_scope');
    if (!a.zoneRead || a.zoneConfirmed) return;
    const z = await repo.zoneNames(db, a.zoneId);
    if (!z || !zoneNameMatches(a.zoneRead, z)) throw fieldError(`${prefix}.zoneId`, 'intake_zone_mismatch');
  }

  /** Any error of an article names it (index, headline, zone as read), so the reviewer knows which report to fix. */
  async function forArticle<T>(a: IntakeCommitArticle, i: number, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof AppError) || err.details?.article) throw err;
      throw new AppError(err.code, { ...err.details, article: { index: a.index ?? i, headline: a.headline ?? null, zoneRead: a.zoneRead ?? null } });
    }
  }

  return {
    /**
     * Saves every reviewed article of a text in one transaction: per zone written, one kept source (the
     * text, who, when, the records it produced) and its intake.commit audit entry; per article its
     * projects, leads, trips and figures. Any refusal (a zone, a fact, a stale version) writes nothing.
     */
    async commit(s: SessionContext, body: IntakeCommitBody, requestId: string): Promise<IntakeCommitResponse> {
      for (const [i, a] of body.articles.entries()) await forArticle(a, i, () => checkZone(s, a, `articles.${i}`));
      const keys = body.articles.flatMap((a) => [...a.projects, ...a.leads, ...a.figures, ...a.trips].map((f) => f.key));
      if (new Set(keys).size !== keys.length) throw fieldError('articles', 'intake_duplicate_key');
      const today = chinaToday(clock);
      const reportDay = body.source.referenceDate < today ? body.source.referenceDate : today;

      return db.transaction(async (tx) => {
        type ZoneWork = {
          source: Awaited<ReturnType<typeof repo.insertSource>>;
          work: ReturnType<typeof unitOfWork>;
          figures: { label: string; value: number; period: string | null }[];
          trips: IntakeCommitResponse['trips'];
          confirmed: { article: number; zoneRead: string | null }[];
        };
        const byZone = new Map<string, ZoneWork>();
        async function zoneWork(zoneId: string): Promise<ZoneWork> {
          const known = byZone.get(zoneId);
          if (known) return known;
          const source = await repo.insertSource(tx, {
            zoneId,
            text: body.source.text,
            referenceDate: body.source.referenceDate,
            format: body.source.format,
            fileName: body.source.fileName ?? null,
            createdById: s.user.id,
            createdByName: s.user.displayName,
          });
          const w: ZoneWork = { source, work: unitOfWork(tx, s, zoneId, source.id, requestId, reportDay), figures: [], trips: [], confirmed: [] };
          byZone.set(zoneId, w);
          return w;
        }
        const reviewedAt = clock();
        for (const [i, a] of body.articles.entries()) {
          const at = `articles.${i}`;
          await forArticle(a, i, async () => {
            const z = await zoneWork(a.zoneId);
            if (a.zoneConfirmed && a.zoneRead) z.confirmed.push({ article: a.index ?? i, zoneRead: a.zoneRead });
            for (const [j, fact] of a.projects.entries()) await z.work.saveProject(fact, `${at}.projects.${j}`);
            for (const [j, fact] of a.leads.entries()) await z.work.saveLead(fact, `${at}.leads.${j}`);
            for (const [j, trip] of a.trips.entries()) z.trips.push(await z.work.saveTrip(trip, `${at}.trips.${j}`));
            await repo.insertFigures(
              tx,
              a.figures.map((f) => ({
                zoneId: a.zoneId,
                sourceId: z.source.id,
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
            z.figures.push(...a.figures.map((f) => ({ label: f.what, value: f.value, period: f.period ?? null })));
          });
        }
        const out: IntakeCommitResponse = { sourceId: '', sources: [], figures: 0, records: [], trips: [], reports: [] };
        for (const [zoneId, z] of byZone) {
          const { records, reports } = z.work;
          await repo.setSourceRecords(tx, z.source.id, records);
          await audit(tx, actorOf(s, requestId), {
            zoneId,
            action: 'intake.commit',
            entityType: 'intake_source',
            entityId: z.source.id,
            after: {
              referenceDate: z.source.referenceDate,
              format: z.source.format,
              fileName: z.source.fileName,
              characters: z.source.text.length,
              records,
              figures: z.figures,
              trips: z.trips,
              reports,
              ...(z.confirmed.length ? { zoneRead: z.confirmed[0].zoneRead, zoneConfirmed: true, confirmedArticles: z.confirmed } : {}),
            },
          });
          out.sourceId ||= z.source.id;
          out.sources.push({ zoneId, sourceId: z.source.id });
          out.figures += z.figures.length;
          out.records.push(...records);
          out.trips.push(...z.trips);
          out.reports.push(...reports);
        }
        return out;
      });
    },
  };
}

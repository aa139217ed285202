import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { ErrorCode, FieldError } from '../../../contract/errors.ts';
import {
  INTAKE_MAX_BYTES,
  LEAD_STAGES,
  PROJECT_STAGES,
  type IntakeChange,
  type IntakeCommitBody,
  type IntakeCommitResponse,
  type IntakeField,
  type IntakeMatchResponse,
  type IntakeProposal,
  type IntakeReadResponse,
  type IntakeSourceFormat,
  type ReviewedLead,
  type ReviewedProject,
} from '../../../contract/intake.ts';
import { projectStages, type ProjectStage } from '../../../contract/projects.ts';
import { leadStages, type LeadStage } from '../../../contract/pipeline-enums.ts';
import { toYuan } from '../../../contract/money.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { can, inScope, type Permission } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { IntakeSavedRecord } from '../../db/schema.ts';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import type { ProjectInsert, ProjectsRepository } from '../projects/projects.repository.ts';
import type { LeadsRepository } from '../leads/leads.repository.ts';
import { IntakeInputError, readIntakeFile, type IntakeInputErrorCode } from './file-reader.ts';
import { normalise } from './reader/normalise.ts';
import { readText } from './reader/read-text.ts';
import type { IntakeRepository } from './intake.repository.ts';

/**
 * The projects module's tx-aware creation entry point (`createFromLead`). Intake drafts have no
 * lead, so `leadId` is null here; the column is nullable (see the closing note of issue 5).
 */
export interface ProjectsForIntake {
  createFromLead(
    tx: DbOrTx,
    session: SessionContext,
    input: {
      zoneId: string;
      name: string;
      investorEnterpriseId: string | null;
      totalInvestmentYuan: number;
      leadId: string | null;
      landMu?: number | null;
      expectedOutputYuan?: number | null;
      expectedTaxYuan?: number | null;
    },
    requestId: string,
  ): Promise<{ id: string }>;
}

const fileErrors: Record<IntakeInputErrorCode, ErrorCode> = {
  FILE_NOT_FOUND: 'INTAKE_EMPTY',
  FILE_EMPTY: 'INTAKE_EMPTY',
  FILE_TOO_LARGE: 'INTAKE_TOO_LARGE',
  UNSUPPORTED_FORMAT: 'INTAKE_UNSUPPORTED_FORMAT',
  BINARY_CONTENT: 'INTAKE_UNREADABLE',
  CORRUPT_FILE: 'INTAKE_UNREADABLE',
  SCANNED_PDF: 'INTAKE_NO_TEXT_LAYER',
};

/** Controls, replacement and private-use characters: more than 2 % of them means the text is not text. */
const ODD_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/g;

/** Project names compare without width, spaces and punctuation differences. */
export function normalizeProjectName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

const projectStageKey = (zh: (typeof PROJECT_STAGES)[number]): ProjectStage => projectStages[PROJECT_STAGES.indexOf(zh)];
const leadStageKey = (zh: (typeof LEAD_STAGES)[number]): LeadStage => leadStages[LEAD_STAGES.indexOf(zh)];
const isFullDate = (d: string | undefined): d is string => Boolean(d && /^\d{4}-\d{2}-\d{2}$/.test(d));

type Proposal = IntakeProposal;
type Note = Proposal['notes'][number];

/** Money in 万元 (as typed) to exact yuan; `field` names the offending input. */
function yuanOf(wan: number | undefined, field: string): number | null {
  if (wan === undefined) return null;
  const yuan = toYuan(String(wan), 'wan');
  if (yuan === null) throw fieldError(field, 'money_format');
  return yuan;
}

export function createIntakeService(deps: {
  db: Db;
  repo: IntakeRepository;
  projects: ProjectsForIntake;
  projectsRepo: Pick<ProjectsRepository, 'findById' | 'update' | 'refreshDerived'>;
  leadsRepo: Pick<LeadsRepository, 'findById' | 'insert' | 'update' | 'nextCode' | 'zoneCode' | 'insertEvent' | 'owners'>;
  enterprises: Pick<EnterprisesRepository, 'findByCreditCode' | 'findByNormalizedName' | 'insert'>;
  audit: AuditWriter;
  clock: Clock;
}) {
  const { db, repo, projects, projectsRepo, leadsRepo, enterprises, audit, clock } = deps;
  const today = () => new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  function requireZone(s: SessionContext, zoneId: string) {
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
  }
  function requirePermission(s: SessionContext, permission: Permission, zoneId: string) {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN', { permission });
  }

  function readChecked(text: string, referenceDate: string | undefined, format: IntakeSourceFormat, fileName: string | null): IntakeReadResponse {
    const ref = referenceDate ?? today();
    return { text, normalisedText: normalise(text).text, format, fileName, result: readText(text, { referenceDate: ref }) };
  }

  /** The investor or lead enterprise: by credit code first, then by normalised name; else one to create. */
  async function findEnterprise(d: DbOrTx, name: string | undefined, rawCode: string | undefined, field: string): Promise<Proposal['enterprise']> {
    const code = rawCode ? normalizeCreditCode(rawCode) : '';
    if (code) {
      const problem = creditCodeProblem(code);
      if (problem) throw fieldError(field, `credit_code_${problem}`);
      const found = await enterprises.findByCreditCode(d, code);
      if (found) return { id: found.id, name: found.name, creditCode: found.creditCode, matchedBy: 'credit_code' };
    }
    if (!name) return null;
    const [same] = await enterprises.findByNormalizedName(d, normalizeEnterpriseName(name));
    // A name match with a different credit code is another enterprise.
    if (same && (!code || !same.creditCode)) return { id: same.id, name: same.name, creditCode: same.creditCode, matchedBy: 'name' };
    return { id: null, name, creditCode: code || null, matchedBy: null };
  }

  async function proposeProject(d: DbOrTx, zoneId: string, p: ReviewedProject, prefix: string): Promise<Proposal> {
    const t = today();
    const enterprise = await findEnterprise(d, p.investor, p.investor_credit_code, `${prefix}.investor_credit_code`);
    const wanted = normalizeProjectName(p.name);
    const hit = (await repo.projectNamesInZone(d, zoneId)).find((r) => normalizeProjectName(r.name) === wanted);
    const row = hit ? await projectsRepo.findById(d, hit.id) : undefined;
    const notes: Note[] = [];
    const proposed: { field: IntakeField; kind: IntakeChange['kind']; value: string | number; current: string | number | null }[] = [];
    const add = (field: IntakeField, kind: IntakeChange['kind'], value: string | number | null, current: string | number | null | undefined) => {
      if (value !== null) proposed.push({ field, kind, value, current: current ?? null });
    };

    if (!row) add('name', 'text', p.name, null);
    if (enterprise) {
      if (!row || !row.investorEnterpriseId) add('investor', 'text', enterprise.name, null);
      else if (row.investorEnterpriseId !== enterprise.id) notes.push({ field: 'investor', reason: 'investor_kept', value: enterprise.name });
    }
    add('totalInvestment', 'money', yuanOf(p.total_investment_wan, `${prefix}.total_investment_wan`), row?.totalInvestmentYuan);
    add('landMu', 'number', p.land_mu ?? null, row?.landMu);
    add('floorAreaM2', 'number', p.area_m2 ?? null, row?.floorAreaM2);
    const capacityText = (amount: number | null | undefined, unit: string | null | undefined) => (amount == null ? null : `${amount} ${unit ?? ''}`.trim());
    add('capacity', 'text', p.capacity ? capacityText(p.capacity.value, p.capacity.unit) : null, capacityText(row?.capacityAmount, row?.capacityUnit));
    add('expectedOutput', 'money', yuanOf(p.output_value_wan, `${prefix}.output_value_wan`), row?.expectedOutputYuan);
    add('expectedTax', 'money', yuanOf(p.tax_wan, `${prefix}.tax_wan`), row?.expectedTaxYuan);
    if (isFullDate(p.started) && p.started <= t) add('startOn', 'date', p.started, row?.startOn);
    else if (p.started) notes.push({ field: 'started', reason: 'month_only', value: p.started });
    if (p.planned_start) add('plannedStartYear', 'year', Number(p.planned_start.slice(0, 4)), row?.plannedStartYear);
    if (p.invested_to_date_wan !== undefined)
      notes.push({ field: 'invested_to_date_wan', reason: 'progress_via_report', value: String(p.invested_to_date_wan) });
    if (p.percent_complete !== undefined) notes.push({ field: 'percent_complete', reason: 'progress_via_report', value: `${p.percent_complete}%` });
    if (p.phase1_investment_wan !== undefined) notes.push({ field: 'phase1_investment_wan', reason: 'no_field', value: String(p.phase1_investment_wan) });
    if (p.planned_production) notes.push({ field: 'planned_production', reason: 'no_field', value: p.planned_production });

    const stage = p.stage ? projectStageKey(p.stage) : undefined;
    if (!row) {
      // Drafts start in 谋划/储备: later stages need their gate dates (签约日期, 供地日期 …).
      add('stage', 'stage', 'planning', null);
      if (stage && stage !== 'planning') notes.push({ field: 'stage', reason: 'draft_stage', value: p.stage });
      if (p.total_investment_wan === undefined) notes.push({ field: 'total_investment_wan', reason: 'total_missing' });
    } else if (stage && stage !== row.stage) notes.push({ field: 'stage', reason: 'stage_not_applied', value: p.stage });

    const changes = proposed.filter((c) => !row || c.current !== c.value).map((c) => ({ field: c.field, kind: c.kind, current: c.current, proposed: c.value }));
    return {
      key: p.key,
      kind: 'project',
      action: !row ? 'create' : changes.length ? 'update' : 'none',
      name: row?.name ?? p.name,
      target: row ? { id: row.id, name: row.name, version: row.version, stage: row.stage, matchedBy: 'name' } : null,
      enterprise,
      changes,
      notes,
    };
  }

  async function proposeLead(d: DbOrTx, zoneId: string, l: ReviewedLead, prefix: string): Promise<Proposal> {
    const enterprise = await findEnterprise(d, l.enterprise, l.enterprise_credit_code, `${prefix}.enterprise_credit_code`);
    const open = await repo.openLeadsInZone(d, zoneId);
    const wanted = l.project_name ? normalizeProjectName(l.project_name) : undefined;
    const byEnterprise = enterprise?.id ? open.find((r) => r.enterpriseId === enterprise.id) : undefined;
    const byName = wanted ? open.find((r) => normalizeProjectName(r.name) === wanted) : undefined;
    const hit = byEnterprise ?? byName;
    const row = hit ? await leadsRepo.findById(d, hit.id) : undefined;
    const notes: Note[] = [];
    const proposed: { field: IntakeField; kind: IntakeChange['kind']; value: string | number; current: string | number | null }[] = [];
    const add = (field: IntakeField, kind: IntakeChange['kind'], value: string | number | null | undefined, current: string | number | null | undefined) => {
      if (value != null) proposed.push({ field, kind, value, current: current ?? null });
    };

    if (!row) add('name', 'text', l.project_name ?? l.enterprise, null);
    if (!row || !row.enterpriseId) add('enterprise', 'text', enterprise?.name, null);
    add('plannedInvestment', 'money', yuanOf(l.planned_investment_wan, `${prefix}.planned_investment_wan`), row?.plannedInvestmentYuan);
    if (l.next_step) add('nextStep', 'text', l.next_step, row?.nextStep);
    if (isFullDate(l.next_step_date)) add('nextStepOn', 'date', l.next_step_date, row?.nextStepOn);
    else if (l.next_step_date) notes.push({ field: 'next_step_date', reason: 'month_only', value: l.next_step_date });
    const stage = l.stage ? leadStageKey(l.stage) : undefined;
    if (!row) {
      // 框架协议 and 正式签约 need their agreement (with its file): a draft stops at 意向.
      const capped = stage && leadStages.indexOf(stage) > leadStages.indexOf('intent') ? 'intent' : (stage ?? 'prospect');
      add('stage', 'stage', capped, null);
      if (stage && capped !== stage) notes.push({ field: 'stage', reason: 'lead_stage_needs_agreement', value: l.stage });
    } else if (stage && stage !== row.stage) notes.push({ field: 'stage', reason: 'stage_not_applied', value: l.stage });
    if (l.signed) notes.push({ field: 'signed', reason: 'lead_stage_needs_agreement', value: l.signed });
    if (l.phase1_investment_wan !== undefined) notes.push({ field: 'phase1_investment_wan', reason: 'no_field', value: String(l.phase1_investment_wan) });
    for (const f of ['planned_start', 'planned_production'] as const) if (l[f]) notes.push({ field: f, reason: 'no_field', value: l[f] });

    const changes = proposed.filter((c) => !row || c.current !== c.value).map((c) => ({ field: c.field, kind: c.kind, current: c.current, proposed: c.value }));
    return {
      key: l.key,
      kind: 'lead',
      action: !row ? 'create' : changes.length ? 'update' : 'none',
      name: row?.name ?? l.project_name ?? l.enterprise,
      target: row ? { id: row.id, name: row.name, version: row.version, stage: row.stage, matchedBy: byEnterprise ? 'enterprise' : 'name' } : null,
      enterprise,
      changes,
      notes,
    };
  }

  const valueOf = (p: Proposal, field: IntakeField) => p.changes.find((c) => c.field === field)?.proposed ?? null;

  return {
    /** Reads pasted text. Nothing is stored. */
    read(s: SessionContext, body: { text: string; referenceDate?: string }): IntakeReadResponse {
      const { text } = body;
      if (Buffer.byteLength(text, 'utf8') > INTAKE_MAX_BYTES) throw new AppError('INTAKE_TOO_LARGE');
      if (text.trim() === '') throw new AppError('INTAKE_EMPTY');
      if (text.includes('\u0000') || (text.match(ODD_CHARS)?.length ?? 0) / text.length > 0.02) throw new AppError('INTAKE_UNREADABLE');
      return readChecked(text, body.referenceDate, 'paste', null);
    },

    /** Reads an uploaded .txt/.docx/.pdf through the file reader (via a private temp file). Nothing is stored. */
    async readFile(s: SessionContext, file: { bytes: Buffer; fileName: string }, referenceDate?: string): Promise<IntakeReadResponse> {
      if (file.bytes.length > INTAKE_MAX_BYTES) throw new AppError('INTAKE_TOO_LARGE');
      const ext = path.extname(file.fileName).toLowerCase();
      const dir = await mkdtemp(path.join(tmpdir(), 'zonedesk-intake-'));
      try {
        const tmp = path.join(dir, `upload${/^\.[a-z0-9]{1,5}$/.test(ext) ? ext : ''}`);
        await writeFile(tmp, file.bytes, { mode: 0o600 });
        const { text, format } = await readIntakeFile(tmp);
        return readChecked(text, referenceDate, format, file.fileName.slice(0, 200));
      } catch (err) {
        if (err instanceof IntakeInputError) throw new AppError(fileErrors[err.code]);
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    /** Proposes, per accepted fact, a new draft or an update (with its diff) of a record in the zone. Nothing is stored. */
    async match(s: SessionContext, body: { zoneId: string; projects: ReviewedProject[]; leads: ReviewedLead[] }): Promise<IntakeMatchResponse> {
      requireZone(s, body.zoneId);
      const proposals: Proposal[] = [];
      for (const [i, p] of body.projects.entries()) proposals.push(await proposeProject(db, body.zoneId, p, `projects.${i}`));
      for (const [i, l] of body.leads.entries()) proposals.push(await proposeLead(db, body.zoneId, l, `leads.${i}`));
      return { zoneId: body.zoneId, proposals };
    },

    /**
     * Saves the confirmed proposals in one transaction: the source text, new drafts, accepted updates
     * (each checked against the version the user saw) and their audit records. Any failure writes nothing.
     */
    async commit(s: SessionContext, body: IntakeCommitBody, requestId: string): Promise<IntakeCommitResponse> {
      const { zoneId } = body;
      requireZone(s, zoneId);
      const keys = [...body.projects, ...body.leads].map((f) => f.key);
      if (new Set(keys).size !== keys.length) throw fieldError('projects', 'intake_duplicate_key');
      const actor = actorOf(s, requestId);
      const t = today();

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
        const records: IntakeSavedRecord[] = [];
        const provenance = { intakeSourceId: source.id };

        async function enterpriseIdOf(p: Proposal): Promise<string | null> {
          const e = p.enterprise;
          if (!e) return null;
          if (e.id) return e.id;
          requirePermission(s, 'enterprise.create', zoneId);
          const created = await enterprises.insert(tx, {
            creditCode: e.creditCode,
            name: e.name,
            normalizedName: normalizeEnterpriseName(e.name),
            createdInZoneId: zoneId,
          });
          await audit(tx, actor, {
            zoneId: null,
            action: 'enterprise.create',
            entityType: 'enterprise',
            entityId: created.id,
            after: { ...created, ...provenance },
          });
          records.push({ kind: 'enterprise', id: created.id, action: 'create', name: created.name });
          return created.id;
        }

        /** The diff rows to apply: those the user kept; the target must be the one the match named, at the version shown. */
        function accepted(p: Proposal, decision: IntakeCommitBody['projects'][number]['decision'], prefix: string) {
          if (!decision.targetId || decision.version === undefined) throw fieldError(`${prefix}.decision.targetId`, 'required');
          if (p.target?.id !== decision.targetId) throw new AppError('VERSION_CONFLICT', { fields: [{ field: prefix, reason: 'intake_target_changed' }] });
          const keep = decision.fields ? new Set(decision.fields) : undefined;
          return p.changes.filter((c) => !keep || keep.has(c.field));
        }

        for (const [i, fact] of body.projects.entries()) {
          const prefix = `projects.${i}`;
          const { decision } = fact;
          if (decision.action === 'update' && decision.targetId) {
            const target = await projectsRepo.findById(tx, decision.targetId);
            if (!target || target.zoneId !== zoneId) throw notFound();
          }
          const p = await proposeProject(tx, zoneId, fact, prefix);
          if (decision.action === 'create') {
            if (p.target) throw new AppError('DUPLICATE', { fields: [{ field: `${prefix}.name`, reason: 'intake_exists_now' }] });
            requirePermission(s, 'project.create', zoneId);
            const total = valueOf(p, 'totalInvestment');
            if (total === null) throw fieldError(`${prefix}.total_investment_wan`, 'intake_total_required');
            const { id } = await projects.createFromLead(
              tx,
              s,
              {
                zoneId,
                name: fact.name,
                investorEnterpriseId: await enterpriseIdOf(p),
                totalInvestmentYuan: Number(total),
                leadId: null,
                landMu: fact.land_mu ?? null,
                expectedOutputYuan: (valueOf(p, 'expectedOutput') as number | null) ?? null,
                expectedTaxYuan: (valueOf(p, 'expectedTax') as number | null) ?? null,
              },
              requestId,
            );
            // Fields createFromLead does not take, written in the same transaction.
            const extra: Partial<ProjectInsert> = {};
            if (fact.area_m2 !== undefined) extra.floorAreaM2 = fact.area_m2;
            if (fact.capacity) Object.assign(extra, { capacityAmount: fact.capacity.value, capacityUnit: fact.capacity.unit.slice(0, 16) });
            const startOn = valueOf(p, 'startOn');
            if (startOn !== null) extra.startOn = String(startOn);
            const plannedStartYear = valueOf(p, 'plannedStartYear');
            if (plannedStartYear !== null) extra.plannedStartYear = Number(plannedStartYear);
            if (Object.keys(extra).length) {
              const created = (await projectsRepo.findById(tx, id))!;
              const after = await projectsRepo.update(tx, id, created.version, extra);
              await projectsRepo.refreshDerived(tx, { projectIds: [id] }, t);
              await audit(tx, actor, {
                zoneId,
                action: 'project.update',
                entityType: 'project',
                entityId: id,
                before: created,
                after: { ...after, ...provenance },
              });
            }
            records.push({ kind: 'project', id, action: 'create', name: fact.name });
          } else {
            const changes = accepted(p, decision, prefix);
            requirePermission(s, 'project.update', zoneId);
            const before = (await projectsRepo.findById(tx, decision.targetId!))!;
            assertVersion(before, decision.version!);
            const patch: Partial<ProjectInsert> = {};
            for (const c of changes) {
              const v = c.proposed;
              if (c.field === 'totalInvestment') patch.totalInvestmentYuan = Number(v);
              else if (c.field === 'landMu') patch.landMu = Number(v);
              else if (c.field === 'floorAreaM2') patch.floorAreaM2 = Number(v);
              else if (c.field === 'capacity' && fact.capacity)
                Object.assign(patch, { capacityAmount: fact.capacity.value, capacityUnit: fact.capacity.unit.slice(0, 16) });
              else if (c.field === 'expectedOutput') patch.expectedOutputYuan = Number(v);
              else if (c.field === 'expectedTax') patch.expectedTaxYuan = Number(v);
              else if (c.field === 'startOn') patch.startOn = String(v);
              else if (c.field === 'plannedStartYear') patch.plannedStartYear = Number(v);
              else if (c.field === 'investor') patch.investorEnterpriseId = await enterpriseIdOf(p);
            }
            const merged = { ...before, ...patch };
            const problems: FieldError[] = [];
            if (merged.fixedAssetInvestmentYuan != null && merged.fixedAssetInvestmentYuan > merged.totalInvestmentYuan)
              problems.push({ field: `${prefix}.total_investment_wan`, reason: 'fixed_exceeds_total' });
            if (merged.plannedStartYear != null && merged.plannedEndYear != null && merged.plannedEndYear < merged.plannedStartYear)
              problems.push({ field: `${prefix}.planned_start`, reason: 'years_order' });
            if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
            if (!Object.keys(patch).length) continue;
            const after = await projectsRepo.update(tx, before.id, decision.version!, patch);
            await projectsRepo.refreshDerived(tx, { projectIds: [before.id] }, t);
            await audit(tx, actor, {
              zoneId,
              action: 'project.update',
              entityType: 'project',
              entityId: before.id,
              before,
              after: { ...after, ...provenance },
            });
            records.push({ kind: 'project', id: before.id, action: 'update', name: before.name });
          }
        }

        for (const [i, fact] of body.leads.entries()) {
          const prefix = `leads.${i}`;
          const { decision } = fact;
          if (decision.action === 'update' && decision.targetId) {
            const target = await leadsRepo.findById(tx, decision.targetId);
            if (!target || target.zoneId !== zoneId) throw notFound();
          }
          const p = await proposeLead(tx, zoneId, fact, prefix);
          if (decision.action === 'create') {
            if (p.target) throw new AppError('DUPLICATE', { fields: [{ field: `${prefix}.enterprise`, reason: 'intake_exists_now' }] });
            requirePermission(s, 'lead.create', zoneId);
            const owners = await leadsRepo.owners(tx, [zoneId]);
            const code = await leadsRepo.nextCode(tx, zoneId, (await leadsRepo.zoneCode(tx, zoneId)) ?? 'LEAD', Number(t.slice(0, 4)));
            const row = await leadsRepo.insert(tx, {
              zoneId,
              code,
              name: String(valueOf(p, 'name') ?? fact.enterprise).slice(0, 100),
              enterpriseId: await enterpriseIdOf(p),
              method: 'other',
              stage: (valueOf(p, 'stage') as LeadStage | null) ?? 'prospect',
              plannedInvestmentYuan: (valueOf(p, 'plannedInvestment') as number | null) ?? null,
              nextStep: (valueOf(p, 'nextStep') as string | null) ?? null,
              nextStepOn: (valueOf(p, 'nextStepOn') as string | null) ?? null,
              firstContactOn: t,
              ownerId: owners.some((o) => o.id === s.user.id) ? s.user.id : null,
            });
            await leadsRepo.insertEvent(tx, {
              zoneId,
              leadId: row.id,
              kind: 'created',
              fromValue: null,
              toValue: row.stage,
              note: '智能录入',
              actorId: s.user.id,
              actorName: s.user.displayName,
              at: clock(),
            });
            await audit(tx, actor, { zoneId, action: 'lead.create', entityType: 'lead', entityId: row.id, after: { ...row, ...provenance } });
            records.push({ kind: 'lead', id: row.id, action: 'create', name: row.name });
          } else {
            const changes = accepted(p, decision, prefix);
            requirePermission(s, 'lead.update', zoneId);
            const before = (await leadsRepo.findById(tx, decision.targetId!))!;
            assertVersion(before, decision.version!);
            const patch: Record<string, unknown> = {};
            for (const c of changes) {
              if (c.field === 'plannedInvestment') patch.plannedInvestmentYuan = Number(c.proposed);
              else if (c.field === 'nextStep') patch.nextStep = String(c.proposed);
              else if (c.field === 'nextStepOn') patch.nextStepOn = String(c.proposed);
              else if (c.field === 'enterprise') patch.enterpriseId = await enterpriseIdOf(p);
            }
            if (!Object.keys(patch).length) continue;
            const after = await leadsRepo.update(tx, before.id, decision.version!, patch);
            const { enterpriseName: _e, enterpriseCreditCode: _c, ownerName: _o, ...plain } = before;
            await audit(tx, actor, {
              zoneId,
              action: 'lead.update',
              entityType: 'lead',
              entityId: before.id,
              before: plain,
              after: { ...after, ...provenance },
            });
            records.push({ kind: 'lead', id: before.id, action: 'update', name: before.name });
          }
        }

        await repo.setSourceRecords(tx, source.id, records);
        await audit(tx, actor, {
          zoneId,
          action: 'intake.commit',
          entityType: 'intake_source',
          entityId: source.id,
          after: { referenceDate: source.referenceDate, format: source.format, fileName: source.fileName, characters: source.text.length, records },
        });
        return { sourceId: source.id, records };
      });
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;

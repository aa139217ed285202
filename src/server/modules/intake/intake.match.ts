import type { DbOrTx } from '../../db/client.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { leadStages, projectStages, type IntakeChange, type IntakeField, type IntakeProposal, type ReviewedLead, type ReviewedProject } from '../../../contract/intake.ts';
import { toYuan } from '../../../contract/money.ts';
import { stageGates } from '../../../contract/projects.ts';
import type { ProjectsService } from '../projects/index.ts';
import { stageGates as leadStageGates } from '../../../contract/pipeline-enums.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { fieldError } from '../../platform/errors.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import type { IntakeRepository, LeadForMatch, ProjectForMatch } from './intake.repository.ts';

type Note = IntakeProposal['notes'][number];
type Value = string | number;

/** A proposal, and the existing record it would update (as read, for the commit's checks). */
export type ProjectMatch = { proposal: IntakeProposal; row: ProjectForMatch | undefined };
export type LeadMatch = { proposal: IntakeProposal; row: LeadForMatch | undefined };

/** Project names compare without width, spaces and punctuation differences. */
export function normalizeProjectName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

const isFullDate = (d: string | undefined): d is string => Boolean(d && /^\d{4}-\d{2}-\d{2}$/.test(d));

/** Money in 万元 (as typed) to exact yuan; `field` names the offending input. */
function yuanOf(wan: number | undefined, field: string): number | null {
  if (wan === undefined) return null;
  const yuan = toYuan(String(wan), 'wan');
  if (yuan === null) throw fieldError(field, 'money_format');
  return yuan;
}

/** Collects the fields a fact proposes; on an existing record only those that differ become changes. */
function changeList() {
  const proposed: { field: IntakeField; kind: IntakeChange['kind']; value: Value; current: Value | null }[] = [];
  return {
    add(field: IntakeField, kind: IntakeChange['kind'], value: Value | null | undefined, current: Value | null | undefined) {
      if (value != null) proposed.push({ field, kind, value, current: current ?? null });
    },
    changes: (existing: boolean): IntakeChange[] =>
      proposed.filter((c) => !existing || c.current !== c.value).map((c) => ({ field: c.field, kind: c.kind, current: c.current, proposed: c.value })),
  };
}

/** The gate dates a reviewed project gives, by the projects module's field names (开工 only as a full date). */
const gateDatesOf = (p: ReviewedProject): Record<string, string | undefined> => ({
  signedOn: p.signed_on,
  landOn: p.land_on,
  startOn: isFullDate(p.started) ? p.started : undefined,
  completedOn: p.completed_on,
  productionOn: p.production_on,
  fullProductionOn: p.full_production_on,
});

/** The value a proposal sets for a field, or null. */
export const proposedValue = (p: IntakeProposal, field: IntakeField) => p.changes.find((c) => c.field === field)?.proposed ?? null;

/**
 * Matching: for each accepted fact, the record of the zone it would update (projects by normalised
 * name, leads by enterprise then name, among the caller's zone only) and the enterprise it names.
 * Reads only; the commit runs the same matching inside its transaction.
 */
export function createIntakeMatcher(deps: { repo: IntakeRepository; clock: Clock; projects: Pick<ProjectsService, 'reportPeriodInTx'> }) {
  const { repo, clock, projects } = deps;

  /**
   * The investor or lead enterprise: by credit code first, then by normalised name; else one to
   * create. The same rule as enterprises' findOrCreateInTx, which the commit calls to create it.
   */
  async function findEnterprise(d: DbOrTx, name: string | undefined, rawCode: string | undefined, field: string): Promise<IntakeProposal['enterprise']> {
    const code = rawCode ? normalizeCreditCode(rawCode) : '';
    if (code) {
      const problem = creditCodeProblem(code);
      if (problem) throw fieldError(field, `credit_code_${problem}`);
      const found = await repo.enterpriseByCreditCode(d, code);
      if (found) return { ...found, matchedBy: 'credit_code' };
    }
    if (!name) return null;
    const same = await repo.enterpriseByNormalizedName(d, normalizeEnterpriseName(name));
    // A name match with a different credit code is another enterprise.
    if (same && (!code || !same.creditCode)) return { ...same, matchedBy: 'name' };
    return { id: null, name, creditCode: code || null, matchedBy: null };
  }

  async function matchProject(d: DbOrTx, s: SessionContext, zoneId: string, p: ReviewedProject, prefix: string, referenceDate?: string): Promise<ProjectMatch> {
    const today = chinaToday(clock);
    const reportDay = referenceDate && referenceDate < today ? referenceDate : today;
    const enterprise = await findEnterprise(d, p.investor, p.investor_credit_code, `${prefix}.investor_credit_code`);
    const wanted = normalizeProjectName(p.name);
    const hit = (await repo.projectNamesInZone(d, s, zoneId)).find((r) => normalizeProjectName(r.name) === wanted);
    const row = hit ? await repo.projectById(d, hit.id) : undefined;
    const notes: Note[] = [];
    const { add, changes } = changeList();

    if (!row) add('name', 'text', p.name, null);
    if (enterprise) {
      if (!row || !row.investorEnterpriseId) add('investor', 'text', enterprise.name, null);
      else if (row.investorEnterpriseId !== enterprise.id) notes.push({ field: 'investor', reason: 'investor_kept', value: enterprise.name });
    }
    add('totalInvestment', 'money', yuanOf(p.total_investment_wan, `${prefix}.total_investment_wan`), row?.totalInvestmentYuan);
    add('landMu', 'number', p.land_mu, row?.landMu);
    add('floorAreaM2', 'number', p.area_m2, row?.floorAreaM2);
    const capacityText = (amount: number | null | undefined, unit: string | null | undefined) => (amount == null ? null : `${amount} ${unit ?? ''}`.trim());
    add('capacity', 'text', p.capacity ? capacityText(p.capacity.value, p.capacity.unit) : null, capacityText(row?.capacityAmount, row?.capacityUnit));
    add('expectedOutput', 'money', yuanOf(p.output_value_wan, `${prefix}.output_value_wan`), row?.expectedOutputYuan);
    add('expectedTax', 'money', yuanOf(p.tax_wan, `${prefix}.tax_wan`), row?.expectedTaxYuan);
    if (isFullDate(p.started) && p.started <= today) add('startOn', 'date', p.started, row?.startOn);
    else if (p.started) notes.push({ field: 'started', reason: 'month_only', value: p.started });
    if (p.planned_start) add('plannedStartYear', 'year', Number(p.planned_start.slice(0, 4)), row?.plannedStartYear);
    if (!row && p.invested_to_date_wan !== undefined)
      notes.push({ field: 'invested_to_date_wan', reason: 'progress_via_report', value: String(p.invested_to_date_wan) });
    if (!row && p.percent_complete !== undefined) notes.push({ field: 'percent_complete', reason: 'progress_via_report', value: `${p.percent_complete}%` });
    if (p.planned_production) notes.push({ field: 'planned_production', reason: 'no_field', value: p.planned_production });

    if (!row) {
      // A new project is written at the stage read, with the gate dates of every stage up to it (签约日期 …);
      // 一期 becomes its phase 1.
      const stage = p.stage ?? 'planning';
      add('stage', 'stage', stage, null);
      add('signedOn', 'date', p.signed_on, null);
      add('landOn', 'date', p.land_on, null);
      add('completedOn', 'date', p.completed_on, null);
      add('productionOn', 'date', p.production_on, null);
      add('fullProductionOn', 'date', p.full_production_on, null);
      if (p.phase1_investment_wan !== undefined) add('phase1', 'money', yuanOf(p.phase1_investment_wan, `${prefix}.phase1_investment_wan`), null);
      const have: Record<string, unknown> = { investorEnterpriseId: p.investor, ...gateDatesOf(p) };
      const missing = projectStages.slice(0, projectStages.indexOf(stage) + 1).flatMap((st) => stageGates[st].filter((g) => !have[g]));
      if (missing.length) notes.push({ field: 'stage', reason: 'gate_dates_needed', value: missing.join(',') });
      if (p.total_investment_wan === undefined) notes.push({ field: 'total_investment_wan', reason: 'total_missing' });
    } else {
      // The stage read, when it is ahead of the record's (a text never moves a project back), with the
      // gate dates of the stages it passes; the projects module checks them on commit.
      if (p.stage && projectStages.indexOf(p.stage) > projectStages.indexOf(row.stage)) {
        add('stage', 'stage', p.stage, row.stage);
        const gateValues = gateDatesOf(p);
        for (const [f, v] of Object.entries(gateValues)) if (v && f !== 'startOn') add(f as IntakeField, 'date', v, null);
        const onFile: Record<string, unknown> = { investorEnterpriseId: row.investorEnterpriseId ?? enterprise?.name, startOn: row.startOn };
        const missing = projectStages
          .slice(projectStages.indexOf(row.stage) + 1, projectStages.indexOf(p.stage) + 1)
          .flatMap((st) => stageGates[st].filter((g) => !gateValues[g] && !onFile[g]));
        if (missing.length) notes.push({ field: 'stage', reason: 'gate_dates_needed', value: missing.join(',') });
      } else if (p.stage && p.stage !== row.stage) notes.push({ field: 'stage', reason: 'stage_not_applied', value: p.stage });
      // 一期 as the project's phase 1 (the others kept).
      if (p.phase1_investment_wan !== undefined)
        add('phase1', 'money', yuanOf(p.phase1_investment_wan, `${prefix}.phase1_investment_wan`), (await repo.phaseInvestment(d, row.id, '一期')) ?? null);
      // 累计完成投资 and 形象进度 as a progress report of the period of the text's date.
      if (p.invested_to_date_wan !== undefined || p.percent_complete !== undefined) {
        const period = await projects.reportPeriodInTx(d, s, row.id, reportDay);
        const toDate = yuanOf(p.invested_to_date_wan, `${prefix}.invested_to_date_wan`);
        if (period.reported) notes.push({ field: 'invested_to_date_wan', reason: 'period_reported', value: period.periodStart });
        // A text older than the reports on file does not slip a period in before them.
        else if (period.lastReportPeriodStart && period.lastReportPeriodStart > period.periodStart)
          notes.push({ field: 'invested_to_date_wan', reason: 'later_period_reported', value: period.lastReportPeriodStart });
        else if (toDate !== null && toDate < period.investedBeforeYuan)
          notes.push({ field: 'invested_to_date_wan', reason: 'cumulative_backwards', value: String(p.invested_to_date_wan) });
        else {
          add('investedToDate', 'money', toDate, period.investedBeforeYuan);
          add('percentComplete', 'number', p.percent_complete, period.lastPercentComplete);
          if (toDate === null) notes.push({ field: 'invested_to_date_wan', reason: 'report_without_amount', value: period.periodStart });
        }
      }
    }

    const diff = changes(Boolean(row));
    const proposal: IntakeProposal = {
      key: p.key,
      kind: 'project',
      action: !row ? 'create' : diff.length ? 'update' : 'none',
      name: row?.name ?? p.name,
      target: row ? { id: row.id, name: row.name, version: row.version, stage: row.stage, matchedBy: 'name' } : null,
      enterprise,
      changes: diff,
      notes,
    };
    return { proposal, row };
  }

  async function matchLead(d: DbOrTx, s: SessionContext, zoneId: string, l: ReviewedLead, prefix: string): Promise<LeadMatch> {
    const enterprise = await findEnterprise(d, l.enterprise, l.enterprise_credit_code, `${prefix}.enterprise_credit_code`);
    const open = await repo.openLeadsInZone(d, s, zoneId);
    const wanted = l.project_name ? normalizeProjectName(l.project_name) : undefined;
    const byEnterprise = enterprise?.id ? open.find((r) => r.enterpriseId === enterprise.id) : undefined;
    const byName = wanted ? open.find((r) => normalizeProjectName(r.name) === wanted) : undefined;
    const hit = byEnterprise ?? byName;
    const row = hit ? await repo.leadById(d, hit.id) : undefined;
    const notes: Note[] = [];
    const { add, changes } = changeList();

    if (!row) add('name', 'text', l.project_name ?? l.enterprise, null);
    if (!row || !row.enterpriseId) add('enterprise', 'text', enterprise?.name, null);
    add('plannedInvestment', 'money', yuanOf(l.planned_investment_wan, `${prefix}.planned_investment_wan`), row?.plannedInvestmentYuan);
    if (l.next_step) add('nextStep', 'text', l.next_step, row?.nextStep);
    if (isFullDate(l.next_step_date)) add('nextStepOn', 'date', l.next_step_date, row?.nextStepOn);
    else if (l.next_step_date) notes.push({ field: 'next_step_date', reason: 'month_only', value: l.next_step_date });
    if (!row) {
      // The stage as read (框架协议 stays 框架协议); its agreement and file are attached on the lead's page.
      const stage = l.stage ?? 'prospect';
      add('stage', 'stage', stage, null);
      const gated = leadStages.slice(1, leadStages.indexOf(stage) + 1).filter((st) => leadStageGates[st]);
      if (gated.length) notes.push({ field: 'stage', reason: 'agreement_to_attach', value: gated.join(',') });
    } else if (l.stage && l.stage !== row.stage) notes.push({ field: 'stage', reason: 'stage_not_applied', value: l.stage });
    if (l.signed) notes.push({ field: 'signed', reason: 'agreement_to_attach', value: l.signed });
    if (l.phase1_investment_wan !== undefined) notes.push({ field: 'phase1_investment_wan', reason: 'no_field', value: String(l.phase1_investment_wan) });
    for (const f of ['planned_start', 'planned_production'] as const) if (l[f]) notes.push({ field: f, reason: 'no_field', value: l[f] });

    const diff = changes(Boolean(row));
    const proposal: IntakeProposal = {
      key: l.key,
      kind: 'lead',
      action: !row ? 'create' : diff.length ? 'update' : 'none',
      name: row?.name ?? l.project_name ?? l.enterprise,
      target: row ? { id: row.id, name: row.name, version: row.version, stage: row.stage, matchedBy: byEnterprise ? 'enterprise' : 'name' } : null,
      enterprise,
      changes: diff,
      notes,
    };
    return { proposal, row };
  }

  return { matchProject, matchLead };
}

export type IntakeMatcher = ReturnType<typeof createIntakeMatcher>;

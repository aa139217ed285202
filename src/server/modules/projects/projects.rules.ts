/**
 * The projects rules that need no database: stage gates and dates, the checks create and update
 * share, report amounts, 标准地 compliance and photo types. Services call these; tests can too.
 */
import type { z } from 'zod';
import type { FieldError } from '../../../contract/errors.ts';
import { projectStages, stageGates, type createProjectBody, type TemplateApproval, type TemplateMilestone, type FlagRule, type LandIndicatorKey, type LandSource, type LandToStart, type LandVerdict, landIndicatorKeys, type ProjectStage } from '../../../contract/projects.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import { AppError } from '../../platform/errors.ts';
import type { LandStandardRow, ProjectInsert, ProjectRow } from './projects.repository.ts';

export const gateDateOf: Partial<Record<ProjectStage, 'signedOn' | 'landOn' | 'startOn' | 'completedOn' | 'productionOn' | 'fullProductionOn'>> = {
  signed: 'signedOn',
  land: 'landOn',
  started: 'startOn',
  completed: 'completedOn',
  production: 'productionOn',
  full_production: 'fullProductionOn',
};
export const actualDateFields = ['signedOn', 'landOn', 'startOn', 'completedOn', 'productionOn', 'fullProductionOn'] as const;
export const stageIndex = (s: ProjectStage) => projectStages.indexOf(s);
const round1 = (n: number) => Math.round(n * 10) / 10;
/** part as a percentage of whole, one decimal; null without a whole. */
export const pct = (part: number, whole: number | null | undefined) => (whole && whole > 0 ? round1((part * 100) / whole) : null);

/**
 * A project's plan made from the template: its nodes (a node marking a stage the project has passed
 * takes that gate's date as done) and its approval items. One rule for a project created now and
 * for an imported project's plan written on first use (ensurePlan), so both come out alike.
 */
export function templatePlanRows(
  template: { milestones: TemplateMilestone[]; approvals: TemplateApproval[] },
  project: Pick<ProjectRow, 'id' | 'zoneId' | 'stage' | (typeof actualDateFields)[number]>,
) {
  const milestones = template.milestones.map((m, i) => {
    const passed = m.stage && stageIndex(m.stage) <= stageIndex(project.stage) ? gateDateOf[m.stage] : undefined;
    return { zoneId: project.zoneId, projectId: project.id, sortOrder: i + 1, name: m.name, stage: m.stage ?? null, actualOn: passed ? (project[passed] ?? null) : null };
  });
  const approvals = template.approvals.map((a, i) => ({
    zoneId: project.zoneId,
    projectId: project.id,
    sortOrder: i + 1,
    name: a.name,
    agency: a.agency ?? null,
    statutoryDays: a.statutoryDays ?? null,
    promisedDays: a.promisedDays ?? null,
  }));
  return { milestones, approvals };
}


/** JPEG, PNG or WebP by their first bytes: the declared type is not trusted. */
export function imageTypeOf(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

type PhaseValues = NonNullable<z.infer<typeof createProjectBody>['phases']>[number];

/** The dates of a phase that each phase stage needs (its own 拿地, 开工, 竣工, 投产). */
const phaseGates: Partial<Record<ProjectStage, 'landOn' | 'actualStartOn' | 'actualEndOn' | 'productionOn'>> = {
  land: 'landOn',
  started: 'actualStartOn',
  completed: 'actualEndOn',
  production: 'productionOn',
};

/**
 * A record's actual dates in order: 开工 not before 供地, 竣工 and 投产 not before 开工, 达产 not before
 * 投产 (签约 may come after 供地, and 投产 may precede 竣工: trial production).
 */
const dateOrder = [
  ['landOn', 'startOn', 'start_before_land'],
  ['startOn', 'completedOn', 'stage_dates_order'],
  ['startOn', 'productionOn', 'stage_dates_order'],
  ['productionOn', 'fullProductionOn', 'stage_dates_order'],
] as const;

/** Dates, money and year rules shared by create and update, on the merged record. */
export function checkRecord(v: Partial<ProjectInsert>, t: string, phases?: PhaseValues[]): FieldError[] {
  const fields: FieldError[] = [];
  for (const f of actualDateFields) if (v[f] && v[f]! > t) fields.push({ field: f, reason: 'date_in_future' });
  for (const [earlier, later, reason] of dateOrder) if (v[earlier] && v[later] && v[later]! < v[earlier]!) fields.push({ field: later, reason });
  if (v.fixedAssetInvestmentYuan != null && v.totalInvestmentYuan != null && v.fixedAssetInvestmentYuan > v.totalInvestmentYuan)
    fields.push({ field: 'fixedAssetInvestmentWan', reason: 'fixed_exceeds_total' });
  if (v.plannedStartYear != null && v.plannedEndYear != null && v.plannedEndYear < v.plannedStartYear)
    fields.push({ field: 'plannedEndYear', reason: 'years_order' });
  if (phases) fields.push(...checkPhases(phases, t, v.totalInvestmentYuan));
  return fields;
}

/** Each phase's dates in order and not in the future, its stage's dates given, its money within its total and the project's. */
export function checkPhases(phases: PhaseValues[], t: string, totalInvestmentYuan: number | null | undefined): FieldError[] {
  const fields: FieldError[] = [];
  phases.forEach((ph, i) => {
    const at = (f: string) => `phases.${i}.${f}`;
    for (const f of ['landOn', 'actualStartOn', 'actualEndOn', 'productionOn'] as const) if (ph[f] && ph[f]! > t) fields.push({ field: at(f), reason: 'date_in_future' });
    if (ph.plannedStartOn && ph.plannedEndOn && ph.plannedEndOn < ph.plannedStartOn) fields.push({ field: at('plannedEndOn'), reason: 'dates_order' });
    if (ph.landOn && ph.actualStartOn && ph.actualStartOn < ph.landOn) fields.push({ field: at('actualStartOn'), reason: 'start_before_land' });
    for (const f of ['actualEndOn', 'productionOn'] as const) {
      if (!ph[f]) continue;
      if (!ph.actualStartOn) fields.push({ field: at(f), reason: 'needs_start' });
      else if (ph[f]! < ph.actualStartOn) fields.push({ field: at(f), reason: f === 'actualEndOn' ? 'dates_order' : 'before_start' });
    }
    const stage = ph.stage ?? 'planning';
    for (const st of projectStages.slice(1, stageIndex(stage) + 1)) {
      const g = phaseGates[st];
      if (g && !ph[g] && !fields.some((e) => e.field === at(g))) fields.push({ field: at(g), reason: 'gate_required' });
    }
    if (ph.investedWan != null && ph.investmentWan != null && ph.investedWan > ph.investmentWan)
      fields.push({ field: at('investedWan'), reason: 'invested_exceeds_total' });
  });
  // Money of a phase is already yuan here (wanAmount transforms): their sum cannot pass the project's total.
  const sum = phases.reduce((acc, ph) => acc + (ph.investmentWan ?? 0), 0);
  if (totalInvestmentYuan != null && sum > totalInvestmentYuan) {
    const last = phases.map((ph) => ph.investmentWan != null).lastIndexOf(true);
    fields.push({ field: `phases.${last}.investmentWan`, reason: 'phases_exceed_total' });
  }
  return fields;
}

/**
 * 供地到开工 against the zone's rule: working days after the land date up to the start (or today
 * while not started), over the statutory figure or the promise, and 拿地即开工 (started within N).
 */
export function landToStartOf(
  cal: Pick<WorkCalendar, 'workdaysBetween'>,
  landOn: string | null | undefined,
  startOn: string | null | undefined,
  today: string,
  rule: Pick<FlagRule, 'landToStartStatutoryDays' | 'landToStartPromisedDays' | 'immediateStartDays'>,
  stored?: number | null,
): LandToStart | null {
  if (!landOn) return null;
  const started = !!startOn;
  const workdays = started && stored != null ? stored : cal.workdaysBetween(landOn, startOn ?? today);
  return {
    workdays,
    started,
    statutoryDays: rule.landToStartStatutoryDays,
    promisedDays: rule.landToStartPromisedDays,
    immediateStartDays: rule.immediateStartDays,
    overStatutory: workdays > rule.landToStartStatutoryDays,
    overPromised: rule.landToStartPromisedDays != null && workdays > rule.landToStartPromisedDays,
    immediateStart: started && workdays <= rule.immediateStartDays,
  };
}

/** The stored land-to-start working days of a record with both dates (the list's 拿地即开工 filter reads them). */
export const storedLandToStart = (cal: Pick<WorkCalendar, 'workdaysBetween'>, landOn?: string | null, startOn?: string | null) =>
  landOn && startOn && startOn >= landOn ? cal.workdaysBetween(landOn, startOn) : null;

/** What a stage needs: the gates of every stage up to it, on the merged record. */
export function gateErrors(v: Partial<ProjectInsert>, stage: ProjectStage): FieldError[] {
  const fields: FieldError[] = [];
  for (const st of projectStages.slice(1, stageIndex(stage) + 1))
    for (const g of stageGates[st]) if (v[g] == null || v[g] === '') fields.push({ field: g, reason: 'gate_required' });
  return fields;
}

/**
 * An enterprise's figures of one year (亩均效益 inputs): the source the 标准地 read switches to when
 * it exists. Supplied by the enterprises' yearly figures (issue 10 item 6 / the KPI issue) through
 * the `enterpriseYearly` dependency; money in yuan, energy in 吨标准煤.
 */
export interface EnterpriseYearFigures {
  enterpriseId: string;
  year: number;
  taxYuan: number | null;
  outputYuan: number | null;
  energyTce?: number | null;
  /** The enterprise's land that year (亩): the per-亩 figures divide by it when given, else by the project's land. */
  landMu?: number | null;
}

/** What the achieved 标准地 figures are derived from: the project's record and its investor's latest yearly figures. */
export interface LandInputs {
  stage: ProjectStage;
  landMu: number | null;
  investedTotalYuan: number;
  expectedTaxYuan: number | null;
  expectedOutputYuan: number | null;
  floorAreaM2: number | null;
  yearly?: EnterpriseYearFigures | null;
}

const M2_PER_MU = 10_000 / 15; // 1 亩 = 666.67 m²
const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
/** The project has finished building: what is short now stays short (投资强度, 容积率 can be judged). */
const built = (stage: ProjectStage) => stageIndex(stage) >= stageIndex('completed');

/**
 * 标准地 achieved from the records (never typed), each indicator with its verdict (达标 met /
 * 未达标 not_met / 待核 pending):
 * - 投资强度 = invested since start (the progress reports' cumulative) / 亩: met once it reaches the
 *   promise; not met when the project is built (竣工 or later) and still short; else pending.
 * - 亩均税收, 亩均产出 = the enterprise's latest yearly tax / output / 亩 → met or not met; without
 *   yearly figures the project's expected (达产) figures are shown, pending: an expectation is no result.
 * - 容积率 = floor area / (亩 × 666.67 m²), judged once built; 能耗 = yearly energy / output (万元), else pending.
 * The whole is 未达标 when any is not met, 达标 when all are met, else 待核.
 */
export function deriveLand(l: LandStandardRow, p: LandInputs) {
  const mu = p.landMu && p.landMu > 0 ? p.landMu : null;
  const perMu = (yuan: number | null | undefined) => (mu && yuan != null ? round2(yuan / 10_000 / mu) : null);
  const y = p.yearly ?? null;
  // final: judged now; progress: met once reached, else judged once built; built: judged only once built; never: no verdict.
  type Derived = { achieved: number | null; source: LandSource | null; year: number | null; judged: 'final' | 'progress' | 'built' | 'never' };
  const none: Derived = { achieved: null, source: null, year: null, judged: 'never' };
  const yearMu = y?.landMu && y.landMu > 0 ? y.landMu : mu;
  const fromYearOrProject = (yearly: number | null | undefined, expected: number | null): Derived =>
    y && yearly != null && yearMu
      ? { achieved: round2(yearly / 10_000 / yearMu), source: 'enterprise_yearly', year: y.year, judged: 'final' }
      : expected != null && mu
        ? { achieved: perMu(expected), source: 'project_fields', year: null, judged: 'never' }
        : none;
  const derived: Record<LandIndicatorKey, Derived> = {
    investmentIntensity: mu ? { achieved: perMu(p.investedTotalYuan), source: 'progress_reports', year: null, judged: built(p.stage) ? 'final' : 'progress' } : none,
    taxPerMu: fromYearOrProject(y?.taxYuan, p.expectedTaxYuan),
    outputPerMu: fromYearOrProject(y?.outputYuan, p.expectedOutputYuan),
    floorAreaRatio:
      mu && p.floorAreaM2 != null
        ? { achieved: round2(p.floorAreaM2 / (mu * M2_PER_MU)), source: 'project_fields', year: null, judged: built(p.stage) ? 'final' : 'built' }
        : none,
    energyPerOutput:
      y && y.energyTce != null && y.outputYuan
        ? { achieved: round4(y.energyTce / (y.outputYuan / 10_000)), source: 'enterprise_yearly', year: y.year, judged: 'final' }
        : none,
  };
  const promised: Record<LandIndicatorKey, number | null> = {
    investmentIntensity: l.investmentIntensityPromised,
    taxPerMu: l.taxPerMuPromised,
    outputPerMu: l.outputPerMuPromised,
    floorAreaRatio: l.floorAreaRatioPromised,
    energyPerOutput: l.energyPerOutputPromised,
  };
  const reported: Record<LandIndicatorKey, number | null> = {
    investmentIntensity: l.investmentIntensityReported,
    taxPerMu: l.taxPerMuReported,
    outputPerMu: null,
    floorAreaRatio: l.floorAreaRatioReported,
    energyPerOutput: l.energyPerOutputReported,
  };
  const indicators = landIndicatorKeys.map((key) => {
    const d = derived[key];
    const target = promised[key];
    let verdict: LandVerdict | null = null;
    if (target != null) {
      const reached = d.achieved != null && (key === 'energyPerOutput' ? d.achieved <= target : d.achieved >= target);
      verdict =
        d.judged === 'never' || d.judged === 'built' || d.achieved == null ? 'pending' : reached ? 'met' : d.judged === 'final' ? 'not_met' : 'pending';
    }
    return { key, promised: target, achieved: d.achieved, source: d.source, year: d.year, verdict, reported: reported[key] };
  });
  const verdicts = indicators.map((i) => i.verdict).filter((v) => v != null);
  const verdict: LandVerdict = verdicts.includes('not_met') ? 'not_met' : verdicts.length > 0 && verdicts.every((v) => v === 'met') ? 'met' : 'pending';
  return {
    investmentIntensityPromised: l.investmentIntensityPromised,
    taxPerMuPromised: l.taxPerMuPromised,
    outputPerMuPromised: l.outputPerMuPromised,
    floorAreaRatioPromised: l.floorAreaRatioPromised,
    energyPerOutputPromised: l.energyPerOutputPromised,
    indicators,
    verdict,
    reportedOn: l.assessedOn,
    version: l.version,
  };
}

/** Validates a report's entry against the period rules and the history; returns the period amount in yuan. */
export function reportAmount(
  row: { investedWan?: number; cumulativeWan?: number },
  before: number,
  prefix: string,
): { invested: number; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const hasInvested = row.investedWan !== undefined;
  const hasCumulative = row.cumulativeWan !== undefined;
  if (hasInvested === hasCumulative) return { invested: 0, fields: [{ field: `${prefix}investedWan`, reason: 'invested_or_cumulative' }] };
  if (hasCumulative && row.cumulativeWan! < before) fields.push({ field: `${prefix}cumulativeWan`, reason: 'cumulative_backwards' });
  return { invested: hasInvested ? row.investedWan! : row.cumulativeWan! - before, fields };
}

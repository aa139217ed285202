/**
 * The projects rules that need no database: stage gates and dates, the checks create and update
 * share, report amounts, 标准地 compliance and photo types. Services call these; tests can too.
 */
import type { z } from 'zod';
import type { FieldError } from '../../../contract/errors.ts';
import { projectStages, stageGates, type createProjectBody, type ProjectStage } from '../../../contract/projects.ts';
import { AppError } from '../../platform/errors.ts';
import type { LandStandardRow, ProjectInsert } from './projects.repository.ts';

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

/** Throws one VALIDATION_FAILED naming every field collected, or nothing when there are none. */
export function throwIfAny(fields: FieldError[], code: 'VALIDATION_FAILED' | 'DUPLICATE' = 'VALIDATION_FAILED') {
  if (fields.length) throw new AppError(code, { fields });
}

/** JPEG, PNG or WebP by their first bytes: the declared type is not trusted. */
export function imageTypeOf(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Dates, money and year rules shared by create and update, on the merged record. */
export function checkRecord(v: Partial<ProjectInsert>, t: string, phases?: z.infer<typeof createProjectBody>['phases']): FieldError[] {
  const fields: FieldError[] = [];
  for (const f of actualDateFields) if (v[f] && v[f]! > t) fields.push({ field: f, reason: 'date_in_future' });
  if (v.fixedAssetInvestmentYuan != null && v.totalInvestmentYuan != null && v.fixedAssetInvestmentYuan > v.totalInvestmentYuan)
    fields.push({ field: 'fixedAssetInvestmentWan', reason: 'fixed_exceeds_total' });
  if (v.plannedStartYear != null && v.plannedEndYear != null && v.plannedEndYear < v.plannedStartYear)
    fields.push({ field: 'plannedEndYear', reason: 'years_order' });
  phases?.forEach((ph, i) => {
    for (const f of ['actualStartOn', 'actualEndOn'] as const) if (ph[f] && ph[f]! > t) fields.push({ field: `phases.${i}.${f}`, reason: 'date_in_future' });
    if (ph.plannedStartOn && ph.plannedEndOn && ph.plannedEndOn < ph.plannedStartOn) fields.push({ field: `phases.${i}.plannedEndOn`, reason: 'dates_order' });
  });
  return fields;
}

/** What a stage needs: the gates of every stage up to it, on the merged record. */
export function gateErrors(v: Partial<ProjectInsert>, stage: ProjectStage): FieldError[] {
  const fields: FieldError[] = [];
  for (const st of projectStages.slice(1, stageIndex(stage) + 1))
    for (const g of stageGates[st]) if (v[g] == null || v[g] === '') fields.push({ field: g, reason: 'gate_required' });
  return fields;
}

/** A land-indicator row with its per-indicator compliance (met when achieved reaches promised). */
export function presentLand(l: LandStandardRow) {
  const pairs = {
    investmentIntensity: [l.investmentIntensityPromised, l.investmentIntensityReported, 'higher'],
    taxPerMu: [l.taxPerMuPromised, l.taxPerMuReported, 'higher'],
    floorAreaRatio: [l.floorAreaRatioPromised, l.floorAreaRatioReported, 'higher'],
    energyPerOutput: [l.energyPerOutputPromised, l.energyPerOutputReported, 'lower'],
  } as const;
  const compliance: Record<string, 'met' | 'not_met' | 'pending'> = {};
  for (const [k, [promised, achieved, better]] of Object.entries(pairs)) {
    if (promised == null) continue;
    compliance[k] = achieved == null ? 'pending' : (better === 'higher' ? achieved >= promised : achieved <= promised) ? 'met' : 'not_met';
  }
  const values = Object.values(compliance);
  return {
    investmentIntensityPromised: l.investmentIntensityPromised,
    investmentIntensityAchieved: l.investmentIntensityReported,
    taxPerMuPromised: l.taxPerMuPromised,
    taxPerMuAchieved: l.taxPerMuReported,
    floorAreaRatioPromised: l.floorAreaRatioPromised,
    floorAreaRatioAchieved: l.floorAreaRatioReported,
    energyPerOutputPromised: l.energyPerOutputPromised,
    energyPerOutputAchieved: l.energyPerOutputReported,
    assessedOn: l.assessedOn,
    compliance,
    compliant: values.length === 0 || values.includes('pending') ? null : values.every((v) => v === 'met'),
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

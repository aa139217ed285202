/**
 * 三个一批 achieved from the records (issue 10 item 3; docs/dispatch.md, "Achieved from the records").
 * A nomination is typed by hand; whether it was achieved never is:
 * - 签约一批: the lead (or the project's lead) has its counting agreement at the campaign's signing
 *   event: its first investment agreement, or a 增资 after it (the increment). A re-signing at the
 *   event, or only a framework agreement, is not a signing. Counting agreements at the event for
 *   leads nobody nominated fill the list as well (not nominated, not in the rate).
 * - 开工一批: the project's actual start date (实际开工) lies in the campaign's quarter.
 * - 投产一批: the project's production date lies in the quarter; 达效 when it has its 达产 date.
 * Pure: the service loads the facts, the page, the rates and the tracking sheet all read this.
 */
import type { CampaignEntryStatus, CampaignGap } from '../../../contract/dispatch.ts';
import { campaignBatches, type CampaignBatch } from '../../../contract/dispatch-enums.ts';
import { computeRates, type Rates } from './campaign-rates.ts';

export interface NominationRow {
  id: string;
  campaignId: string;
  batch: CampaignBatch;
  projectId: string | null;
  leadId: string | null;
  name: string;
  plannedAmountYuan: number | null;
  reason: string | null;
  arrivedYuan: number | null;
  sortOrder: number;
  version: number;
}

export interface ProjectFacts {
  id: string;
  name: string;
  leadId: string | null;
  stage: string;
  signedOn: string | null;
  startOn: string | null;
  productionOn: string | null;
  fullProductionOn: string | null;
}

export interface AgreementFacts {
  id: string;
  leadId: string;
  kind: string;
  signedOn: string;
  amountYuan: number;
  signingEventId: string | null;
  createdAt: Date | string;
}

export interface CampaignFacts {
  /** The campaign's signing event, if it names one. */
  signingEventId: string | null;
  projects: Map<string, ProjectFacts>;
  /** Every agreement of the leads involved (nominated, and those signed at the event). */
  agreements: AgreementFacts[];
  leadNames: Map<string, string>;
}

export interface DerivedEntry {
  id: string | null;
  campaignId: string;
  batch: CampaignBatch;
  nominated: boolean;
  projectId: string | null;
  leadId: string | null;
  name: string;
  plannedAmountYuan: number | null;
  achieved: boolean;
  status: CampaignEntryStatus;
  statusOn: string | null;
  achievedAmountYuan: number | null;
  agreementId: string | null;
  outputReached: boolean;
  stage: string | null;
  reason: string | null;
  arrivedYuan: number | null;
  sortOrder: number;
  version: number | null;
  /** For the tracking sheet: the project's (or the signing's) dates from the records. */
  signedOn: string | null;
  startOn: string | null;
  productionOn: string | null;
}

export interface DerivedCampaign {
  entries: DerivedEntry[];
  gaps: CampaignGap[];
  rates: Rates;
}

/** First and last day of a quarter. */
export function quarterRange(year: number, quarter: number): { start: string; end: string } {
  const m = (quarter - 1) * 3 + 1;
  const endMonth = m + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(m)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

const byTime = (a: AgreementFacts, b: AgreementFacts) =>
  a.signedOn.localeCompare(b.signedOn) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id);

/** A lead's first investment agreement (the counting rule's signing), or undefined. */
export function firstInvestment(agreements: AgreementFacts[], leadId: string): AgreementFacts | undefined {
  return agreements
    .filter((a) => a.leadId === leadId && a.kind === 'investment')
    .sort(byTime)
    .at(0);
}

interface Signing {
  status: CampaignEntryStatus;
  on: string | null;
  amountYuan: number | null;
  agreementId: string | null;
}

/** What a lead signed at the event, by the counting rule. */
export function signingAtEvent(agreements: AgreementFacts[], leadId: string, eventId: string | null): Signing {
  if (!eventId) return { status: 'no_signing_event', on: null, amountYuan: null, agreementId: null };
  const first = firstInvestment(agreements, leadId);
  const atEvent = agreements.filter((a) => a.leadId === leadId && a.signingEventId === eventId).sort(byTime);
  const counting = atEvent.filter((a) => (first && a.id === first.id) || (a.kind === 'capital_increase' && first && byTime(a, first) >= 0));
  if (counting.length)
    return {
      status: 'signed',
      on: counting[0].signedOn,
      amountYuan: counting.reduce((sum, a) => sum + a.amountYuan, 0),
      agreementId: counting[0].id,
    };
  if (first && atEvent.some((a) => a.kind === 'investment')) return { status: 'counted_before', on: first.signedOn, amountYuan: null, agreementId: null };
  if (atEvent.length) return { status: 'framework_only', on: atEvent[0].signedOn, amountYuan: null, agreementId: null };
  return { status: 'not_signed_at_event', on: null, amountYuan: null, agreementId: null };
}

const inRange = (d: string | null, r: { start: string; end: string }) => d != null && d >= r.start && d <= r.end;

export function deriveCampaign(campaign: { id: string; year: number; quarter: number }, nominations: NominationRow[], facts: CampaignFacts): DerivedCampaign {
  const q = quarterRange(campaign.year, campaign.quarter);
  const entries: DerivedEntry[] = [];
  const nominatedLeads = new Set<string>();

  for (const n of nominations) {
    const p = n.projectId ? facts.projects.get(n.projectId) : undefined;
    const base: DerivedEntry = {
      id: n.id,
      campaignId: n.campaignId,
      batch: n.batch,
      nominated: true,
      projectId: n.projectId,
      leadId: n.leadId,
      name: n.name,
      plannedAmountYuan: n.plannedAmountYuan,
      achieved: false,
      status: 'no_record',
      statusOn: null,
      achievedAmountYuan: null,
      agreementId: null,
      outputReached: false,
      stage: p?.stage ?? null,
      reason: n.reason,
      arrivedYuan: n.arrivedYuan,
      sortOrder: n.sortOrder,
      version: n.version,
      signedOn: p?.signedOn ?? null,
      startOn: p?.startOn ?? null,
      productionOn: p?.productionOn ?? null,
    };
    if (n.batch === 'sign') {
      const leadId = n.leadId ?? p?.leadId ?? null;
      if (leadId && (n.leadId ? facts.leadNames.has(leadId) : true)) {
        nominatedLeads.add(leadId);
        const s = signingAtEvent(facts.agreements, leadId, facts.signingEventId);
        Object.assign(base, {
          achieved: s.status === 'signed',
          status: s.status,
          statusOn: s.on,
          achievedAmountYuan: s.amountYuan,
          agreementId: s.agreementId,
          signedOn: s.status === 'signed' ? s.on : (firstInvestment(facts.agreements, leadId)?.signedOn ?? base.signedOn),
        });
      }
    } else if (p) {
      const date = n.batch === 'start' ? p.startOn : p.productionOn;
      const achieved = inRange(date, q);
      const status: CampaignEntryStatus =
        n.batch === 'start'
          ? achieved
            ? 'started'
            : date
              ? 'started_outside_quarter'
              : 'not_started'
          : achieved
            ? 'in_production'
            : date
              ? 'production_outside_quarter'
              : 'no_production_date';
      Object.assign(base, { achieved, status, statusOn: date, outputReached: n.batch === 'production' && achieved && p.fullProductionOn != null });
    }
    entries.push(base);
  }

  // Counting signings at the event that nobody nominated fill the 签约一批 list.
  if (facts.signingEventId) {
    const leadsAtEvent = [...new Set(facts.agreements.filter((a) => a.signingEventId === facts.signingEventId).map((a) => a.leadId))];
    let order = nominations.filter((n) => n.batch === 'sign').length;
    for (const leadId of leadsAtEvent.sort()) {
      if (nominatedLeads.has(leadId)) continue;
      const s = signingAtEvent(facts.agreements, leadId, facts.signingEventId);
      if (s.status !== 'signed') continue;
      entries.push({
        id: null,
        campaignId: campaign.id,
        batch: 'sign',
        nominated: false,
        projectId: null,
        leadId,
        name: facts.leadNames.get(leadId) ?? '',
        plannedAmountYuan: null,
        achieved: true,
        status: 'signed',
        statusOn: s.on,
        achievedAmountYuan: s.amountYuan,
        agreementId: s.agreementId,
        outputReached: false,
        stage: null,
        reason: null,
        arrivedYuan: null,
        sortOrder: ++order,
        version: null,
        signedOn: s.on,
        startOn: null,
        productionOn: null,
      });
    }
  }

  const gaps: CampaignGap[] = campaignBatches.map((batch) => {
    const mine = entries.filter((e) => e.batch === batch);
    const nominated = mine.filter((e) => e.nominated);
    return {
      batch,
      nominated: nominated.length,
      achieved: nominated.filter((e) => e.achieved).length,
      missing: nominated.filter((e) => !e.achieved).map((e) => ({ name: e.name, status: e.status, statusOn: e.statusOn })),
      extra: mine.filter((e) => !e.nominated).map((e) => ({ name: e.name, amountYuan: e.achievedAmountYuan })),
    };
  });
  return { entries, gaps, rates: computeRates(entries) };
}

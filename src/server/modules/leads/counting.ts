/**
 * The counting rule (签约计数口径): a project (lead) counts as signed once, at its first investment
 * agreement; a capital increase (增资) adds its amount, which is the increment; a later investment
 * agreement (a re-signing at another ceremony) adds nothing; framework and supplementary agreements
 * never count. The same rule is written in SQL in leads.repository.ts (countedAgreementsSql); a test
 * proves the two agree.
 */
import type { AgreementKind } from '../../../contract/pipeline-enums.ts';

export interface CountableAgreement {
  id: string;
  kind: AgreementKind;
  signedOn: string;
  amountYuan: number;
  createdAt: Date;
}

export type CountedAs = 'first_signing' | 'increment' | 're_signing' | 'not_counted';

/** Agreements in signing order: date, then entry time, then id (a stable tie-break). */
export function signingOrder(a: CountableAgreement, b: CountableAgreement): number {
  if (a.signedOn !== b.signedOn) return a.signedOn < b.signedOn ? -1 : 1;
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What each agreement of ONE lead adds to the signed totals. */
export function countAgreements<T extends CountableAgreement>(agreements: T[]): Map<string, { countedAs: CountedAs; countedYuan: number }> {
  const result = new Map<string, { countedAs: CountedAs; countedYuan: number }>();
  let signed = false;
  for (const a of [...agreements].sort(signingOrder)) {
    if (a.kind === 'investment') {
      result.set(a.id, signed ? { countedAs: 're_signing', countedYuan: 0 } : { countedAs: 'first_signing', countedYuan: a.amountYuan });
      signed = true;
    } else if (a.kind === 'capital_increase' && signed) {
      result.set(a.id, { countedAs: 'increment', countedYuan: a.amountYuan });
    } else {
      result.set(a.id, { countedAs: 'not_counted', countedYuan: 0 });
    }
  }
  return result;
}

/** The lead's signed amount: its first investment agreement plus every later increment. */
export function signedTotal(agreements: CountableAgreement[]): number {
  let total = 0;
  for (const c of countAgreements(agreements).values()) total += c.countedYuan;
  return total;
}

/** Agreements (协议) of a lead and signed totals by the counting rule (counting.ts). */
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { agreementInput, signedReportQuery } from '../../../contract/leads.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { agreementAllowedAt, type LeadStage } from '../../../contract/pipeline-enums.ts';
import { fieldError } from '../../platform/errors.ts';
import { countAgreements } from './counting.ts';
import type { AgreementRow, LeadWithNames } from './leads.repository.ts';
import type { LeadsShared } from './leads.shared.ts';

/** The agreement rules the stage gate also uses (an agreement recorded in the same step). */
export function createAgreementRules({ leads, audit, today }: LeadsShared) {
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

  /**
   * Validates and records an agreement in `tx` (the caller has loaded the lead and checked rights).
   * `atStage` is the stage the lead is moving to in the same step (the stage gate), else its own.
   */
  async function insertAgreement(
    tx: Tx,
    s: SessionContext,
    lead: LeadWithNames,
    body: z.infer<typeof agreementInput>,
    requestId: string,
    prefix = '',
    atStage: LeadStage = lead.stage,
  ) {
    const f = (name: string) => `${prefix}${name}`;
    if (body.signedOn > today()) throw fieldError(f('signedOn'), 'agreement_date_future');
    if (body.amountWan <= 0) throw fieldError(f('amountWan'), 'amount_positive');
    // Which kind at which stage: nothing at 线索, framework from 意向, investment and 增资 from 正式签约.
    if (atStage === 'prospect') throw fieldError(f('kind'), 'agreement_stage_prospect');
    if (!agreementAllowedAt(body.kind, atStage)) throw fieldError(f('kind'), `agreement_stage_${body.kind}`);
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

  return { presentAgreements, insertAgreement };
}

export type AgreementRules = ReturnType<typeof createAgreementRules>;

export function createAgreementsService(shared: LeadsShared, rules: AgreementRules) {
  const { db, leads, loadLead, zonesOf } = shared;
  return {
    async addAgreement(s: SessionContext, id: string, body: z.infer<typeof agreementInput>, requestId: string) {
      const lead = await loadLead(s, id, 'lead.update');
      const row = await db.transaction((tx) => rules.insertAgreement(tx, s, lead, body, requestId));
      const all = rules.presentAgreements(await leads.listAgreements(db, id));
      return all.find((a) => a.id === row.id)!;
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
  };
}

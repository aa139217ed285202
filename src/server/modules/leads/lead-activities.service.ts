/** Activities (对接记录) on a lead and the lead's timeline: events, activities, agreements and files in one list. */
import type { z } from 'zod';
import type { createActivityBody } from '../../../contract/leads.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError } from '../../platform/errors.ts';
import { countAgreements } from './counting.ts';
import type { ActivityRow } from './leads.repository.ts';
import { dateAt, type LeadsShared } from './leads.shared.ts';

export const presentActivity = (a: ActivityRow) => ({
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

export function createActivitiesService({ db, leads, audit, today, loadLead, touchLead }: LeadsShared) {
  return {
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

    /** Newest first; activities and agreements are dated at midnight UTC+8 of their day. */
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
  };
}

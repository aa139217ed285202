/**
 * Trips (外出招商) and their meetings: each meeting names the enterprise met (found or registered
 * through the enterprises module), maybe a lead (existing or new), and moves that lead forward.
 */
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { createTripBody, listTripsQuery, meetingInput } from '../../../contract/leads.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { actionsFor, can, inScope } from '../../platform/policies.ts';
import { presentActivity } from './lead-activities.service.ts';
import type { TripRow } from './leads.repository.ts';
import type { LeadsShared } from './leads.shared.ts';

export function createTripsService(shared: LeadsShared) {
  const { db, leads, enterprises, audit, zonesOf, targetZone, ownersOfZone, insertLead, touchLead } = shared;

  async function presentTrips(s: SessionContext, rows: TripRow[]) {
    const results = await leads.tripResults(
      db,
      rows.map((t) => t.id),
    );
    return rows.map((t) => ({
      id: t.id,
      zoneId: t.zoneId,
      title: t.title,
      destination: t.destination,
      startOn: t.startOn,
      endOn: t.endOn,
      leader: t.leader,
      members: t.members,
      note: t.note,
      version: t.version,
      results: results.get(t.id) ?? { enterprisesMet: 0, frameworkEnterprises: 0, investmentEnterprises: 0, intentEnterprises: 0, leadsTouched: 0 },
      actions: actionsFor(s, 'trip', t.zoneId),
    }));
  }

  /** The enterprise met: by id, or found or registered through the enterprises module. */
  async function resolveEnterprise(tx: Tx, s: SessionContext, zoneId: string, m: z.infer<typeof meetingInput>, prefix: string, requestId: string) {
    if (m.enterpriseId) {
      if (!(await enterprises.exists(tx, m.enterpriseId))) throw fieldError(`${prefix}enterpriseId`, 'unknown_enterprise');
      return m.enterpriseId;
    }
    if (!m.enterprise) return null;
    return (await enterprises.findOrCreateInTx(tx, s, { ...m.enterprise, zoneId, field: `${prefix}enterprise.` }, requestId)).id;
  }

  async function addMeetingIn(tx: Tx, s: SessionContext, trip: TripRow, m: z.infer<typeof meetingInput>, prefix: string, requestId: string) {
    if (m.occurredOn < trip.startOn || m.occurredOn > trip.endOn) throw fieldError(`${prefix}occurredOn`, 'meeting_outside_trip');
    let enterpriseId = await resolveEnterprise(tx, s, trip.zoneId, m, prefix, requestId);
    let leadId: string | null = null;
    if (m.leadId) {
      const lead = await leads.findById(tx, m.leadId);
      if (!lead || lead.zoneId !== trip.zoneId) throw fieldError(`${prefix}leadId`, 'unknown_lead');
      leadId = lead.id;
      enterpriseId ??= lead.enterpriseId;
    } else if (m.newLead) {
      const owners = await ownersOfZone(tx, trip.zoneId);
      const lead = await insertLead(
        tx,
        s,
        trip.zoneId,
        {
          name: m.newLead.name,
          enterpriseId,
          method: m.newLead.method ?? 'team',
          stage: m.intentReached ? 'intent' : 'contact',
          firstContactOn: m.occurredOn,
          lastFollowUpOn: m.occurredOn,
          nextStep: m.nextStep ?? null,
          nextStepOn: m.nextStepOn ?? null,
          ownerId: owners.some((o) => o.id === s.user.id) ? s.user.id : null,
        },
        requestId,
      );
      leadId = lead.id;
    }
    const row = await leads.insertActivity(tx, {
      zoneId: trip.zoneId,
      kind: 'visit',
      occurredOn: m.occurredOn,
      leadId,
      enterpriseId,
      tripId: trip.id,
      people: m.people ?? null,
      outcome: m.outcome ?? null,
      intentReached: Boolean(m.intentReached),
      nextStep: m.nextStep ?? null,
      nextStepOn: m.nextStepOn ?? null,
      createdById: s.user.id,
    });
    if (leadId && m.leadId) await touchLead(tx, leadId, m);
    return row;
  }

  async function getTrip(s: SessionContext, id: string) {
    const trip = await leads.findTrip(db, id);
    if (!trip || !inScope(s, trip.zoneId)) throw notFound();
    const [presented] = await presentTrips(s, [trip]);
    return { ...presented, meetings: (await leads.listActivities(db, { tripId: id })).map(presentActivity) };
  }

  /** A trip with its meetings, audited, inside the caller's transaction; `body` is the parsed create body. */
  async function createTripInTx(tx: Tx, s: SessionContext, body: z.infer<typeof createTripBody>, requestId: string, extra: { auditAfter?: Record<string, unknown> } = {}) {
    const zoneId = targetZone(s, body.zoneId);
    if (!can(s, 'lead.update', zoneId)) throw new AppError('FORBIDDEN');
    const t = await leads.insertTrip(tx, {
      zoneId,
      title: body.title,
      destination: body.destination,
      startOn: body.startOn,
      endOn: body.endOn,
      leader: body.leader,
      members: body.members,
      note: body.note ?? null,
    });
    for (const [i, m] of body.meetings.entries()) await addMeetingIn(tx, s, t, m, `meetings.${i}.`, requestId);
    await audit(tx, actorOf(s, requestId), { zoneId, action: 'trip.create', entityType: 'trip', entityId: t.id, after: { ...t, ...extra.auditAfter } });
    return t;
  }

  return {
    getTrip,

    async listTrips(s: SessionContext, q: z.infer<typeof listTripsQuery>) {
      const { items, total } = await leads.listTrips(db, zonesOf(s, q.zoneId), q);
      return { items: await presentTrips(s, items), total, page: q.page, pageSize: q.pageSize };
    },

    async createTrip(s: SessionContext, body: z.infer<typeof createTripBody>, requestId: string) {
      const trip = await db.transaction((tx) => createTripInTx(tx, s, body, requestId));
      return getTrip(s, trip.id);
    },

    /** The same inside the caller's transaction (智能录入 saves a trip read from a report with its other facts). */
    createTripInTx,

    async addMeeting(s: SessionContext, tripId: string, body: z.infer<typeof meetingInput>, requestId: string) {
      const trip = await leads.findTrip(db, tripId);
      if (!trip || !inScope(s, trip.zoneId)) throw notFound();
      if (!can(s, 'lead.update', trip.zoneId)) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        const a = await addMeetingIn(tx, s, trip, body, '', requestId);
        await audit(tx, actorOf(s, requestId), { zoneId: trip.zoneId, action: 'trip.meeting', entityType: 'trip', entityId: tripId, after: a });
      });
      return getTrip(s, tripId);
    },
  };
}

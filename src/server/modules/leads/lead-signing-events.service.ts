/** Signing events (签约仪式 / 三个一批批次) of a zone, which agreements may name. */
import type { z } from 'zod';
import type { createSigningEventBody } from '../../../contract/leads.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { can } from '../../platform/policies.ts';
import type { LeadsShared } from './leads.shared.ts';

export function createSigningEventsService({ db, leads, audit, zonesOf, targetZone }: LeadsShared) {
  const present = (e: { id: string; zoneId: string; name: string; kind: 'ceremony' | 'campaign'; heldOn: string }) => ({
    id: e.id,
    zoneId: e.zoneId,
    name: e.name,
    kind: e.kind,
    heldOn: e.heldOn,
  });
  return {
    async listSigningEvents(s: SessionContext, zoneId?: string) {
      return (await leads.listSigningEvents(db, zonesOf(s, zoneId))).map(present);
    },

    async createSigningEvent(s: SessionContext, body: z.infer<typeof createSigningEventBody>, requestId: string) {
      const zoneId = targetZone(s, body.zoneId);
      if (!can(s, 'lead.update', zoneId)) throw new AppError('FORBIDDEN');
      if (await leads.findSigningEventByName(db, zoneId, body.name)) throw fieldError('name', 'name_taken', 'DUPLICATE');
      const e = await db.transaction(async (tx) => {
        const row = await leads.insertSigningEvent(tx, { zoneId, name: body.name, kind: body.kind, heldOn: body.heldOn });
        await audit(tx, actorOf(s, requestId), { zoneId, action: 'signing_event.create', entityType: 'signing_event', entityId: row.id, after: row });
        return row;
      });
      return present(e);
    },
  };
}

/** Saved views (我的视图) of the lead list: personal, so another user's view is reported as missing. */
import type { z } from 'zod';
import type { createSavedViewBody } from '../../../contract/leads.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import type { LeadsShared } from './leads.shared.ts';

export function createViewsService({ db, leads, audit }: LeadsShared) {
  const present = (v: { id: string; name: string; query: unknown }) => ({ id: v.id, name: v.name, query: v.query as Record<string, string> });
  return {
    async listViews(s: SessionContext) {
      return (await leads.listViews(db, s.user.id)).map(present);
    },
    async createView(s: SessionContext, body: z.infer<typeof createSavedViewBody>, requestId?: string) {
      if ((await leads.listViews(db, s.user.id)).some((v) => v.name === body.name)) throw fieldError('name', 'name_taken', 'DUPLICATE');
      return present(
        await db.transaction(async (tx) => {
          const row = await leads.insertView(tx, { userId: s.user.id, resource: 'leads', name: body.name, query: body.query });
          await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'saved_view.create', entityType: 'saved_view', entityId: row.id, after: present(row) });
          return row;
        }),
      );
    },
    async deleteView(s: SessionContext, id: string, requestId?: string) {
      const v = await leads.findView(db, id);
      if (!v || v.userId !== s.user.id) throw notFound();
      await db.transaction(async (tx) => {
        await leads.deleteView(tx, id);
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'saved_view.delete', entityType: 'saved_view', entityId: id, before: present(v) });
      });
      return { ok: true as const };
    },
  };
}

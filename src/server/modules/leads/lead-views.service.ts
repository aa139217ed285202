/** Saved views (我的视图) of the lead list: personal, so another user's view is reported as missing. */
import type { z } from 'zod';
import type { createSavedViewBody } from '../../../contract/leads.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import type { LeadsShared } from './leads.shared.ts';

export function createViewsService({ db, leads }: LeadsShared) {
  const present = (v: { id: string; name: string; query: unknown }) => ({ id: v.id, name: v.name, query: v.query as Record<string, string> });
  return {
    async listViews(s: SessionContext) {
      return (await leads.listViews(db, s.user.id)).map(present);
    },
    async createView(s: SessionContext, body: z.infer<typeof createSavedViewBody>) {
      if ((await leads.listViews(db, s.user.id)).some((v) => v.name === body.name)) throw fieldError('name', 'name_taken', 'DUPLICATE');
      return present(await leads.insertView(db, { userId: s.user.id, resource: 'leads', name: body.name, query: body.query }));
    },
    async deleteView(s: SessionContext, id: string) {
      const v = await leads.findView(db, id);
      if (!v || v.userId !== s.user.id) throw notFound();
      await leads.deleteView(db, id);
      return { ok: true as const };
    },
  };
}

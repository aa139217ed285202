import { listLeadsQuery } from '../../../contract/leads/core.ts';
import type { SearchProvider } from '../../platform/search.ts';
import type { LeadsService } from './leads.service.ts';

/** Leads by code, project name or investor, through the list (its zone scope). */
export function leadSearch(leads: LeadsService): SearchProvider[] {
  return [
    {
      kind: 'lead',
      async search(session, q, limit) {
        const page = await leads.list(session, listLeadsQuery.parse({ q, pageSize: limit }));
        return page.items.map((l) => ({ kind: 'lead' as const, id: l.id, title: l.name, subtitle: [l.code, l.enterpriseName].filter(Boolean).join(' · ') || null, zoneName: null }));
      },
    },
  ];
}

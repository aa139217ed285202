import { listEnterprisesQuery } from '../../../contract/enterprises.ts';
import type { SearchProvider } from '../../platform/search.ts';
import type { EnterprisesService } from './enterprises.service.ts';

/** Enterprises (shared by all zones) by name or credit code, as the 企业库 finds them. */
export function enterpriseSearch(enterprises: EnterprisesService): SearchProvider[] {
  return [
    {
      kind: 'enterprise',
      async search(session, q, limit) {
        const page = await enterprises.list(session, listEnterprisesQuery.parse({ q, pageSize: limit }));
        return page.items.map((e) => ({ kind: 'enterprise' as const, id: e.id, title: e.name, subtitle: e.creditCode, zoneName: null }));
      },
    },
  ];
}

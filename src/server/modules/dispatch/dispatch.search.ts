import { listBlockersQuery } from '../../../contract/dispatch/blockers.ts';
import type { SearchProvider } from '../../platform/search.ts';
import type { DispatchService } from './dispatch.service.ts';

/** Blockers (堵点) by title, for those who may read the 堵点台账, through its list and scope. */
export function blockerSearch(dispatch: DispatchService): SearchProvider[] {
  return [
    {
      kind: 'blocker',
      permission: 'blocker.read',
      async search(session, q, limit) {
        const page = await dispatch.blockers.list(session, listBlockersQuery.parse({ q, pageSize: limit }));
        return page.items.map((b) => ({ kind: 'blocker' as const, id: b.id, title: b.title, subtitle: b.projectName, zoneName: null }));
      },
    },
  ];
}

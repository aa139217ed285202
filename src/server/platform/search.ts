/**
 * Global search (the header's Ctrl+K): each module offers providers in its manifest (`search`),
 * each one a thin use of the module's own list with its scope and permission; this runs those the
 * caller may use, side by side, and returns their hits kind by kind (`searchKinds` order).
 */
import type { SearchHit, SearchKind } from '../../contract/search.ts';
import { searchKinds, searchOperations } from '../../contract/search.ts';
import type { Router } from './http/operations.ts';
import type { SessionContext } from './auth/session.ts';
import { hasPermission, type Permission } from './policies.ts';

export interface SearchProvider {
  kind: SearchKind;
  /** The caller needs it to get this kind of hit at all (the list's own permission). */
  permission?: Permission;
  search(session: SessionContext, q: string, limit: number): Promise<SearchHit[]>;
}

export function searchRoutes(router: Router, providers: readonly SearchProvider[]): void {
  router.handle(searchOperations.search, async ({ session, query: { q, limit } }) => {
    const usable = providers.filter((p) => !p.permission || hasPermission(session, p.permission));
    const hits = await Promise.all(usable.map((p) => p.search(session, q, limit)));
    return { hits: hits.flat().sort((a, b) => searchKinds.indexOf(a.kind) - searchKinds.indexOf(b.kind)) };
  });
}

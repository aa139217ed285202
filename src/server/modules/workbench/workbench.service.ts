import type { Db } from '../../db/client.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { createWorkbenchRepository } from './workbench.repository.ts';

export function createWorkbenchService(deps: { db: Db; workbench: ReturnType<typeof createWorkbenchRepository>; audit: Pick<AuditRepository, 'list'> }) {
  const { db, workbench, audit } = deps;
  return {
    async get(s: SessionContext) {
      // Zone-level changes only: global entries (logins, users) belong to the admin's audit page.
      const [zones, recent] = await Promise.all([
        workbench.zoneSummaries(db, s.scope.zoneIds),
        audit.list(db, { scopeZoneIds: s.scope.zoneIds }, { page: 1, pageSize: 10 }),
      ]);
      return { zones, recentChanges: recent.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  };
}

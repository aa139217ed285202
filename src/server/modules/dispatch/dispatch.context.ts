/** What every dispatch service is built from: the database, its repositories, audit, the clock and the working-day calendar. */
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import type { WorkCalendar } from '../../platform/calendar.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { can, inScope, type Permission } from '../../platform/policies.ts';
import type { CallerScope, DispatchRepository } from './dispatch.repository.ts';

export interface DispatchDeps {
  db: Db;
  repo: DispatchRepository;
  audit: AuditWriter;
  clock: Clock;
  /** Inside a transaction pass it: on PGlite a read on the database itself waits for the transaction to end. */
  calendar: (d?: DbOrTx) => Promise<WorkCalendar>;
}

export interface DispatchContext extends DispatchDeps {
  /** Today in China by the injected clock. */
  today: () => string;
  /** The caller may do `permission` in this zone, or FORBIDDEN. */
  requireZone: (s: SessionContext, permission: Permission, zoneId: string) => void;
  /** A new record's zone must be one of the caller's (a field error, as the form names it). */
  requireOwnZone: (s: SessionContext, zoneId: string) => void;
  /** The caller's zones, or the one asked for. */
  scopeOf: (s: SessionContext, zoneId?: string | null) => CallerScope;
}

export function dispatchContext(deps: DispatchDeps): DispatchContext {
  return {
    ...deps,
    today: () => chinaToday(deps.clock),
    requireZone(s, permission, zoneId) {
      if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
    },
    requireOwnZone(s, zoneId) {
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
    },
    scopeOf: (s, zoneId) => ({ session: s, zoneId }),
  };
}

/**
 * The caller's zones as a predicate the database evaluates: a region prefix or the user's
 * assignments joined in SQL, never hundreds of zone ids pasted into the query. Every list and
 * aggregate over a zone-scoped table filters through `zoneScope` (docs/decisions/003).
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SessionContext } from './auth/session.ts';

/** How the database finds a caller's zones. */
export type ScopeRule = { kind: 'all' } | { kind: 'region'; prefix: string } | { kind: 'assigned'; userId: string };

type ScopeHolder = Pick<SessionContext, 'scope'>;

/**
 * `zoneColumn` lies within the caller's zones (and equals `onlyZoneId` when one is asked for; a
 * zone outside the caller's scope then matches nothing).
 */
export function zoneScope(session: ScopeHolder, zoneColumn: AnyColumn | SQL, onlyZoneId?: string | null): SQL {
  const { scope } = session;
  if (onlyZoneId) {
    if (!scope.all && !scope.zoneIds.includes(onlyZoneId)) return sql`false`;
    return sql`${zoneColumn} = ${onlyZoneId}::uuid`;
  }
  const rule = scope.rule;
  switch (rule.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return sql`${zoneColumn} in (select z.id from zones z where left(z.region_code, ${rule.prefix.length}) = ${rule.prefix})`;
    case 'assigned':
      return sql`${zoneColumn} in (select uz.zone_id from user_zones uz where uz.user_id = ${rule.userId}::uuid)`;
  }
}

/** The rule for a user's role: admins see all, city and province viewers their region, others their assignments. */
export function scopeRuleOf(user: { id: string; role: string; regionCode: string | null }): ScopeRule {
  if (user.role === 'system_admin') return { kind: 'all' };
  if ((user.role === 'province_viewer' || user.role === 'city_viewer') && user.regionCode) {
    return { kind: 'region', prefix: user.regionCode.slice(0, user.role === 'province_viewer' ? 2 : 4) };
  }
  return { kind: 'assigned', userId: user.id };
}

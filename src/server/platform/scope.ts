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
    // `= any(array(…))`: the zone set is computed once (an InitPlan) and the outer scan uses the
    // zone_id index as with a literal list; `in (select …)` let the planner misjudge a region's
    // 100 zones as one and nest 100 index scans (4× slower on the province funnel).
    case 'region':
      return sql`${zoneColumn} = any(array(select z.id from zones z where z.region_code like ${`${rule.prefix}%`}))`;
    case 'assigned':
      return sql`${zoneColumn} = any(array(select uz.zone_id from user_zones uz where uz.user_id = ${rule.userId}::uuid))`;
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

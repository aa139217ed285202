/**
 * Reading the query log for Citus (issue 17 item 6): which statements touch a zone-scoped
 * (distributed) table, and whether each carries `zone_id`, so that Citus can route it to the
 * shards of the zones it means. Used by test/query-log.test.ts (its own walk of the app) and by
 * `test/query-log-check.ts` over the statements a whole suite run collected (QUERY_LOG_DIR).
 */

export type Verdict =
  /** Names zone_id: routed to the zone's shard (or the scope's shards). */
  | 'zoned'
  /** A lookup by primary key or a list of ids without the zone: in Citus, one index probe per shard. */
  | 'by-id'
  /** Listed in `crossZoneByDesign` with its reason. */
  | 'cross-zone by design'
  | 'unscoped';

/** Statements that read or write across zones on purpose, each with why (docs/scale-out.md). */
export const crossZoneByDesign: { match: RegExp; why: string }[] = [
  {
    // zoneScope's predicate for a caller who covers every zone (platform/scope.ts, rule "all").
    match: /\bwhere \(?true\b/,
    why: "the administrator's scope is every zone: a province roll-up, fanned out to every shard on purpose",
  },
  { match: /^select 'project' as kind, id, land_on/, why: "once a day: every project's stored land-to-start working days checked against the calendar" },
  {
    // Runs only when the calendar moved a stored figure (the tests meet it at TEST_NOW=2027-06-30): ids from the read above.
    match: /^update "?(projects|project_phases)"? t set land_to_start_workdays = v\.workdays from unnest/,
    why: 'the same daily check writing back the figures that changed, by id, across zones',
  },
  { match: /from "?project_flag_rules"?/, why: 'the flag rules: a reference table (zone rows and the global row)' },
  { match: /^delete from "?sessions"?|^select .* from "?sessions"?/, why: 'sessions: a local table' },
  {
    match: /"?import_batches"?.*"?status"? = 'staging'|stale_staged|interrupted/i,
    why: 'start-up clean-up of uploads a crash left half staged, in every zone',
  },
  { match: /^with target as \( select p\.id, p\.zone_id/, why: "the day's flag refresh: every stale project of every zone, once a day" },
  { match: /from "?notifications"? .*"?user_id"? = /s, why: "a user's own notifications (the user is the key, as on their bell), across the zones they cover" },
  { match: /from "?blockers"? .*"?owner_user_id"? = |"?escalat/s, why: 'escalation timer and owner work lists: every zone the owner covers' },
];

const wordRe = (t: string) => new RegExp(`(from|join|update|into)\\s+"?${t}"?(\\s|$|\\))`, 'i');

/** The distributed tables a statement names. */
export function tablesOf(query: string, distributed: readonly string[]): string[] {
  return distributed.filter((t) => wordRe(t).test(query));
}

export function verdictOf(query: string, distributed: readonly string[]): Verdict | null {
  const q = query.replace(/\s+/g, ' ').trim();
  if (!/^(select|with|insert|update|delete)/i.test(q)) return null;
  if (tablesOf(q, distributed).length === 0) return null;
  // zone_id compared (a filter or a join condition), or written by an insert: selecting it is not enough.
  if (/\bzone_id"? ?(=|<>|in \(|is not null)/i.test(q) || /= ?"?\w*"?\.?"?zone_id\b/.test(q) || (/^insert/i.test(q) && /\(([^)]*\b)?"?zone_id"?\b/.test(q)))
    return 'zoned';
  if (crossZoneByDesign.some((c) => c.match.test(q))) return 'cross-zone by design';
  // where "t"."id" = $1 / "id" in ($1, …) / id = any($1::uuid[]) / a foreign id (… "lead_id" = $1).
  if (/"?\b\w*_?id"? (= \$\d+|in \(\$\d+|= any\(\$\d+)/.test(q)) return 'by-id';
  return 'unscoped';
}

/** The shape of a statement, so one list of shapes covers a run: parameters and literals out. */
export function shapeOf(query: string): string {
  return query
    .replace(/\s+/g, ' ')
    .replace(/\$\d+(, \$\d+)*/g, '$n')
    .replace(/'[^']*'/g, "'…'")
    .trim();
}

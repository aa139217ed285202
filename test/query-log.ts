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

/**
 * Joins between distributed tables (issue 17 item 6). Citus runs a join of two distributed tables
 * shard by shard only when the join equates their distribution column (zone_id), or when the whole
 * statement is pinned to one zone (router planning); any other join in a statement over several
 * zones needs a repartition join (off by default: Citus refuses the statement, and outer joins
 * cannot be repartitioned at all). The judge reads the statement by levels: each parenthesised
 * sub-select (a derived table, a lateral join, a CTE, a correlated sub-query) is its own level;
 * within a level, every distributed relation of its FROM (tables, and derived tables or CTEs that
 * read one) and every outer distributed relation it refers to (correlation) must share one zone —
 * linked by `a.zone_id = b.zone_id` equalities (anywhere in the statement: join conditions and
 * WHERE, transitively), or each pinned to a single value (`a.zone_id = $1`).
 */

interface Relation {
  key: string; // unique over the statement: level + alias
  alias: string;
  name: string; // the table, CTE, or '(sub-select)'
  distributed: boolean;
  sub?: Level;
  /** Which branch of a `union` / `intersect` / `except` the relation is read in: branches are not joined. */
  part: number;
}

interface Level {
  id: number;
  text: string; // sub-levels replaced by §id
  parent?: Level;
  children: Level[];
  relations: Relation[];
  ctes: Map<string, Relation>;
}

const keywordsEndingFrom = /\b(where|group by|order by|limit|offset|having|window|union|intersect|except|returning|on conflict|for update|for share)\b/i;

/** Text inside parentheses (and the parentheses) blanked, so keywords are searched at depth 0 only. */
function depthZero(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    out += depth > 0 ? ' ' : ch;
    if (ch === ')') depth--;
  }
  return out;
}

/** Comments and string literals out, identifier quotes off, whitespace collapsed, lower case. */
function normalise(query: string): string {
  return query
    .replace(/--[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(\w+)"/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Splits the statement into levels: every `(select …)`, `(with …)` and `(values …)` becomes one. */
function levelsOf(query: string): Level[] {
  const levels: Level[] = [];
  const make = (text: string, parent?: Level): Level => {
    const level: Level = { id: levels.length, text: '', parent, children: [], relations: [], ctes: new Map() };
    levels.push(level);
    let out = '';
    let i = 0;
    while (i < text.length) {
      const open = /\(\s*(select|with|values)\b/i.exec(text.slice(i));
      if (!open) {
        out += text.slice(i);
        break;
      }
      const start = i + open.index;
      let depth = 0;
      let end = start;
      for (; end < text.length; end++) {
        if (text[end] === '(') depth++;
        else if (text[end] === ')' && --depth === 0) break;
      }
      out += text.slice(i, start);
      const child = make(text.slice(start + 1, end), level);
      level.children.push(child);
      out += ` §${child.id} `;
      i = end + 1;
    }
    level.text = out.replace(/\s+/g, ' ').trim();
    return level;
  };
  make(normalise(query));
  return levels;
}

const identifier = /^(?:only )?([a-z_][a-z0-9_]*|§\d+)(?:\s+(?:as\s+)?(?!on\b|join\b|left\b|right\b|inner\b|full\b|cross\b|lateral\b|natural\b|where\b|set\b|using\b)([a-z_][a-z0-9_]*))?/i;

/** The FROM items of a level: `update t …`, `from a x join b y on …, c`, `delete … using`. */
function fromItems(level: Level): { item: string; part: number }[] {
  const text = level.text;
  const flat = depthZero(text);
  const items: { item: string; part: number }[] = [];
  const partAt = (at: number) => (flat.slice(0, at).match(/\b(union|intersect|except)\b/gi) ?? []).length;
  const update = /^update (?:only )?(\w+(?: (?!set\b)\w+)?)/i.exec(text);
  if (update) items.push({ item: update[1], part: 0 });
  const from = /(?<!distinct )\b(from|using)\b/gi;
  for (let m = from.exec(flat); m; m = from.exec(flat)) {
    // `delete from t` is the target; `extract(x from y)` is blanked by depthZero.
    const rest = flat.slice(m.index + m[0].length);
    const stop = keywordsEndingFrom.exec(rest);
    const clause = text.slice(m.index + m[0].length, m.index + m[0].length + (stop ? stop.index : rest.length));
    const clauseFlat = depthZero(clause);
    // Split on commas and join keywords at depth 0.
    const cut = /,|\b(?:natural |cross |inner |(?:left|right|full)(?: outer)? )?join(?: lateral)?\b/gi;
    let last = 0;
    const part = partAt(m.index);
    for (let c = cut.exec(clauseFlat); c; c = cut.exec(clauseFlat)) {
      items.push({ item: clause.slice(last, c.index), part });
      last = c.index + c[0].length;
    }
    items.push({ item: clause.slice(last), part });
  }
  return items.map(({ item, part }) => ({ item: item.replace(/^\s*lateral\s+/i, '').trim(), part })).filter((x) => x.item);
}

function subTree(level: Level): Level[] {
  return [level, ...level.children.flatMap(subTree)];
}

/** The relations, zone equalities and pins of a statement, and the pairs of distributed relations not colocated. */
export function crossShardJoinsOf(query: string, distributed: readonly string[]): string[] {
  const levels = levelsOf(query);
  const isDistributed = new Set(distributed);
  const byKey = new Map<string, Relation>();
  // Relations level by level, children first (a derived table is distributed if it reads one).
  // A derived table counts by what it reads (its own level is in the subtree); a CTE it names, by the CTE's flag.
  const readsDistributed = (level: Level): boolean => subTree(level).some((l) => l.relations.some((r) => r.distributed && (!r.sub || !l.children.includes(r.sub))));
  const build = (level: Level) => {
    // A CTE is known from the end of its own body on: a later CTE, or the main select's sub-selects,
    // that read it see it (children are built in the statement's order, CTE bodies first).
    const cteNames = new Map<number, string>();
    const ctes = /\b(\w+)(?: \([^)]*\))? as (?:not )?(?:materialized )?§(\d+)/gi;
    if (/^with\b/i.test(level.text)) for (let m = ctes.exec(level.text); m; m = ctes.exec(level.text)) cteNames.set(Number(m[2]), m[1]);
    for (const child of level.children) {
      build(child);
      const name = cteNames.get(child.id);
      if (name) level.ctes.set(name, { key: `${level.id}:${name}`, alias: name, name, distributed: readsDistributed(child), sub: child, part: 0 });
    }
    for (const { item, part } of fromItems(level)) {
      const m = identifier.exec(item);
      if (!m) continue;
      const [, target, alias] = m;
      let rel: Relation;
      if (target.startsWith('§')) {
        const sub = levels[Number(target.slice(1))];
        rel = { key: `${level.id}:${alias ?? target}`, alias: alias ?? target, name: '(sub-select)', distributed: readsDistributed(sub), sub, part };
      } else {
        const cte = lookupCte(level, target);
        rel = cte
          ? { ...cte, key: `${level.id}:${alias ?? target}`, alias: alias ?? target, part }
          : { key: `${level.id}:${alias ?? target}`, alias: alias ?? target, name: target, distributed: isDistributed.has(target), part };
      }
      level.relations.push(rel);
      byKey.set(rel.key, rel);
    }
  };
  const lookupCte = (level: Level | undefined, name: string): Relation | undefined => {
    for (let l = level; l; l = l.parent) if (l.ctes.has(name)) return l.ctes.get(name);
    return undefined;
  };
  const resolve = (level: Level | undefined, alias: string): Relation | undefined => {
    for (let l = level; l; l = l.parent) {
      const r = l.relations.find((x) => x.alias === alias);
      if (r) return r;
    }
    return undefined;
  };
  build(levels[0]);

  // Zone classes: union-find over `a.zone_id = b.zone_id`; pins: `a.zone_id = $n` (or an unqualified zone_id in a one-relation level).
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    while (parent.has(k) && parent.get(k) !== k) k = parent.get(k)!;
    return k;
  };
  const pinned = new Set<string>();
  const column = String.raw`\b(?:(\w+)\.)?zone_id`;
  const value = String.raw`(?:\$\d+|'')(?:::uuid)?`;
  for (const level of levels) {
    const own = (alias: string | undefined) => (alias ? resolve(level, alias) : level.relations.length === 1 ? level.relations[0] : undefined);
    const eq = new RegExp(String.raw`${column} = ${column}\b`, 'gi');
    for (let m = eq.exec(level.text); m; m = eq.exec(level.text)) {
      const a = own(m[1]);
      const b = own(m[2]);
      if (a && b) parent.set(find(a.key), find(b.key));
    }
    for (const re of [new RegExp(String.raw`${column} = ${value}(?!\w)`, 'gi'), new RegExp(String.raw`${value} = ${column}\b`, 'gi')]) {
      for (let m = re.exec(level.text); m; m = re.exec(level.text)) {
        const r = own(m[1]);
        if (r) pinned.add(r.key);
      }
    }
  }
  // A lateral (or correlated derived) table whose rows are tied to an outer relation's zone joins it
  // on the zone: its relations were equated with that outer relation inside.
  for (const r of byKey.values()) {
    if (!r.sub || !r.distributed) continue;
    const inner = r.sub.relations.filter((x) => x.distributed);
    for (const m of r.sub.text.matchAll(/\b(\w+)\.\w+/g)) {
      if (r.sub.relations.some((x) => x.alias === m[1])) continue;
      const o = resolve(r.sub.parent, m[1]);
      if (o?.distributed && inner.length > 0 && inner.every((x) => find(x.key) === find(o.key))) parent.set(find(r.key), find(o.key));
    }
  }
  // A derived table whose own distributed relations are all pinned is pinned; a CTE likewise.
  const pinnedRel = (r: Relation): boolean => {
    if ([...pinned].some((k) => find(k) === find(r.key))) return true;
    if (!r.sub) return false;
    const inner = subTree(r.sub).flatMap((l) => l.relations).filter((x) => x.distributed && !x.sub);
    return inner.length > 0 && inner.every(pinnedRel);
  };

  const found: string[] = [];
  for (const level of levels) {
    const here = level.relations.filter((r) => r.distributed);
    // Outer distributed relations this level refers to (a correlated sub-select or a lateral join).
    const outer = new Set<Relation>();
    for (const m of level.text.matchAll(/\b(\w+)\.\w+/g)) {
      if (level.relations.some((r) => r.alias === m[1])) continue;
      const r = resolve(level.parent, m[1]);
      if (r?.distributed) outer.add(r);
    }
    const all = [...here, ...outer];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) {
        const [a, b] = [all[i], all[j]];
        if (here.includes(a) && here.includes(b) && a.part !== b.part) continue;
        if (find(a.key) === find(b.key) || (pinnedRel(a) && pinnedRel(b))) continue;
        const label = (r: Relation) => (r.alias === r.name ? r.name : `${r.name} ${r.alias}`);
        found.push(`${label(a)} ⋈ ${label(b)}`);
      }
  }
  return found;
}

/**
 * Joins between distributed tables that may stay cross-shard, each with why. None is cross-zone by
 * design today: every join found is a record and its children or its references, which share the
 * record's zone, so equating zone_id is always true and makes the join shard-local.
 */
export const crossShardByDesign: { match: RegExp; why: string }[] = [];

/**
 * Joins the first audit found (2026-12-03, issue 17 item 6) and not yet given their zone_id
 * equality, named as the judge names them: NOT by design, to fix (add `and b.zone_id = a.zone_id`
 * to the join condition). Empty since every one of the 74 was fixed; a join between distributed
 * tables that is neither on zone_id nor pinned to one zone fails the walk.
 */
export const crossShardToFix: readonly string[] = [];

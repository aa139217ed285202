/**
 * The Citus layout of zonedesk, derived from a migrated database's own catalog (so every module's
 * tables are in it, today's and tomorrow's), and the SQL that turns that database into a
 * distributed one (docs/scale-out.md):
 *
 * - zone-scoped tables (a NOT NULL `zone_id`) are distributed by `zone_id`, all colocated, so a
 *   zone's rows of every table sit on one shard and a one-zone query or join stays on it;
 * - small shared tables (regions, zones, users, the enterprise directory, calendar, templates …)
 *   become reference tables, copied to every node;
 * - a few stay local to the coordinator (sessions; the audit log, whose global entries have no zone).
 *
 * The conversion makes every primary key and unique key of a distributed table include `zone_id`
 * (`PRIMARY KEY (id)` → `(id, zone_id)`: the id first, so lookups by id keep their index) and every
 * foreign key between two distributed tables
 * carry it (`(zone_id, lead_id) → leads (zone_id, id)`, `ON DELETE SET NULL (lead_id)` so the zone
 * stays), drops the foreign keys Citus cannot hold (reference or local → distributed), then calls
 * `create_reference_table` / `create_distributed_table` parents first. Citus is not installable on
 * the machines this was written on: test/citus.test.ts applies the conversion to plain
 * PostgreSQL (and PGlite) with the two Citus functions stubbed, then checks Citus's rules on the
 * resulting catalog and that the app still works on it.
 */
import type { Database } from './client.ts';

/** Shared tables copied to every node (decision 004, 016): small, read by every zone, written rarely. */
export const referenceTables = [
  'regions',
  'zones',
  'parks',
  'departments',
  'users',
  'user_zones',
  'calendar_days',
  'enterprises',
  'enterprise_contacts',
  'enterprise_honours',
  'enterprise_yearly_figures',
  'enterprise_cooperations',
  'enterprise_production_lines',
  'project_templates',
  'project_flag_rules',
  'assessment_schemes',
  'saved_views',
] as const;

/** Tables kept on the coordinator alone (Citus local tables): why is in docs/scale-out.md. */
export const localTables = ['sessions', 'audit_log', '__drizzle_migrations'] as const;

export type Placement = 'distributed' | 'reference' | 'local';

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  definition: string;
}

export interface UniqueKey {
  name: string;
  table: string;
  kind: 'primary' | 'unique' | 'index';
  columns: string[];
  definition: string;
}

export interface CitusLayout {
  placement: Map<string, Placement>;
  /** Distributed tables in an order where every referenced distributed table comes first. */
  distributedOrder: string[];
  referenceOrder: string[];
  foreignKeys: ForeignKey[];
  uniqueKeys: UniqueKey[];
  /** Tables that have rows of one zone but no zone_id column of their own: they need one first. */
  missingZoneId: string[];
  /** Tables with a zone_id that may be null (a row of no zone): they cannot be distributed by it. */
  nullableZoneId: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function readCitusLayout(database: Database): Promise<CitusLayout> {
  const tables = await database.query<{ name: string; zone: boolean | null; zone_not_null: boolean | null }>(`
    select c.relname as name, a.attname is not null as zone, a.attnotnull as zone_not_null
    from pg_class c left join pg_attribute a on a.attrelid = c.oid and a.attname = 'zone_id' and not a.attisdropped
    where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by c.relname`);
  const fkRows = await database.query<{ name: string; tbl: string; cols: string[]; reftbl: string; refcols: string[]; deltype: string; def: string }>(`
    select con.conname as name, c.relname as tbl, r.relname as reftbl, con.confdeltype as deltype, pg_get_constraintdef(con.oid) as def,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as cols,
      array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as refcols
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class r on r.oid = con.confrelid
    where con.contype = 'f' and c.relnamespace = 'public'::regnamespace order by c.relname, con.conname`);
  const keyRows = await database.query<{ name: string; tbl: string; kind: string; cols: string[]; def: string }>(`
    select i.relname as name, c.relname as tbl,
      case when x.indisprimary then 'primary' when con.oid is not null then 'unique' else 'index' end as kind,
      array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(n, o) join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o) as cols,
      pg_get_indexdef(x.indexrelid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
    left join pg_constraint con on con.conindid = x.indexrelid and con.contype in ('u', 'p')
    where x.indisunique and c.relnamespace = 'public'::regnamespace order by c.relname, i.relname`);

  const placement = new Map<string, Placement>();
  const missingZoneId: string[] = [];
  const nullableZoneId: string[] = [];
  const foreignKeys: ForeignKey[] = fkRows.map((f) => ({
    name: f.name,
    table: f.tbl,
    columns: f.cols,
    refTable: f.reftbl,
    refColumns: f.refcols,
    onDelete: { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' }[f.deltype] ?? 'no action',
    definition: f.def,
  }));
  for (const t of tables) {
    if ((referenceTables as readonly string[]).includes(t.name)) placement.set(t.name, 'reference');
    else if ((localTables as readonly string[]).includes(t.name)) placement.set(t.name, 'local');
    else if (t.zone && t.zone_not_null) placement.set(t.name, 'distributed');
    else if (t.zone) {
      nullableZoneId.push(t.name);
      placement.set(t.name, 'local');
    } else {
      // No zone_id and not shared: a child of a zone-scoped table (its rows belong to one zone).
      missingZoneId.push(t.name);
      placement.set(t.name, 'distributed');
    }
  }
  const order = (kind: Placement) => {
    const out: string[] = [];
    const visit = (t: string, path: Set<string>) => {
      if (out.includes(t) || path.has(t)) return;
      path.add(t);
      for (const f of foreignKeys) if (f.table === t && f.refTable !== t && placement.get(f.refTable) === kind) visit(f.refTable, path);
      out.push(t);
    };
    for (const [t, p] of placement) if (p === kind) visit(t, new Set());
    return out;
  };
  return {
    placement,
    distributedOrder: order('distributed'),
    referenceOrder: order('reference'),
    foreignKeys,
    uniqueKeys: keyRows.map((k) => ({ name: k.name, table: k.tbl, kind: k.kind as UniqueKey['kind'], columns: k.cols, definition: k.def })),
    missingZoneId,
    nullableZoneId,
  };
}

export interface ConversionPlan {
  layout: CitusLayout;
  /** The statements, in order. */
  statements: string[];
  /** Foreign keys Citus cannot hold, dropped: the application's own checks enforce them. */
  droppedForeignKeys: ForeignKey[];
}

/** The SQL that turns the migrated schema into the Citus layout (see the file's comment). */
export function citusConversion(layout: CitusLayout): ConversionPlan {
  const { placement } = layout;
  const distributed = (t: string) => placement.get(t) === 'distributed';
  const statements: string[] = [];
  const dropped: ForeignKey[] = [];
  const rewritten: ForeignKey[] = [];

  // 1. A zone_id for the children that lack one, filled from their parent.
  for (const t of layout.missingZoneId) {
    const parent = layout.foreignKeys.find((f) => f.table === t && distributed(f.refTable) && f.refColumns.length === 1 && f.refColumns[0] === 'id');
    if (!parent) throw new Error(`${t}: no zone_id and no zone-scoped parent to take it from`);
    statements.push(
      `alter table ${quote(t)} add column zone_id uuid`,
      `update ${quote(t)} c set zone_id = p.zone_id from ${quote(parent.refTable)} p where p.id = c.${quote(parent.columns[0])}`,
      `alter table ${quote(t)} alter column zone_id set not null`,
    );
  }
  // 2. Foreign keys: those between distributed tables are rebuilt with zone_id; those Citus cannot hold are dropped.
  for (const f of layout.foreignKeys) {
    const from = placement.get(f.table)!;
    const to = placement.get(f.refTable)!;
    const allowed = (from === 'distributed' && to === 'reference') || (from === to && from !== 'distributed') || (from === 'local' && to === 'reference');
    if (from === 'distributed' && to === 'distributed') {
      if (f.columns.includes('zone_id') && f.refColumns.includes('zone_id')) continue;
      statements.push(`alter table ${quote(f.table)} drop constraint ${quote(f.name)}`);
      rewritten.push(f);
    } else if (!allowed) {
      statements.push(`alter table ${quote(f.table)} drop constraint ${quote(f.name)}`);
      dropped.push(f);
    }
  }
  // 3. Every primary and unique key of a distributed table carries zone_id — last, so the key's
  //    index still serves the lookups by id (or by project) it served before.
  for (const k of layout.uniqueKeys) {
    if (!distributed(k.table) || k.columns.includes('zone_id')) continue;
    const cols = [...k.columns, 'zone_id'].map(quote).join(', ');
    if (k.kind === 'primary') {
      statements.push(`alter table ${quote(k.table)} drop constraint ${quote(k.name)}`, `alter table ${quote(k.table)} add constraint ${quote(k.name)} primary key (${cols})`);
    } else if (k.kind === 'unique') {
      statements.push(`alter table ${quote(k.table)} drop constraint ${quote(k.name)}`, `alter table ${quote(k.table)} add constraint ${quote(k.name)} unique (${cols})`);
    } else {
      const definition = k.definition.replace(/\)( WHERE .*)?$/, (_m, where: string | undefined) => `, zone_id)${where ?? ''}`);
      statements.push(`drop index ${quote(k.name)}`, definition);
    }
  }
  // 4. The rebuilt foreign keys, zone first on both sides; SET NULL clears the reference, never the zone.
  for (const f of rewritten) {
    const cols = ['zone_id', ...f.columns].map(quote).join(', ');
    const refCols = ['zone_id', ...f.refColumns].map(quote).join(', ');
    const onDelete = f.onDelete === 'set null' ? ` on delete set null (${f.columns.map(quote).join(', ')})` : f.onDelete === 'no action' ? '' : ` on delete ${f.onDelete}`;
    statements.push(`alter table ${quote(f.table)} add constraint ${quote(f.name)} foreign key (${cols}) references ${quote(f.refTable)} (${refCols})${onDelete}`);
  }
  // 5. Citus: reference tables (referenced first), then the distributed tables, colocated with the first.
  for (const t of layout.referenceOrder) statements.push(`select create_reference_table('${t}')`);
  const [first, ...rest] = layout.distributedOrder;
  if (first) statements.push(`select create_distributed_table('${first}', 'zone_id')`);
  for (const t of rest) statements.push(`select create_distributed_table('${t}', 'zone_id', colocate_with => '${first}')`);
  return { layout, statements, droppedForeignKeys: dropped };
}

import { and, count, desc, eq, getTableColumns, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import {
  auditLog,
  blockers,
  campaigns,
  decisions,
  departments,
  enterprises,
  importBatches,
  leads,
  meetings,
  parks,
  projects,
  signingEvents,
  trips,
  users,
  zones,
} from '../../db/schema.ts';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  zoneId?: string;
  actorId?: string;
  /** The caller, whose zones' entries are listed (zoneScope); null = every zone and the global entries (admins). */
  scope: Pick<SessionContext, 'scope'> | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Snapshot keys whose values point at other records: `departmentId`, `zoneIds`, `mergedInto`. */
const refKey = /(Id|Ids|^id|^mergedInto)$/;
const maxRefs = 1000;

/** The record tables a snapshot or an entry can point at, each with the column a reader knows it by. */
const named = [
  { table: users, id: users.id, name: users.displayName },
  { table: zones, id: zones.id, name: zones.shortName },
  { table: parks, id: parks.id, name: parks.name },
  { table: departments, id: departments.id, name: departments.name },
  { table: enterprises, id: enterprises.id, name: enterprises.name },
  { table: projects, id: projects.id, name: projects.name },
  { table: leads, id: leads.id, name: leads.name },
  { table: blockers, id: blockers.id, name: blockers.title },
  { table: meetings, id: meetings.id, name: meetings.title },
  { table: decisions, id: decisions.id, name: decisions.task },
  { table: campaigns, id: campaigns.id, name: campaigns.name },
  { table: trips, id: trips.id, name: trips.destination },
  { table: signingEvents, id: signingEvents.id, name: signingEvents.name },
  { table: importBatches, id: importBatches.id, name: importBatches.fileName },
] as const;

/** The ids an entry mentions: its record, and the `…Id` fields of its snapshots (a few levels deep). */
export function referencedIds(entry: { entityId: string; before: unknown; after: unknown }, into: Set<string>): void {
  if (uuid.test(entry.entityId)) into.add(entry.entityId.toLowerCase());
  const walk = (value: unknown, key: string, depth: number) => {
    if (into.size >= maxRefs || depth > 4 || value == null) return;
    if (typeof value === 'string') {
      if (refKey.test(key) && uuid.test(value)) into.add(value.toLowerCase());
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key, depth + 1);
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
    }
  };
  walk(entry.before, '', 0);
  walk(entry.after, '', 0);
}

export function createAuditRepository() {
  /** id → the name a person reads (a user's display name, a project's name, a zone's short name). */
  async function namesOf(db: DbOrTx, ids: Set<string>): Promise<Map<string, string>> {
    const list = [...ids];
    const names = new Map<string, string>();
    if (!list.length) return names;
    const found = await Promise.all(
      named.map(({ table, id, name }) =>
        db
          .select({ id: sql<string>`${id}::text`, name })
          .from(table)
          .where(inArray(id, list)),
      ),
    );
    for (const rows of found) for (const r of rows) if (r.name && !names.has(r.id)) names.set(r.id, r.name);
    return names;
  }

  return {
    namesOf,

    /**
     * One page of the log, newest first. The actor is shown by their current display name (old rows
     * recorded the login name); each entry carries `names` for the ids it mentions.
     */
    async list(db: DbOrTx, f: AuditFilter, page: { page: number; pageSize: number }) {
      const conditions: (SQL | undefined)[] = [
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.zoneId ? eq(auditLog.zoneId, f.zoneId) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.scope === null ? undefined : and(isNotNull(auditLog.zoneId), zoneScope(f.scope, auditLog.zoneId)),
      ];
      const where = and(...conditions.filter(Boolean));
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({ ...getTableColumns(auditLog), actorName: sql<string>`coalesce(${users.displayName}, ${auditLog.actorName})` })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      const ids = new Set<string>();
      for (const r of rows) referencedIds(r, ids);
      const names = await namesOf(db, ids);
      const items = rows.map((r) => {
        const mine = new Set<string>();
        referencedIds(r, mine);
        return { ...r, names: Object.fromEntries([...mine].filter((id) => names.has(id)).map((id) => [id, names.get(id)!])) };
      });
      return { items, total: Number(total) };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

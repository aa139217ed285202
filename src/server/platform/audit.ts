import { auditLog } from '../db/schema.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from './auth/session.ts';

export interface AuditEntryInput {
  zoneId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const secretKeys = new Set(['passwordHash', 'password', 'csrfToken', 'tokenHash']);

/** Drops secrets and normalises dates so before/after are plain JSON. */
function clean(value: unknown): unknown {
  if (value == null) return null;
  return JSON.parse(JSON.stringify(value, (k, v) => (secretKeys.has(k) ? undefined : v)));
}

/** Writes one audit record. Call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    zoneId: entry.zoneId,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: clean(entry.before),
    after: clean(entry.after),
    requestId: actor.requestId ?? null,
  });
}

export type AuditWriter = typeof recordAudit;

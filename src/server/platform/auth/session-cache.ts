import type { Clock } from '../clock.ts';
import type { SessionContext } from './session.ts';

/**
 * Resolved sessions (user and scope) by token hash, in this process's memory (decision 026): a
 * guarded request then needs no sessions ⋈ users query and no scope query while the entry lives.
 *
 * Sound only because one process serves a database (docs/operations.md "One process"): every
 * change that could make an entry stale is made by this process, which calls a `forget…` after it
 * commits. An entry lives at most `ttlMs` (on the injected clock) and never past its session's
 * expiry, so a change made outside the server (psql, a restore) is seen within the TTL.
 */
export function createSessionCache(options: { clock: Clock; ttlMs: number; maxEntries?: number }) {
  const { clock, ttlMs, maxEntries = 10_000 } = options;
  type Entry = { context: SessionContext; userId: string; storedAt: number; expiresAt: number };
  // A Map keeps insertion order: the first key is the least recently used (a hit re-inserts it).
  const entries = new Map<string, Entry>();
  // Bumped by every forget: a resolve that read the database before a forget may have read what the
  // forget is about, so it must not store it (see `store`).
  let generation = 0;

  return {
    enabled: ttlMs > 0,

    /** The cached context, or undefined when absent, past its TTL or its session's expiry. */
    get(tokenHash: string): SessionContext | undefined {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      const now = clock().getTime();
      // A clock moved back (tests) makes an entry's age unknown: treat it as stale.
      if (now >= entry.expiresAt || now < entry.storedAt) {
        entries.delete(tokenHash);
        return undefined;
      }
      entries.delete(tokenHash);
      entries.set(tokenHash, entry);
      return entry.context;
    },

    /** What to pass to `store` for a read starting now. */
    generation: () => generation,

    /** Keeps a context read from the database, unless something was forgotten since the read began. */
    store(readAt: number, context: SessionContext, sessionExpiresAt: Date): void {
      if (ttlMs <= 0 || readAt !== generation) return;
      const now = clock().getTime();
      const expiresAt = Math.min(now + ttlMs, sessionExpiresAt.getTime());
      if (expiresAt <= now) return;
      entries.delete(context.tokenHash);
      while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(context.tokenHash, { context, userId: context.user.id, storedAt: now, expiresAt });
    },

    /** One session (logout). */
    forgetSession(tokenHash: string): void {
      generation++;
      entries.delete(tokenHash);
    },

    /** Every session of a user: their account, role, zones, password or locale changed. */
    forgetUser(userId: string): void {
      generation++;
      for (const [key, entry] of entries) if (entry.userId === userId) entries.delete(key);
    },

    /** Everything: zones created or changed (region viewers' and admins' scopes follow the zones). */
    forgetAll(): void {
      generation++;
      entries.clear();
    },

    size: () => entries.size,
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;

import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';

export function createSessionsRepository() {
  return {
    async insert(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
      await db.insert(sessions).values(row);
    },

    /** The live session and its user, or undefined when missing or expired. */
    async findLive(db: DbOrTx, tokenHash: string, now: Date) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row;
    },

    async exists(db: DbOrTx, tokenHash: string): Promise<boolean> {
      const rows = await db.select({ t: sessions.tokenHash }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
      return rows.length > 0;
    },

    async delete(db: DbOrTx, tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    /** Password resets and deactivation end every session of the user; a change of one's own password keeps the current one. */
    async deleteForUser(db: DbOrTx, userId: string, except?: string): Promise<void> {
      await db.delete(sessions).where(except ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, except)) : eq(sessions.userId, userId));
    },

    async deleteExpired(db: DbOrTx, now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

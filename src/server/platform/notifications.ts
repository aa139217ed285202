/**
 * Notifications (消息中心) as a platform service: any module raises one inside its own transaction
 * with `notify(tx, { userId, zoneId, kind, entityType, entityId, params })`. The row stores the kind
 * and its params, never text: the reader's language renders the title and body from the kind's
 * strings (registered by the owning module with `defineNotificationKinds`) when the list is read.
 * Rows written before this carry a stored title and body, shown as they are.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../contract/errors.ts';
import type { DbOrTx } from '../db/client.ts';
import { notifications } from '../db/schema.ts';
import { actorOf, type SessionContext } from './auth/session.ts';
import { recordAudit } from './audit.ts';
import type { Clock } from './clock.ts';
import { notFound } from './errors.ts';

export type NotificationParams = Record<string, string | number | null>;

/** One text of a kind, per language, from the notice's params. */
export type NotificationText = Record<Locale, (params: NotificationParams) => string | null>;

export interface NotificationKind {
  title: NotificationText;
  body?: NotificationText;
}

const catalogue = new Map<string, NotificationKind>();

/** Registers the strings of a module's notification kinds (at import; a kind is defined once). */
export function defineNotificationKinds(kinds: Record<string, NotificationKind>): void {
  for (const [kind, text] of Object.entries(kinds)) {
    if (catalogue.has(kind) && catalogue.get(kind) !== text) throw new Error(`notification kind ${kind} is defined twice`);
    catalogue.set(kind, text);
  }
}

export interface Notice {
  /** The recipient; no recipient (nobody holds the role yet) means no notice. */
  userId: string | null | undefined;
  zoneId: string;
  kind: string;
  entityType: string;
  entityId: string;
  params?: NotificationParams;
}

/** Raises notices in the caller's transaction; `except` (usually the actor) is not told of their own act. */
export async function notify(tx: DbOrTx, notice: Notice | readonly Notice[], options: { except?: string | null } = {}): Promise<void> {
  const rows = (Array.isArray(notice) ? notice : [notice as Notice])
    .filter((n) => n.userId && n.userId !== options.except)
    .map((n) => {
      if (!catalogue.has(n.kind)) throw new Error(`notify: no strings for notification kind ${n.kind} (defineNotificationKinds)`);
      return { zoneId: n.zoneId, userId: n.userId!, kind: n.kind, params: n.params ?? {}, entityType: n.entityType, entityId: n.entityId };
    });
  if (rows.length) await tx.insert(notifications).values(rows);
}

type StoredNotice = Pick<typeof notifications.$inferSelect, 'kind' | 'params' | 'title' | 'body'>;

/** A notice's title and body in `locale`: from its kind's strings, else the text stored with an old row. */
export function renderNotification(row: StoredNotice, locale: Locale): { title: string; body: string | null } {
  const text = catalogue.get(row.kind);
  if (row.params && text) return { title: text.title[locale](row.params) ?? row.kind, body: text.body?.[locale](row.params) ?? null };
  return { title: row.title ?? row.kind, body: row.body };
}

/** The signed-in user's inbox: list, unread count, mark read. A notice is its recipient's only. */
export function createNotificationInbox(db: DbOrTx, clock: Clock) {
  const unreadCount = async (userId: string): Promise<number> => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row.n);
  };
  /** Marks one or all unread notices read and audits it in the same transaction (only when one changed). */
  const markRead = (s: SessionContext, requestId: string | undefined, id?: string) =>
    db.transaction(async (tx) => {
      const read = await tx
        .update(notifications)
        .set({ readAt: clock() })
        .where(and(eq(notifications.userId, s.user.id), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
        .returning({ id: notifications.id });
      if (read.length === 0) return;
      await recordAudit(
        tx,
        actorOf(s, requestId),
        id
          ? { zoneId: null, action: 'notification.read', entityType: 'notification', entityId: id }
          : { zoneId: null, action: 'notification.read_all', entityType: 'user', entityId: s.user.id, after: { count: read.length } },
      );
    });

  return {
    async list(s: SessionContext, q: { unread?: 'true' | 'false'; limit: number }, locale: Locale) {
      const [rows, unread] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, s.user.id), q.unread === 'true' ? isNull(notifications.readAt) : undefined))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.limit),
        unreadCount(s.user.id),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          zoneId: n.zoneId,
          kind: n.kind,
          ...renderNotification(n, locale),
          entityType: n.entityType,
          entityId: n.entityId,
          read: n.readAt !== null,
          createdAt: n.createdAt.toISOString(),
        })),
        unread,
      };
    },
    unreadCount: async (s: SessionContext) => ({ unread: await unreadCount(s.user.id) }),
    /** Is this notice the caller's? (The record check of the routes: anyone else's is NOT_FOUND.) */
    async isRecipient(s: SessionContext, id: string): Promise<boolean> {
      const [row] = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.id, id));
      return row?.userId === s.user.id;
    },
    async markRead(s: SessionContext, id: string, requestId?: string) {
      if (!(await this.isRecipient(s, id))) throw notFound();
      await markRead(s, requestId, id);
      return { unread: await unreadCount(s.user.id) };
    },
    async markAllRead(s: SessionContext, requestId?: string) {
      await markRead(s, requestId);
      return { unread: 0 };
    },
  };
}

export type NotificationInbox = ReturnType<typeof createNotificationInbox>;

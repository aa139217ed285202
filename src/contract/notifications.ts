/**
 * Notifications (消息中心): any module raises one (server/platform/notifications.ts); the reader
 * sees it in their language, rendered from the kind's strings at read time.
 */
import { z } from 'zod';
import { idParams, isoDateTime } from './common.ts';
import { defineOperation } from './operation.ts';

export const notificationSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  kind: z.string().describe('What happened, e.g. blocker.escalated'),
  title: z.string().describe('In the reader’s language'),
  body: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  read: z.boolean(),
  createdAt: isoDateTime,
});
export type Notification = z.infer<typeof notificationSchema>;
export const listNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationList = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export const unreadCountSchema = z.object({ unread: z.number().int() });

const tags = ['notifications'];

/** The signed-in user's own notifications: no permission beyond a session. */
export const notificationOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/notifications',
    tags,
    summary: '我的消息 / My notifications',
    query: listNotificationsQuery,
    response: notificationList,
  }),
  unreadCount: defineOperation({
    method: 'GET',
    path: '/api/notifications/unread-count',
    tags,
    summary: '未读消息数 / Unread count',
    response: unreadCountSchema,
  }),
  markRead: defineOperation({
    method: 'POST',
    path: '/api/notifications/:id/read',
    tags,
    summary: '标为已读 / Mark read',
    record: { param: 'id', kind: 'notification' },
    params: idParams,
    response: unreadCountSchema,
  }),
  markAllRead: defineOperation({
    method: 'POST',
    path: '/api/notifications/read-all',
    tags,
    summary: '全部已读 / Mark all read',
    response: unreadCountSchema,
  }),
};

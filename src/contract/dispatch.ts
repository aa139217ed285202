/**
 * Dispatch (调度) API, one file per aggregate under dispatch/: blockers (堵点/难点), the weekly
 * meeting with its agenda and decisions, 三个一批 campaigns and their rates, zone settings.
 * Notifications are everyone's (notifications.ts); their schemas are re-exported here for old importers.
 * Enums and labels live in dispatch-enums.ts.
 */
export * from './dispatch/blockers.ts';
export * from './dispatch/meetings.ts';
export * from './dispatch/campaigns.ts';
export * from './dispatch/campaign-text.ts';
export * from './dispatch/settings.ts';
export { listNotificationsQuery, notificationList, notificationSchema, unreadCountSchema, type Notification } from './notifications.ts';

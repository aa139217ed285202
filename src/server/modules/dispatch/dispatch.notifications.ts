/**
 * The strings of dispatch's notification kinds (消息中心), per language, from the params the
 * services store. What people wrote (a blocker's title, a note, a resolution) shows as written.
 */
import { blockerLevelLabels, type BlockerLevel } from '../../../contract/dispatch-enums.ts';
import { defineNotificationKinds, type NotificationParams } from '../../platform/notifications.ts';
import { cnDate } from './cn-date.ts';

const str = (p: NotificationParams, key: string) => String(p[key] ?? '');
const level = (p: NotificationParams, i: 0 | 1) => blockerLevelLabels[p.level as BlockerLevel]?.[i] ?? str(p, 'level');

export const dispatchNotificationKinds = {
  /** Raised with me as the owner (params: title, deadlineOn), or handed to me (params: title, reassigned). */
  'blocker.assigned': {
    title: {
      'zh-CN': (p) => (p.reassigned ? `堵点已转交您负责：${str(p, 'title')}` : `新堵点待协调：${str(p, 'title')}`),
      'en-US': (p) => (p.reassigned ? `A blocker is now yours: ${str(p, 'title')}` : `New blocker to coordinate: ${str(p, 'title')}`),
    },
    body: {
      'zh-CN': (p) => (p.deadlineOn ? `办理期限${cnDate(str(p, 'deadlineOn'))}` : null),
      'en-US': (p) => (p.deadlineOn ? `Due ${str(p, 'deadlineOn')}` : null),
    },
  },
  /** Escalated to a level I own (params: title, level, on, automatic, note). */
  'blocker.escalated': {
    title: {
      'zh-CN': (p) => `堵点提级至${level(p, 0)}：${str(p, 'title')}`,
      'en-US': (p) => `Blocker escalated to ${level(p, 1)}: ${str(p, 'title')}`,
    },
    body: {
      'zh-CN': (p) => (p.automatic ? `超期未解决，已于${cnDate(str(p, 'on'))}自动提级，请协调解决。` : p.note ? str(p, 'note') : '请协调解决。'),
      'en-US': (p) =>
        p.automatic ? `Overdue and unresolved: escalated automatically on ${str(p, 'on')}. Please coordinate.` : p.note ? str(p, 'note') : 'Please coordinate.',
    },
  },
  /** A blocker I raised is resolved (params: title, resolution). */
  'blocker.resolved': {
    title: { 'zh-CN': (p) => `堵点已销号：${str(p, 'title')}`, 'en-US': (p) => `Blocker resolved: ${str(p, 'title')}` },
    body: { 'zh-CN': (p) => str(p, 'resolution') || null, 'en-US': (p) => str(p, 'resolution') || null },
  },
  /** A blocker I own is reopened (params: title, reason). */
  'blocker.reopened': {
    title: { 'zh-CN': (p) => `堵点重新打开：${str(p, 'title')}`, 'en-US': (p) => `Blocker reopened: ${str(p, 'title')}` },
    body: { 'zh-CN': (p) => str(p, 'reason') || null, 'en-US': (p) => str(p, 'reason') || null },
  },
  /** A meeting assigned me a task (params: task, meetingTitle, deadlineOn). */
  'decision.assigned': {
    title: { 'zh-CN': (p) => `会议交办：${str(p, 'task').slice(0, 40)}`, 'en-US': (p) => `Assigned at the meeting: ${str(p, 'task').slice(0, 60)}` },
    body: {
      'zh-CN': (p) => `${str(p, 'meetingTitle')}；完成时限${cnDate(str(p, 'deadlineOn'))}`,
      'en-US': (p) => `${str(p, 'meetingTitle')}; due ${str(p, 'deadlineOn')}`,
    },
  },
} satisfies Parameters<typeof defineNotificationKinds>[0];

defineNotificationKinds(dispatchNotificationKinds);

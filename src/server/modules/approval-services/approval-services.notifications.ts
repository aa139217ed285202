/** The notices of the approval services (rendered in the reader's language by platform/notifications.ts). */
import { defineNotificationKinds } from '../../platform/notifications.ts';

const levelZh: Record<string, string> = { agent: '代办员', leader: '分管领导', top: '主要领导' };
const levelEn: Record<string, string> = { agent: 'agent', leader: 'deputy leader', top: 'zone leader' };

defineNotificationKinds({
  'approval_case.assigned': {
    title: { 'zh-CN': (p) => `新的代办事项：${p.item}（${p.applicant}）`, 'en-US': (p) => `New case to handle: ${p.item} (${p.applicant})` },
    body: { 'zh-CN': (p) => (p.dueOn ? `承诺办结日期 ${p.dueOn}` : null), 'en-US': (p) => (p.dueOn ? `Due ${p.dueOn}` : null) },
  },
  'approval_case.escalated': {
    title: {
      'zh-CN': (p) => `办件超期提级至${levelZh[String(p.level)] ?? p.level}：${p.item}（${p.applicant}）`,
      'en-US': (p) => `Overdue case escalated to the ${levelEn[String(p.level)] ?? p.level}: ${p.item} (${p.applicant})`,
    },
    body: { 'zh-CN': (p) => `应于 ${p.dueOn} 办结`, 'en-US': (p) => `It was due on ${p.dueOn}` },
  },
});

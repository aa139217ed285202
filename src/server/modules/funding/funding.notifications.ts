/** The notices the funding module raises (platform/notifications.ts renders them in the reader's language). */
import { defineNotificationKinds } from '../../platform/notifications.ts';

defineNotificationKinds({
  'funding.deadline': {
    title: {
      'zh-CN': (p) => `「${p.programme}」将于 ${p.deadlineOn} 截止申报`,
      'en-US': (p) => `"${p.programme}" closes on ${p.deadlineOn}`,
    },
    body: {
      'zh-CN': (p) => `储备项目「${p.reserve}」的申报仍在谋划阶段，请在截止前完成申报。`,
      'en-US': (p) => `The application of "${p.reserve}" is still being planned; file it before the deadline.`,
    },
  },
});

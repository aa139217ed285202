/** Audit words of the enterprise services (spread into contract/audit-labels.ts). */
type L = readonly [string, string];
const a = (zh: string, en: string, saysZh: string, saysEn: string) => ({ label: [zh, en] as L, says: [saysZh, saysEn] as L });

export const servicesAuditActions = {
  'funding.programme.create': a('新增资金项目', 'Add programme', '新增了 {e}', 'added {e}'),
  'funding.programme.update': a('修改资金项目', 'Update programme', '修改了 {e}', 'updated {e}'),
  'funding.reserve.create': a('项目入库', 'Add to reserve', '将 {e} 纳入储备库', 'added {e} to the reserve'),
  'funding.reserve.update': a('修改储备项目', 'Update reserve entry', '修改了 {e}', 'updated {e}'),
  'funding.application.create': a('新建资金申报', 'Start application', '新建了 {e}', 'started {e}'),
  'funding.application.update': a('推进资金申报', 'Update application', '修改了 {e}', 'updated {e}'),
  'funding.application.remind': a('申报截止提醒', 'Deadline reminder', '发出了 {e}的截止提醒', 'sent the deadline reminder of {e}'),
  'funding.contact.create': a('新增对接记录', 'Record contact', '新增了 {e}', 'recorded {e}'),
  'funding.contact.update': a('修改对接记录', 'Update contact', '修改了 {e}', 'updated {e}'),
  'hiring.post.create': a('发布岗位需求', 'Post demand', '发布了 {e}', 'posted {e}'),
  'hiring.post.update': a('修改岗位需求', 'Update post', '修改了 {e}', 'updated {e}'),
  'hiring.fair.create': a('新增招聘会', 'Add job fair', '新增了 {e}', 'added {e}'),
  'hiring.fair.update': a('修改招聘会', 'Update job fair', '修改了 {e}', 'updated {e}'),
  'hiring.partnership.create': a('新增校企合作', 'Add partnership', '新增了 {e}', 'added {e}'),
  'hiring.partnership.update': a('修改校企合作', 'Update partnership', '修改了 {e}', 'updated {e}'),
  'approval_item.create': a('新增赋权事项', 'Add delegated item', '新增了 {e}', 'added {e}'),
  'approval_item.update': a('修改赋权事项', 'Update delegated item', '修改了 {e}', 'updated {e}'),
  'approval_case.create': a('受理办件', 'Accept case', '受理了 {e}', 'accepted {e}'),
  'approval_case.step': a('推进办件', 'Advance case', '推进了 {e}', 'advanced {e}'),
  'approval_case.update': a('修改办件', 'Update case', '修改了 {e}', 'updated {e}'),
  'factor_request.create': a('登记要素需求', 'Record factor request', '登记了 {e}', 'recorded {e}'),
  'factor_request.resolve': a('要素需求办结', 'Resolve factor request', '办结了 {e}', 'resolved {e}'),
  'factor_request.raise': a('要素需求转堵点', 'Raise as blocker', '将 {e} 转为堵点', 'raised {e} as a blocker'),
  'approval_case.escalate': a('办件超期提级', 'Escalate case', '将超期的 {e} 提级', 'escalated the overdue {e}'),
} as const;

export const servicesAuditEntities = {
  funding_programme: ['资金项目', 'funding programme'],
  funding_reserve: ['储备项目', 'reserve entry'],
  funding_application: ['资金申报', 'funding application'],
  funding_contact: ['对接记录', 'contact record'],
  hiring_post: ['岗位需求', 'job post'],
  hiring_fair: ['招聘会', 'job fair'],
  hiring_partnership: ['校企合作', 'school partnership'],
  approval_item: ['赋权事项', 'delegated item'],
  approval_case: ['办件', 'approval case'],
  factor_request: ['要素需求', 'factor request'],
} as const;

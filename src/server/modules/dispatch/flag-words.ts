/** A red/yellow flag's reason in words (zh), for the agenda and the brief (both are Chinese documents). */
import type { FlagReason } from '../../../contract/projects.ts';
import { cnDate } from './cn-date.ts';

const responsibilityWords: Record<string, string> = { leaderUserId: '包联领导', departmentId: '责任单位', officerUserId: '责任人' };

export function flagReasonText(r: FlagReason): string {
  switch (r.code) {
    case 'milestone_overdue':
      return `节点“${r.milestone ?? ''}”超期${r.days ?? ''}天`;
    case 'investment_behind':
      return `投资完成滞后时序进度${r.points ?? ''}个百分点`;
    case 'responsibility_missing':
      return `未落实${(r.missing ?? []).map((f) => responsibilityWords[f] ?? f).join('、')}`;
    default:
      return `${r.periodStart ? cnDate(r.periodStart) : ''}起未填报进度`;
  }
}

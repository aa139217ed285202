/** The field reasons dispatch answers with, in both languages (contract/reasons.ts). */
// Keys are global (contract/reasons.ts): dispatch's own words get their own keys.
import { defineReasons } from '../reasons.ts';

defineReasons({
  deadline_before_raised: ['期限不能早于提出日期', 'the deadline cannot be before the day it was raised'],
  resolution_required: ['销号须填写解决情况', 'resolving needs a resolution text'],
  escalation_top: ['已是最高层级（主要领导），不能再提级', 'already at the top level (main leader); it cannot escalate further'],
  blocker_resolved: ['该堵点已销号', 'this blocker is already resolved'],
  blocker_not_resolved: ['该堵点尚未销号，无需重新打开', 'this blocker is not resolved; nothing to reopen'],
  reason_required: ['请填写原因', 'a reason is required'],
  owner_required: ['请指定责任人', 'choose an owner'],
  unknown_user: ['用户不存在或不属于该开发区', 'no such user in this zone'],
  project_not_in_zone: ['项目不存在或不属于该开发区', 'no such project in this zone'],
  lead_not_in_zone: ['招商线索不存在或不属于该开发区', 'no such lead in this zone'],
  unknown_blocker: ['堵点不存在或不属于该开发区', 'no such blocker in this zone'],
  project_or_lead: ['项目与招商线索只能关联其一', 'link a project or a lead, not both'],
  meeting_closed: ['会议已结束，记录已冻结', 'the meeting is closed; its record is frozen'],
  meeting_not_closed: ['会议尚未结束', 'the meeting is not closed yet'],
  agenda_items_mismatch: ['议程条目与会议不一致，请刷新后再排序', 'the agenda changed; reload and reorder again'],
  campaign_exists: ['该开发区本季度已有三个一批活动', 'this zone already has a campaign for that quarter'],
  entry_target_required: ['请选择项目或招商线索，或填写名称', 'choose a project or lead, or give a name'],
  already_in_list: ['该项目已在本批清单中', 'already on this list'],
  already_counted: ['该项目已在此前的同类批次中计入，同一项目只计一次', 'already counted in an earlier batch of this kind; a project counts once'],
  confirm_reason_required: ['未完成须说明原因', 'not done: give the reason'],
  output_needs_production: ['达效只适用于投产一批', 'output reached applies to the production batch only'],
});

/** A required field whose absence (or null) is answered with `reason` rather than a generic "required". */
export const requiredWith = (reason: string) => ({ error: (issue: { input?: unknown }) => (issue.input == null ? reason : undefined) });

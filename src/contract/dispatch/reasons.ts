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
  entry_target_required: ['请选择项目或招商线索', 'choose a project or lead'],
  already_in_list: ['该项目已在本批清单中', 'already on this list'],
  completion_derived: ['完成情况由项目和协议记录认定，不能手工填写', 'achievement is derived from the project and agreement records; it cannot be typed'],
  entry_project_required: ['开工一批、投产一批须选择本开发区的项目', 'the start and production batches take a project of this zone'],
  project_has_no_lead: ['该项目未关联招商线索，无法从签约协议认定，请选择其招商线索', 'this project has no lead whose agreements could count; choose the lead'],
  already_signed: [
    '该线索已在本季度之前签约计入，不能再列入签约一批',
    'this lead signed before the quarter and counted then; it cannot join this signing batch',
  ],
  already_started: ['该项目已在本季度之前开工，不能再列入开工一批', 'this project started before the quarter; it cannot join this start batch'],
  already_in_production: [
    '该项目已在本季度之前投产，不能再列入投产一批',
    'this project went into production before the quarter; it cannot join this production batch',
  ],
  event_outside_quarter: ['活动日期须在该季度内', 'the event day must fall within the quarter'],
  signing_event_not_in_zone: ['签约活动不存在或不属于该开发区', 'no such signing event in this zone'],
  signing_event_taken: ['该签约活动已关联其他季度活动', 'this signing event already belongs to another campaign'],
});

/** A required field whose absence (or null) is answered with `reason` rather than a generic "required". */
export const requiredWith = (reason: string) => ({ error: (issue: { input?: unknown }) => (issue.input == null ? reason : undefined) });

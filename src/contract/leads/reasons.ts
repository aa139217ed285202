/** The field reasons of the investment pipeline (招商), zh-CN and en-US. */
import { defineReasons } from '../reasons.ts';

defineReasons({
  invalid_cursor: ['翻页位置无效，请从第一页重新开始', 'not a cursor this list gave; start again from the first page'],
  cursor_needs_updated_at: ['按位置翻页只适用于按更新时间排序', 'a cursor pages the list in its updatedAt order only'],
  stage_gate_framework: [
    '进入“框架协议”阶段需先录入框架协议（签署日期、金额、文件）',
    'the framework-agreement stage needs its agreement (date, amount, file)',
  ],
  stage_gate_signed: ['进入“正式签约”阶段需先录入投资协议（签署日期、金额、文件）', 'the signed stage needs the investment agreement (date, amount, file)'],
  agreement_stage_prospect: ['线索阶段不能录入协议，请先推进到“接洽”或“意向”', 'no agreement on a lead still at the prospect stage; move it on first'],
  agreement_stage_framework: ['框架协议须在“意向”阶段及之后录入', 'a framework agreement needs the lead at the intent stage or later'],
  agreement_stage_investment: [
    '投资协议仅可在“正式签约”阶段录入，或在推进到“正式签约”时一并录入',
    'an investment agreement is recorded at the signed stage, or when moving the lead to it',
  ],
  agreement_stage_capital_increase: ['增资协议须在“正式签约”阶段及之后录入', 'a capital increase needs the lead at the signed stage or later'],
  stage_back_reason_required: ['退回前一阶段需填写原因', 'moving a lead back a stage needs a reason'],
  lead_stage_same: ['线索已处于该阶段', 'the lead is already at this stage'],
  lead_closed: ['线索已流失或终止，请先恢复状态', 'the lead is lost or terminated; restore its status first'],
  status_reason_required: ['流失或终止需填写原因', 'a lost or terminated lead needs a reason'],
  lost_region_required: ['流失需填写流向地区', 'a lost lead needs the region it went to'],
  unknown_owner: ['负责人不存在，或不是本开发区的在职人员', 'no such owner among the active users of this zone'],
  lead_code_taken: ['该线索编号在本开发区已被使用', 'this lead code is already used in the zone'],
  agreement_date_future: ['签署日期不能晚于今天', 'the signing date cannot be in the future'],
  agreement_file_required: ['请上传协议文件', 'attach the agreement file'],
  unknown_file: ['文件不存在或不属于该线索', 'no such file on this lead'],
  unknown_signing_event: ['签约活动不存在', 'no such signing event'],
  capital_increase_before_signing: ['增资协议须在首份投资协议之后', 'a capital increase needs an earlier investment agreement'],
  not_convertible: ['仅“正式签约”或“注册落地”阶段的线索可转为项目', 'only a signed or registered lead can become a project'],
  already_converted: ['该线索已转为项目', 'this lead is already a project'],
  trip_dates: ['结束日期不能早于开始日期', 'the end date cannot be before the start date'],
  meeting_enterprise_required: ['请选择或新建所拜访的企业', 'choose or create the enterprise met'],
  date_range: ['结束日期不能早于开始日期', 'the end cannot be before the start'],
  zone_required: ['请选择开发区', 'choose a zone'],
  amount_positive: ['金额须大于 0', 'the amount must be above 0'],
  meeting_outside_trip: ['拜访日期须在出行日期之内', 'the meeting date must fall within the trip'],
  projects_unavailable: ['项目模块尚未启用，暂不能转为项目', 'the projects module is not available yet'],
  file_missing: ['请选择要上传的文件', 'choose a file to upload'],
  lead_duplicate: [
    '疑似重复线索：本开发区已有同一（或同名）投资方、项目名称相近的线索，请打开已有线索或合并；确属另一项目请说明原因',
    'possible duplicate: the zone has a lead of the same (or a same-named) investor with a similar project name; open or merge it, or say why this is another project',
  ],
  lead_duplicate_reason_required: ['确认不是重复线索时请说明原因', 'say why this is another project'],
  lead_merge_same: ['不能与自身合并', 'a lead cannot be merged into itself'],
  merge_other_zone: ['只能合并同一开发区的线索', 'only leads of the same zone can be merged'],
  merge_both_converted: [
    '两条线索都已转为项目，合并会让一个项目计为两个；请先在项目中处理重复',
    'both leads are already projects: merging would count one project twice; resolve the duplicate projects first',
  ],
  merge_into_converted: [
    '被合并的线索已转为项目，请反向操作：将本线索合并到已转为项目的那条线索',
    'the duplicate is already a project: merge the other way, into the converted lead',
  ],
  merge_two_first_signings: [
    '两条线索各有一份首次签约的投资协议，合并后同一项目会出现两次首签：请确认较晚的一份为重复签约（不计入签约额）后再合并',
    'both leads carry a first investment agreement, two first signings of one project: confirm the later one is a re-signing (counted 0) to merge',
  ],
  merge_campaign_twice: [
    '两条线索已列入同一“三个一批”批次（或都已计入），合并会重复计数',
    'both leads are in the same 三个一批 batch (or both counted in it): merging would count it twice',
  ],
});

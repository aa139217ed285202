/** The field reasons of the investment pipeline (招商), zh-CN and en-US. */
import { defineReasons } from '../reasons.ts';

defineReasons({
  stage_gate_framework: [
    '进入“框架协议”阶段需先录入框架协议（签署日期、金额、文件）',
    'the framework-agreement stage needs its agreement (date, amount, file)',
  ],
  stage_gate_signed: ['进入“正式签约”阶段需先录入投资协议（签署日期、金额、文件）', 'the signed stage needs the investment agreement (date, amount, file)'],
  stage_same: ['线索已处于该阶段', 'the lead is already at this stage'],
  lead_closed: ['线索已流失或终止，请先恢复状态', 'the lead is lost or terminated; restore its status first'],
  status_reason_required: ['流失或终止需填写原因', 'a lost or terminated lead needs a reason'],
  lost_region_required: ['流失需填写流向地区', 'a lost lead needs the region it went to'],
  unknown_owner: ['负责人不存在，或不是本开发区的在职人员', 'no such owner among the active users of this zone'],
  unknown_lead: ['线索不存在或不在您的管辖范围内', 'no such lead in the zones you cover'],
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
});

/** Field reasons of the projects domain (texts in both languages, keyed by the services' reason codes). */
import { defineReasons } from '../reasons.ts';

defineReasons({
  gate_required: ['进入该阶段需要先填写此项', 'required before the project can enter this stage'],
  stage_back_reason: ['阶段回退需要填写原因', 'moving a project back needs a reason'],
  stage_same: ['项目已处于该阶段', 'the project is already in this stage'],
  fixed_exceeds_total: ['固定资产投资不能大于总投资', 'fixed-asset investment cannot exceed the total'],
  years_order: ['计划竣工年份不能早于开工年份', 'the planned end year cannot precede the start year'],
  dates_order: ['结束日期不能早于开始日期', 'the end date cannot precede the start date'],
  granted_before_filed: ['办结日期不能早于申报日期', 'the granted date cannot precede the filed date'],
  period_start_invalid: [
    '期间起始日与本区填报周期不符（月报为每月1日，旬报为1/11/21日，周报为周一）',
    "the period start does not match the zone's reporting period",
  ],
  period_future: ['不能填报尚未开始的期间', 'a period that has not started cannot be reported'],
  period_reported: ['该期间已填报，请修改原记录', 'this period has already been reported'],
  cumulative_backwards: ['累计完成投资不能小于上期累计', 'the cumulative investment cannot go below the previous one'],
  invested_or_cumulative: ['请填写本期完成投资或累计完成投资（二选一）', 'give either the investment this period or the cumulative, not both'],
  photo_not_image: ['只能上传 JPEG、PNG 或 WebP 图片', 'only JPEG, PNG or WebP images'],
  photo_too_large: ['图片不能超过 5 MB', 'an image cannot exceed 5 MB'],
  photo_missing: ['请选择要上传的图片', 'choose an image to upload'],
  leader_role_required: ['包联领导须为本开发区的主要领导或分管领导', 'the leader in charge must be a zone leader or deputy leader of this zone'],
  unknown_user_in_zone: ['该人员不存在或不负责本开发区', 'no such user covering this zone'],
  unknown_park: ['园区不存在或不属于所选开发区', 'no such park in the chosen zone'],
  unknown_project: ['项目不存在或不在您的管辖范围内', 'no such project in the zones you cover'],
  not_my_project: ['不是您负责的项目', 'not one of your projects'],
  duplicate_row: ['同一项目重复出现', 'the same project appears twice'],
  thresholds_order: ['红灯阈值应不小于黄灯阈值', 'the red threshold must not be below the yellow one'],
  unknown_milestone: ['节点不存在', 'no such milestone'],
  unknown_approval: ['审批事项不存在', 'no such approval item'],
});

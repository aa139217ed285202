/**
 * The columns of the 招商线索台账 (lead ledger) and of the enterprise list, with the header words
 * an import recognises for each (matched by platform/xlsx.ts). Export writes the first header; import
 * accepts any alias.
 */
import {
  chainActionLabels,
  leadMethods,
  leadStages,
  leadStatuses,
  methodLabels,
  stageLabels,
  statusLabels,
  chainActions,
} from '../../../contract/pipeline-enums.ts';
import type { SheetColumn } from '../../platform/xlsx.ts';

export type LedgerKey =
  | 'code'
  | 'name'
  | 'enterpriseName'
  | 'creditCode'
  | 'method'
  | 'sector'
  | 'chainLink'
  | 'chainAction'
  | 'plannedInvestment'
  | 'plannedOutput'
  | 'stage'
  | 'status'
  | 'statusReason'
  | 'lostToRegion'
  | 'likelihood'
  | 'firstContactOn'
  | 'lastFollowUpOn'
  | 'nextStep'
  | 'nextStepOn'
  | 'owner'
  | 'platformContact'
  | 'agreementOn'
  | 'agreementAmount'
  | 'progress';

export type Column<K extends string> = SheetColumn<K>;

export const ledgerColumns: Column<LedgerKey>[] = [
  { key: 'code', header: '线索编号', aliases: ['编号', '项目编号', 'code'], width: 16 },
  { key: 'name', header: '项目名称', aliases: ['项目', '线索名称', 'project', 'name'], width: 30 },
  { key: 'enterpriseName', header: '投资方', aliases: ['投资主体', '投资企业', '投资方企业', '企业名称', 'investor'], width: 30 },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', 'creditcode'], width: 22 },
  { key: 'method', header: '招商方式', aliases: ['线索来源', '来源', 'method'], width: 12 },
  { key: 'sector', header: '产业板块', aliases: ['板块', '所属板块', '所属产业', '产业类别', '产业', '行业', 'sector'], width: 14 },
  { key: 'chainLink', header: '产业链环节', aliases: ['环节', '链条环节', 'chainlink'], width: 16 },
  { key: 'chainAction', header: '强延补链', aliases: ['强链延链补链', '链条类型'], width: 10 },
  { key: 'plannedInvestment', header: '计划投资（万元）', aliases: ['计划投资', '计划总投资', '总投资', '投资额', '拟投资', '拟投资额', '投资规模', '协议投资额'], width: 14, kind: 'money' },
  { key: 'plannedOutput', header: '预计产值（万元）', aliases: ['预计产值', '计划产值', '达产产值'], width: 14, kind: 'money' },
  { key: 'stage', header: '推进阶段', aliases: ['阶段', '进展阶段', '推进情况', '项目阶段', '所处阶段', 'stage'], width: 10 },
  { key: 'status', header: '状态', aliases: ['线索状态', 'status'], width: 8 },
  { key: 'statusReason', header: '状态说明', aliases: ['原因', '流失原因', '终止原因'], width: 20 },
  { key: 'lostToRegion', header: '流失去向', aliases: ['流向地区', '流失地区'], width: 14 },
  { key: 'likelihood', header: '签约可能性（%）', aliases: ['签约可能性', '可能性', 'likelihood'], width: 10, kind: 'percent' },
  { key: 'firstContactOn', header: '首次接洽', aliases: ['首次接洽日期', '首次接洽时间', '首次对接', '首次对接日期', '首次对接时间', '接洽时间'], width: 12, kind: 'date' },
  { key: 'lastFollowUpOn', header: '最近跟进', aliases: ['最近跟进日期', '最近对接', '最后跟进'], width: 12, kind: 'date' },
  { key: 'nextStep', header: '下一步工作', aliases: ['下一步', '下步工作', '下一步计划'], width: 30 },
  { key: 'nextStepOn', header: '下一步日期', aliases: ['下一步时间', '计划日期'], width: 12, kind: 'date' },
  { key: 'owner', header: '负责人', aliases: ['责任人', '招商负责人', '跟踪责任人', 'owner'], width: 10 },
  { key: 'platformContact', header: '平台公司对接人', aliases: ['平台公司', '平台对接人'], width: 12 },
  // The lead's agreement (框架协议 at 框架协议, else its first investment agreement): a lead at 正式签约 needs one.
  { key: 'agreementOn', header: '签约时间', aliases: ['签约日期', '协议签订时间', '协议签订日期', '签订时间'], width: 12, kind: 'date' },
  { key: 'agreementAmount', header: '签约金额（万元）', aliases: ['签约金额', '协议金额', '协议投资额', '合同金额'], width: 14, kind: 'money' },
];

/** What an import reads besides the exported columns: the sheet's latest progress (where "6月18日签订投资协议" dates an agreement). */
export const ledgerImportColumns: Column<LedgerKey>[] = [
  ...ledgerColumns,
  { key: 'progress', header: '最新进展', aliases: ['进展情况', '工作进展', '推进情况', '项目进展'], width: 40 },
];

export type EnterpriseKey =
  | 'name'
  | 'creditCode'
  | 'legalPerson'
  | 'registeredCapital'
  | 'industry'
  | 'regionCode'
  | 'address'
  | 'contactName'
  | 'contactTitle'
  | 'contactPhone'
  | 'contactEmail';

export const enterpriseColumns: Column<EnterpriseKey>[] = [
  { key: 'name', header: '企业名称', aliases: ['名称', '单位名称', 'name'], width: 30 },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', 'creditcode'], width: 22 },
  { key: 'legalPerson', header: '法定代表人', aliases: ['法人', '法人代表'], width: 10 },
  { key: 'registeredCapital', header: '注册资本（万元）', aliases: ['注册资本', '注册资金'], width: 14, kind: 'money' },
  { key: 'industry', header: '所属行业', aliases: ['行业', '行业代码', '国民经济行业'], width: 24 },
  { key: 'regionCode', header: '行政区划代码', aliases: ['区划代码', '所在地区代码'], width: 12 },
  { key: 'address', header: '地址', aliases: ['注册地址', '企业地址'], width: 30 },
  { key: 'contactName', header: '联系人', aliases: ['联系人姓名'], width: 10 },
  { key: 'contactTitle', header: '职务', aliases: ['联系人职务'], width: 12 },
  { key: 'contactPhone', header: '联系电话', aliases: ['电话', '手机'], width: 14 },
  { key: 'contactEmail', header: '邮箱', aliases: ['电子邮箱', 'email'], width: 20 },
];

function labelMap<K extends string>(keys: readonly K[], labels: Record<K, [string, string]>, extra: Record<string, K> = {}): Map<string, K> {
  const m = new Map<string, K>();
  for (const k of keys) {
    m.set(k.toLowerCase(), k);
    m.set(labels[k][0], k);
    m.set(labels[k][1].toLowerCase(), k);
  }
  for (const [text, k] of Object.entries(extra)) m.set(text, k);
  return m;
}

export const methodByText = labelMap(leadMethods, methodLabels, {
  小分队: 'team',
  产业链: 'chain',
  重资产: 'heavy_asset',
  绿电: 'green_power',
  基金: 'fund',
  中介: 'agent',
  展会: 'fair',
  展会招商: 'fair',
  产业链招商: 'chain',
  小分队招商: 'team',
  基金招商: 'fund',
  中介招商: 'agent',
  以商招商: 'investor_referral',
  科创飞地: 'rd_enclave',
});
export const stageByText = labelMap(leadStages, stageLabels, {
  对接: 'contact',
  '接洽/对接': 'contact',
  洽谈: 'contact',
  洽谈中: 'contact',
  在谈: 'contact',
  签约: 'signed',
  已签约: 'signed',
  正式签约: 'signed',
  已签约投资协议: 'signed',
  落地: 'registered',
  已落地: 'registered',
  已注册: 'registered',
  框架: 'framework',
  已签约框架协议: 'framework',
  已签框架协议: 'framework',
});
export const statusByText = labelMap(leadStatuses, statusLabels, {});
export const chainActionByText = labelMap(chainActions, chainActionLabels, {});

/**
 * The demo pipeline's data (招商): investors with valid credit codes, leads in every stage and
 * status, and agreements that show the counting rule. Days are counted back from the seed's day
 * (`ago`, `nextIn`); leads.seed.ts writes them.
 */
import type { regions } from '../../db/schema.ts';
import { creditCodeCheckChar } from '../../../contract/credit-code.ts';
import type { AgreementKind, LeadMethod, LeadStage, LeadStatus } from '../../../contract/pipeline-enums.ts';
import { demoId } from '../../seed/demo-ids.ts';

/** Regions outside Shanxi that investors come from and leads are lost to. */
export const investorRegions: (typeof regions.$inferInsert)[] = [
  { code: '110000', name: '北京市', level: 'province', parentCode: null },
  { code: '310000', name: '上海市', level: 'province', parentCode: null },
  { code: '320000', name: '江苏省', level: 'province', parentCode: null },
  { code: '320500', name: '苏州市', level: 'city', parentCode: '320000' },
  { code: '330000', name: '浙江省', level: 'province', parentCode: null },
  { code: '330100', name: '杭州市', level: 'city', parentCode: '330000' },
  { code: '440000', name: '广东省', level: 'province', parentCode: null },
  { code: '440300', name: '深圳市', level: 'city', parentCode: '440000' },
  { code: '441900', name: '东莞市', level: 'city', parentCode: '440000' },
  { code: '610000', name: '陕西省', level: 'province', parentCode: null },
  { code: '610100', name: '西安市', level: 'city', parentCode: '610000' },
];

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A valid credit code for a demo investor (9 = 市场监管, 1 = 企业), stable per key. */
export function pipelineCreditCode(key: string, regionCode: string): string {
  const hex = demoId(`pipeline-credit:${key}`).replace(/-/g, '');
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 31];
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export interface DemoInvestor {
  key: string;
  name: string;
  region: string;
  industry: string;
  legalPerson: string;
  capitalWan: number;
  contact?: [name: string, title: string, phone: string];
}

export const demoInvestors: DemoInvestor[] = [
  {
    key: 'xinghe',
    name: '深圳星河微电子有限公司',
    region: '440300',
    industry: '39',
    legalPerson: '陈志远',
    capitalWan: 30000,
    contact: ['黄海涛', '投资总监', '13802561234'],
  },
  {
    key: 'huayi',
    name: '东莞华翼新能源科技有限公司',
    region: '441900',
    industry: '38',
    legalPerson: '林国栋',
    capitalWan: 12000,
    contact: ['吴敏', '副总经理', '13925874561'],
  },
  { key: 'pengcheng', name: '深圳鹏城智能装备股份有限公司', region: '440300', industry: '35', legalPerson: '郭鹏', capitalWan: 50000 },
  { key: 'lingnan', name: '广东岭南新材料集团有限公司', region: '440000', industry: '30', legalPerson: '梁伟', capitalWan: 80000 },
  {
    key: 'suhe',
    name: '苏州苏禾精密制造有限公司',
    region: '320500',
    industry: '34',
    legalPerson: '周立',
    capitalWan: 20000,
    contact: ['钱晓东', '董事长助理', '13962145678'],
  },
  { key: 'qiantang', name: '杭州钱塘数字科技有限公司', region: '330100', industry: '65', legalPerson: '沈嘉', capitalWan: 8000 },
  { key: 'chang-an', name: '西安长安储能技术有限公司', region: '610100', industry: '38', legalPerson: '张涛', capitalWan: 15000 },
  { key: 'jingjin', name: '北京京津冀氢能科技有限公司', region: '110000', industry: '35', legalPerson: '刘洋', capitalWan: 25000 },
  { key: 'haipai', name: '上海海派生物医药有限公司', region: '310000', industry: '27', legalPerson: '顾晨', capitalWan: 18000 },
  { key: 'jinyun', name: '山西晋运现代物流有限公司', region: '140800', industry: '59', legalPerson: '杨建军', capitalWan: 6000 },
  { key: 'sanjin', name: '山西三晋碳基新材料有限公司', region: '140100', industry: '26', legalPerson: '王晋', capitalWan: 40000 },
  { key: 'huanghe', name: '运城黄河光伏科技有限公司', region: '140800', industry: '38', legalPerson: '李黄河', capitalWan: 10000 },
  { key: 'zhonglv', name: '中铝河津新材料有限公司', region: '140882', industry: '32', legalPerson: '赵铝', capitalWan: 100000 },
  { key: 'yanhu-chip', name: '运城盐湖芯片封测有限公司', region: '140802', industry: '39', legalPerson: '孙芯', capitalWan: 9000 },
];

export interface DemoLead {
  key: string;
  zone: string;
  name: string;
  investor?: string;
  method: LeadMethod;
  stage: LeadStage;
  status?: LeadStatus;
  statusReason?: string;
  lostTo?: string;
  sector: string;
  chainLink: string;
  chainAction?: 'strengthen' | 'extend' | 'fill';
  investmentWan: number;
  outputWan?: number;
  likelihood: number;
  firstAgo: number;
  lastAgo: number;
  nextStep?: string;
  /** Days from today to the next step (negative = overdue). */
  nextIn?: number;
  owner: string;
  platform?: string;
  partners?: [kind: 'chain_leader' | 'agent' | 'other', name: string][];
}

const L = (l: DemoLead) => l;
export const demoLeads: DemoLead[] = [
  L({
    key: 'xinghe-chip',
    zone: 'fendong',
    name: '车规级芯片封装测试项目',
    investor: 'xinghe',
    method: 'chain',
    stage: 'signed',
    sector: '电子信息',
    chainLink: '封装测试',
    chainAction: 'fill',
    investmentWan: 26000,
    outputWan: 60000,
    likelihood: 100,
    firstAgo: 200,
    lastAgo: 5,
    nextStep: '办理工商注册与项目备案',
    nextIn: 10,
    owner: 'officer',
    platform: '汾东投资发展集团 王强',
    partners: [
      ['chain_leader', '运城芯测半导体有限公司'],
      ['agent', '深圳湾区产业促进中心'],
    ],
  }),
  L({
    key: 'huayi-pack',
    zone: 'fendong',
    name: '储能电池PACK项目',
    investor: 'huayi',
    method: 'chain',
    stage: 'intent',
    sector: '新能源装备',
    chainLink: '储能电池PACK',
    chainAction: 'extend',
    investmentWan: 15000,
    outputWan: 40000,
    likelihood: 60,
    firstAgo: 30,
    lastAgo: 25,
    nextStep: '对方来汾东实地考察',
    nextIn: -3,
    owner: 'officer',
    platform: '汾东投资发展集团 王强',
    partners: [['chain_leader', '山西储能时代科技有限公司']],
  }),
  L({
    key: 'pengcheng-robot',
    zone: 'fendong',
    name: '智能焊接机器人生产基地',
    investor: 'pengcheng',
    method: 'team',
    stage: 'framework',
    sector: '装备制造',
    chainLink: '工业机器人',
    chainAction: 'extend',
    investmentWan: 38000,
    outputWan: 80000,
    likelihood: 80,
    firstAgo: 150,
    lastAgo: 12,
    nextStep: '商谈投资协议条款',
    nextIn: 5,
    owner: 'officer',
    platform: '汾东投资发展集团 王强',
  }),
  L({
    key: 'lingnan-glass',
    zone: 'fendong',
    name: '光伏玻璃深加工项目',
    investor: 'lingnan',
    method: 'heavy_asset',
    stage: 'signed',
    sector: '光伏',
    chainLink: '光伏玻璃',
    chainAction: 'strengthen',
    investmentWan: 50000,
    outputWan: 120000,
    likelihood: 100,
    firstAgo: 300,
    lastAgo: 20,
    nextStep: '平台公司代建标准厂房交付',
    nextIn: 40,
    owner: 'deputy',
    platform: '汾东投资发展集团 王强',
    partners: [['other', '汾东投资发展集团有限公司（代建）']],
  }),
  L({
    key: 'suhe-precision',
    zone: 'fendong',
    name: '精密传动部件项目',
    investor: 'suhe',
    method: 'investor_referral',
    stage: 'registered',
    sector: '装备制造',
    chainLink: '精密传动',
    chainAction: 'strengthen',
    investmentWan: 20000,
    outputWan: 35000,
    likelihood: 100,
    firstAgo: 400,
    lastAgo: 30,
    nextStep: '转入项目推进',
    nextIn: 15,
    owner: 'officer',
    partners: [['chain_leader', '中车汾东轨道装备有限公司']],
  }),
  L({
    key: 'qiantang-data',
    zone: 'fendong',
    name: '“汾东云”数据中心（代号：青松）',
    investor: 'qiantang',
    method: 'rd_enclave',
    stage: 'contact',
    sector: '数字经济',
    chainLink: '算力中心',
    chainAction: 'fill',
    investmentWan: 30000,
    likelihood: 30,
    firstAgo: 20,
    lastAgo: 18,
    nextStep: '提供绿电价格测算',
    nextIn: 3,
    owner: 'officer',
  }),
  L({
    key: 'chang-an-storage',
    zone: 'fendong',
    name: '独立储能电站项目',
    investor: 'chang-an',
    method: 'green_power',
    stage: 'intent',
    status: 'delayed',
    statusReason: '企业融资安排调整，延后至下半年',
    sector: '新能源装备',
    chainLink: '储能电站',
    investmentWan: 42000,
    likelihood: 40,
    firstAgo: 120,
    lastAgo: 60,
    nextStep: '三季度回访',
    nextIn: 60,
    owner: 'officer',
  }),
  L({
    key: 'jingjin-hydrogen',
    zone: 'fendong',
    name: '氢燃料电池电堆项目',
    investor: 'jingjin',
    method: 'fund',
    stage: 'contact',
    status: 'lost',
    statusReason: '对方选择长三角地区落地，配套政策差距较大',
    lostTo: '江苏省苏州市',
    sector: '新能源装备',
    chainLink: '燃料电池电堆',
    investmentWan: 35000,
    likelihood: 0,
    firstAgo: 180,
    lastAgo: 90,
    owner: 'deputy',
  }),
  L({
    key: 'haipai-api',
    zone: 'fendong',
    name: '原料药CDMO项目',
    investor: 'haipai',
    method: 'agent',
    stage: 'prospect',
    status: 'dormant',
    statusReason: '企业暂无扩产计划',
    sector: '生物医药',
    chainLink: '原料药',
    investmentWan: 12000,
    likelihood: 10,
    firstAgo: 240,
    lastAgo: 200,
    owner: 'officer',
    partners: [['agent', '上海浦江招商咨询有限公司']],
  }),
  L({
    key: 'jinyun-coldchain',
    zone: 'fendong',
    name: '农产品冷链分拨中心',
    investor: 'jinyun',
    method: 'fair',
    stage: 'contact',
    status: 'terminated',
    statusReason: '选址与规划冲突，双方协商终止',
    sector: '现代物流',
    chainLink: '冷链仓储',
    investmentWan: 8000,
    likelihood: 0,
    firstAgo: 160,
    lastAgo: 100,
    owner: 'officer',
  }),
  L({
    key: 'sanjin-carbon',
    zone: 'fendong',
    name: '碳纤维复合材料项目',
    investor: 'sanjin',
    method: 'chain',
    stage: 'prospect',
    sector: '新材料',
    chainLink: '碳纤维',
    chainAction: 'fill',
    investmentWan: 60000,
    likelihood: 20,
    firstAgo: 10,
    lastAgo: 10,
    nextStep: '收集企业资料，研判项目',
    nextIn: 7,
    owner: 'officer',
  }),
  L({
    key: 'huanghe-cell',
    zone: 'fendong',
    name: 'TOPCon电池片项目',
    investor: 'huanghe',
    method: 'team',
    stage: 'framework',
    sector: '光伏',
    chainLink: '电池片',
    chainAction: 'strengthen',
    investmentWan: 45000,
    outputWan: 90000,
    likelihood: 70,
    firstAgo: 90,
    lastAgo: 8,
    nextStep: '能评预审',
    nextIn: -1,
    owner: 'deputy',
    platform: '汾东投资发展集团 王强',
  }),
  L({
    key: 'zhonglv-foil',
    zone: 'hejin',
    name: '电池铝箔项目',
    investor: 'zhonglv',
    method: 'chain',
    stage: 'framework',
    sector: '新材料',
    chainLink: '铝箔',
    chainAction: 'extend',
    investmentWan: 70000,
    likelihood: 70,
    firstAgo: 100,
    lastAgo: 15,
    nextStep: '用地预审',
    nextIn: 12,
    owner: 'hejin',
  }),
  L({
    key: 'hejin-prospect',
    zone: 'hejin',
    name: '再生铝回收项目',
    method: 'other',
    stage: 'prospect',
    sector: '新材料',
    chainLink: '再生铝',
    investmentWan: 9000,
    likelihood: 20,
    firstAgo: 15,
    lastAgo: 15,
    nextStep: '初步接洽',
    nextIn: 4,
    owner: 'hejin',
  }),
  L({
    key: 'yanhu-ft',
    zone: 'yuncheng-hitech',
    name: '晶圆测试扩产项目',
    investor: 'yanhu-chip',
    method: 'investor_referral',
    stage: 'intent',
    sector: '电子信息',
    chainLink: '晶圆测试',
    chainAction: 'strengthen',
    investmentWan: 18000,
    likelihood: 50,
    firstAgo: 60,
    lastAgo: 6,
    nextStep: '技术方案评审',
    nextIn: 9,
    owner: 'gaoxin',
  }),
];

export interface DemoAgreement {
  lead: string;
  key: string;
  kind: AgreementKind;
  ago: number;
  amountWan: number;
  event?: string;
  note?: string;
}
/** The counting rule made visible: 光伏玻璃 signed at a ceremony, then re-signed at the campaign; 精密传动 with a 增资. */
export const demoAgreements: DemoAgreement[] = [
  { lead: 'xinghe-chip', key: 'fw', kind: 'framework', ago: 45, amountWan: 26000, note: '湾区招商期间签署框架合作协议' },
  { lead: 'xinghe-chip', key: 'inv', kind: 'investment', ago: 10, amountWan: 26000, event: 'campaign' },
  { lead: 'pengcheng-robot', key: 'fw', kind: 'framework', ago: 44, amountWan: 38000, note: '湾区招商期间签署框架合作协议' },
  { lead: 'huanghe-cell', key: 'fw', kind: 'framework', ago: 20, amountWan: 45000 },
  { lead: 'lingnan-glass', key: 'fw', kind: 'framework', ago: 150, amountWan: 50000 },
  { lead: 'lingnan-glass', key: 'inv', kind: 'investment', ago: 100, amountWan: 50000, event: 'ceremony' },
  { lead: 'lingnan-glass', key: 're', kind: 'investment', ago: 10, amountWan: 50000, event: 'campaign', note: '在“三个一批”签约活动上再次签约（不重复计入）' },
  { lead: 'suhe-precision', key: 'fw', kind: 'framework', ago: 320, amountWan: 20000 },
  { lead: 'suhe-precision', key: 'inv', kind: 'investment', ago: 300, amountWan: 20000, event: 'ceremony-old' },
  { lead: 'suhe-precision', key: 'add', kind: 'capital_increase', ago: 40, amountWan: 8000, note: '增资扩产8000万元（仅计增量）' },
  { lead: 'zhonglv-foil', key: 'fw', kind: 'framework', ago: 30, amountWan: 70000 },
];

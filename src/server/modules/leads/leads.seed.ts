/**
 * Demo pipeline (招商): investors with valid credit codes, leads in every stage and status with
 * their 1+1+N teams, activities, a trip to the Greater Bay Area that met four enterprises, and
 * agreements that show the counting rule (a re-signing at a later ceremony adds nothing; a 增资
 * adds its increment). Dates are relative to the day of seeding. `--scale province` adds ~500
 * synthetic leads per zone with two activities each, set-based.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activities, agreements, enterprises, leadEvents, leadFiles, leadPartners, leads, regions, signingEvents, trips } from '../../db/schema.ts';
import { creditCodeCheckChar } from '../../../contract/credit-code.ts';
import type { AgreementKind, LeadMethod, LeadStage, LeadStatus } from '../../../contract/pipeline-enums.ts';
import { leadStages } from '../../../contract/pipeline-enums.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';

/** Regions outside Shanxi that investors come from and leads are lost to. */
const investorRegions: (typeof regions.$inferInsert)[] = [
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

interface DemoInvestor {
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

interface DemoLead {
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

interface DemoAgreement {
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

const stageFor = (l: DemoLead) => leadStages.indexOf(l.stage);

/** `today`: the seed clock's day in China (the manifest passes chinaToday(clock)); demo dates are laid out around it. */
export async function seedPipeline(tx: DbOrTx, options: { scale?: 'demo' | 'province'; today: string }): Promise<{ leads: number }> {
  const today = options.today;
  const day = (ago: number) => new Date(Date.parse(`${today}T00:00:00Z`) - ago * 86400_000).toISOString().slice(0, 10);
  const at = (ago: number) => new Date(`${day(ago)}T10:00:00+08:00`);
  const zoneId = (key: string) => demoId(`zone:${key}`);
  const user = (name: string) => demoId(`user:${name}`);
  const userName: Record<string, string> = { officer: '李婷', deputy: '刘卫东', hejin: '郑海', gaoxin: '冯雪', leader: '张建国' };
  const zoneCode: Record<string, string> = { fendong: 'FDETDZ', hejin: 'HJETDZ', 'yuncheng-hitech': 'YCHTZ' };
  const year = today.slice(0, 4);

  await tx.insert(regions).values(investorRegions).onConflictDoNothing();
  for (const e of demoInvestors) {
    const id = demoId(`pipeline-enterprise:${e.key}`);
    await tx.insert(enterprises).values({
      id,
      creditCode: pipelineCreditCode(e.key, e.region),
      name: e.name,
      normalizedName: normalizeEnterpriseName(e.name),
      legalPerson: e.legalPerson,
      registeredCapitalYuan: e.capitalWan * 10_000,
      industryCode: e.industry,
      regionCode: e.region,
      createdInZoneId: zoneId('fendong'),
    });
    if (e.contact)
      await tx.execute(
        sql`insert into enterprise_contacts (enterprise_id, name, title, phone) values (${id}::uuid, ${e.contact[0]}, ${e.contact[1]}, ${e.contact[2]})`,
      );
  }

  const seqByZone = new Map<string, number>();
  for (const l of demoLeads) {
    const id = demoId(`lead:${l.key}`);
    const n = (seqByZone.get(l.zone) ?? 0) + 1;
    seqByZone.set(l.zone, n);
    await tx.insert(leads).values({
      id,
      zoneId: zoneId(l.zone),
      code: `${zoneCode[l.zone]}-${year}-${String(n).padStart(3, '0')}`,
      name: l.name,
      enterpriseId: l.investor ? demoId(`pipeline-enterprise:${l.investor}`) : null,
      method: l.method,
      stage: l.stage,
      status: l.status ?? 'active',
      statusReason: l.statusReason ?? null,
      lostToRegion: l.lostTo ?? null,
      lostToRegionCode: l.lostTo ? '320500' : null,
      sector: l.sector,
      chainLink: l.chainLink,
      chainAction: l.chainAction ?? null,
      plannedInvestmentYuan: l.investmentWan * 10_000,
      plannedOutputYuan: l.outputWan ? l.outputWan * 10_000 : null,
      likelihood: l.likelihood,
      firstContactOn: day(l.firstAgo),
      lastFollowUpOn: day(l.lastAgo),
      nextStep: l.nextStep ?? null,
      nextStepOn: l.nextIn === undefined ? null : day(-l.nextIn),
      ownerId: user(l.owner),
      platformContact: l.platform ?? null,
      createdAt: at(l.firstAgo),
      updatedAt: at(l.lastAgo),
    });
    if (l.partners?.length) await tx.insert(leadPartners).values(l.partners.map(([kind, name]) => ({ zoneId: zoneId(l.zone), leadId: id, kind, name })));
    // The timeline: created, then each stage reached, spread between first contact and last follow-up.
    const events: (typeof leadEvents.$inferInsert)[] = [
      { zoneId: zoneId(l.zone), leadId: id, kind: 'created', toValue: 'prospect', actorId: user(l.owner), actorName: userName[l.owner], at: at(l.firstAgo) },
    ];
    events.push({
      zoneId: zoneId(l.zone),
      leadId: id,
      kind: 'owner',
      toValue: user(l.owner),
      actorId: user(l.owner),
      actorName: userName[l.owner],
      at: at(l.firstAgo),
    });
    for (let i = 1; i <= stageFor(l); i++) {
      const ago = Math.round(l.firstAgo - ((l.firstAgo - l.lastAgo) * i) / (stageFor(l) + 1));
      events.push({
        zoneId: zoneId(l.zone),
        leadId: id,
        kind: 'stage',
        fromValue: leadStages[i - 1],
        toValue: leadStages[i],
        actorId: user(l.owner),
        actorName: userName[l.owner],
        at: at(ago),
      });
    }
    if (l.status && l.status !== 'active') {
      events.push({
        zoneId: zoneId(l.zone),
        leadId: id,
        kind: 'status',
        fromValue: 'active',
        toValue: l.status,
        note: l.statusReason ?? null,
        actorId: user(l.owner),
        actorName: userName[l.owner],
        at: at(l.lastAgo),
      });
    }
    await tx.insert(leadEvents).values(events);
    await tx
      .insert(activities)
      .values([
        {
          zoneId: zoneId(l.zone),
          kind: 'call',
          occurredOn: day(l.firstAgo),
          leadId: id,
          enterpriseId: l.investor ? demoId(`pipeline-enterprise:${l.investor}`) : null,
          people: userName[l.owner],
          outcome: '首次电话接洽，了解企业投资意向',
          createdById: user(l.owner),
        },
        ...(l.lastAgo !== l.firstAgo
          ? [
              {
                zoneId: zoneId(l.zone),
                kind: 'reception' as const,
                occurredOn: day(l.lastAgo),
                leadId: id,
                enterpriseId: l.investor ? demoId(`pipeline-enterprise:${l.investor}`) : null,
                people: `${userName[l.owner]}、企业代表`,
                outcome: '企业来访，座谈项目选址与配套',
                nextStep: l.nextStep ?? null,
                nextStepOn: l.nextIn === undefined ? null : day(-l.nextIn),
                createdById: user(l.owner),
              },
            ]
          : []),
      ]);
  }

  // Signing events: an old ceremony, a recent ceremony and the quarter's 三个一批 campaign.
  const events = {
    'ceremony-old': { name: `${Number(year) - 1}年汾东经开区重点项目集中签约仪式`, kind: 'ceremony' as const, ago: 300 },
    ceremony: { name: '汾东经开区重点项目集中签约仪式', kind: 'ceremony' as const, ago: 100 },
    campaign: { name: `${year}年“三个一批”签约一批活动（汾东分会场）`, kind: 'campaign' as const, ago: 10 },
  };
  for (const [key, e] of Object.entries(events)) {
    await tx.insert(signingEvents).values({ id: demoId(`signing-event:${key}`), zoneId: zoneId('fendong'), name: e.name, kind: e.kind, heldOn: day(e.ago) });
  }
  for (const a of demoAgreements) {
    const lead = demoLeads.find((l) => l.key === a.lead)!;
    const leadId = demoId(`lead:${a.lead}`);
    const fileId = demoId(`lead-file:${a.lead}:${a.key}`);
    const fileName = `${lead.name}-${{ framework: '框架协议', investment: '投资协议', supplementary: '补充协议', capital_increase: '增资协议' }[a.kind]}.pdf`;
    const content = Buffer.from(`%PDF-1.4\n% zonedesk demo: ${fileName}\n`).toString('base64');
    await tx
      .insert(leadFiles)
      .values({
        id: fileId,
        zoneId: zoneId(lead.zone),
        leadId,
        name: fileName,
        mimeType: 'application/pdf',
        sizeBytes: Buffer.from(content, 'base64').length,
        content,
        createdAt: at(a.ago),
      });
    await tx.insert(agreements).values({
      id: demoId(`agreement:${a.lead}:${a.key}`),
      zoneId: zoneId(lead.zone),
      leadId,
      kind: a.kind,
      signedOn: day(a.ago),
      amountYuan: a.amountWan * 10_000,
      signingEventId: a.event ? demoId(`signing-event:${a.event}`) : null,
      fileId,
      note: a.note ?? null,
      createdAt: at(a.ago),
    });
  }

  // 外出招商: the Greater Bay Area trip (like the 河津 news item), four enterprises met.
  const tripId = demoId('trip:fendong:gba');
  await tx.insert(trips).values({
    id: tripId,
    zoneId: zoneId('fendong'),
    title: '赴粤港澳大湾区开展产业链招商',
    destination: '广东省深圳市、东莞市',
    startOn: day(47),
    endOn: day(43),
    leader: '张建国（党工委书记）',
    members: ['刘卫东', '李婷', '王强（平台公司）'],
    note: '先后拜访企业4家，签订框架合作协议2个，达成合作意向1个。',
    createdAt: at(43),
  });
  const meetings: { investor: string; lead?: string; ago: number; intent?: boolean; outcome: string }[] = [
    { investor: 'xinghe', lead: 'xinghe-chip', ago: 46, outcome: '星河微电子拟在汾东投资2.6亿元建设8条车规级芯片封装测试生产线，签订框架合作协议。' },
    { investor: 'pengcheng', lead: 'pengcheng-robot', ago: 45, outcome: '鹏城智能装备签订框架合作协议，拟建焊接机器人生产基地。' },
    { investor: 'huayi', lead: 'huayi-pack', ago: 44, intent: true, outcome: '华翼新能源有意向投资1.5亿元建设储能电池PACK项目，约定来汾东实地考察。' },
    { investor: 'lingnan', ago: 43, outcome: '拜访岭南新材料总部，回访光伏玻璃项目进展。' },
  ];
  await tx.insert(activities).values(
    meetings.map((m) => ({
      zoneId: zoneId('fendong'),
      kind: 'visit' as const,
      occurredOn: day(m.ago),
      leadId: m.lead ? demoId(`lead:${m.lead}`) : null,
      enterpriseId: demoId(`pipeline-enterprise:${m.investor}`),
      tripId,
      people: '张建国、刘卫东、李婷',
      outcome: m.outcome,
      intentReached: Boolean(m.intent),
      createdById: user('officer'),
    })),
  );
  await recordAudit(tx, systemActor, {
    zoneId: zoneId('fendong'),
    action: 'pipeline.seed',
    entityType: 'zone',
    entityId: zoneId('fendong'),
    after: { leads: demoLeads.length },
  });

  let count = demoLeads.length;
  if (options.scale === 'province') count += await seedScaleLeads(tx, today);
  return { leads: count };
}

/**
 * Synthetic leads, `perZone` in each zone (default 500: 50k at 100 zones) with two activities
 * each, over 20k synthetic investors, all set-based (insert … select … generate_series).
 */
export async function seedScaleLeads(tx: DbOrTx, today: string, options: { zoneIds?: string[]; perZone?: number } = {}): Promise<number> {
  const perZone = options.perZone ?? 500;
  const zoneFilter = options.zoneIds?.length
    ? sql`where z.id in (${sql.join(
        options.zoneIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  await tx.execute(sql`insert into enterprises (name, normalized_name, created_in_zone_id)
    select '合成投资企业' || g || '有限公司', '合成投资企业' || g, null from generate_series(1, 20000) g`);
  const stages = sql.raw(`array[${leadStages.map((s) => `'${s}'`).join(',')}]`);
  const methods = sql.raw(`array['team','chain','investor_referral','rd_enclave','heavy_asset','green_power','fund','agent','fair','other']`);
  const statuses = sql.raw(`array['active','active','active','active','active','active','delayed','dormant','lost','terminated']`);
  const sectors = sql.raw(`array['新材料','装备制造','新能源装备','光伏','电子信息','生物医药','现代物流','数字经济']`);
  const result = await tx.execute(sql`with inv as (
      select id, row_number() over (order by id) as n from enterprises where normalized_name like '合成投资企业%'
    ), z as (
      select z.id as zone_id, z.code, row_number() over (order by z.code) as zn,
        (select uz.user_id from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.role = 'investment_officer' limit 1) as owner_id
      from zones z ${zoneFilter}
    ), g as (
      select z.zone_id, z.code, z.zn, z.owner_id, s as n, hashtext(z.code || s) as h from z, generate_series(1, ${perZone}::int) s
    ), ins as (
      insert into leads (zone_id, code, name, enterprise_id, method, stage, status, status_reason, lost_to_region, sector, chain_link,
        planned_investment_yuan, likelihood, first_contact_on, last_follow_up_on, next_step, next_step_on, owner_id, created_at, updated_at)
      select g.zone_id, g.code || '-S-' || lpad(g.n::text, 4, '0'), '合成招商项目' || g.zn || '-' || g.n,
        inv.id,
        (${methods})[1 + abs(g.h) % 10], (${stages})[1 + abs(g.h / 7) % 6], (${statuses})[1 + abs(g.h / 11) % 10],
        case when abs(g.h / 11) % 10 >= 6 then '合成数据：状态说明' end,
        case when abs(g.h / 11) % 10 = 8 then '江苏省苏州市' end,
        (${sectors})[1 + abs(g.h / 13) % 8], '合成环节' || (abs(g.h) % 30),
        (1000 + abs(g.h) % 200000) * 10000, abs(g.h) % 101,
        ${today}::date - (30 + abs(g.h) % 600), ${today}::date - (abs(g.h / 3) % 60), '电话回访',
        ${today}::date + ((abs(g.h / 5) % 60) - 20), g.owner_id,
        now() - ((abs(g.h) % 600) || ' days')::interval, now() - ((abs(g.h / 3) % 60) || ' days')::interval
      from g left join inv on inv.n = 1 + ((g.zn * ${perZone}::int + g.n) % 20000)
      returning id, zone_id, first_contact_on, last_follow_up_on, enterprise_id)
    , acts as (
      insert into activities (zone_id, kind, occurred_on, lead_id, enterprise_id, outcome)
      select zone_id, 'call', first_contact_on, id, enterprise_id, '合成数据：首次接洽' from ins
      union all
      select zone_id, 'visit', last_follow_up_on, id, enterprise_id, '合成数据：上门拜访' from ins
      returning 1)
    select (select count(*) from ins)::int as n, (select count(*) from acts)::int as a`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0].n);
}

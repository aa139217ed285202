/**
 * 银企对接 demo data for 汾东经开区, dated in the last four quarters up to the seed's day (each record
 * stays in its quarter whatever the day): five institutions with six products, four 银企对接会 (one a
 * quarter), eight financing needs of the zone's enterprises (14400 万元) and ten referrals: six loans
 * granted (10600 万元), two declined, two still 跟进中. By quarter, oldest first:
 *   对接会 1 / 1 / 1 / 1, needs 2 / 2 / 2 / 2, referrals 3 / 3 / 3 / 1, loans 1 (4000) / 2 (4000) / 2 (2000) / 1 (600) 万元.
 * 河津 gets one record of each (the security walk's other zone).
 */
import { addDays } from '../../../contract/periods.ts';
import type { InstitutionKind, ReferralOutcome } from '../../../contract/services/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { financeEvents, financeInstitutions, financeNeeds, financeProducts, financeReferrals } from './finance.schema.ts';
import { previousQuarter, quarterLabel, quarterOf, quarterStart, type Quarter } from './finance.service.ts';

const W = 10_000;
const id = (kind: string, key: string) => demoId(`finance-${kind}:fendong:${key}`);

const institutions: [key: string, name: string, kind: InstitutionKind, contact: string][] = [
  ['icbc', '中国工商银行汾东支行', 'bank', '王建平 0359-2601234'],
  ['ccb', '中国建设银行运城分行', 'bank', '李慧 0359-2238866'],
  ['rcc', '山西农信汾东联社', 'bank', '赵志强 0359-2705511'],
  ['guarantee', '运城市融资担保有限公司', 'guarantee', '孙悦 0359-2089900'],
  ['leasing', '晋融融资租赁有限公司', 'leasing', '周航 0351-7023456'],
];
const products: [key: string, institution: string, name: string, maxWan: number, months: number, rate: string, collateral: string][] = [
  ['icbc-kechuang', 'icbc', '科创贷', 3000, 36, 'LPR+30BP', '信用、知识产权质押'],
  ['ccb-shanxin', 'ccb', '善新贷', 1000, 12, 'LPR', '信用'],
  ['ccb-renewal', 'ccb', '设备更新贷', 5000, 60, '再贷款优惠利率', '设备抵押'],
  ['rcc-jinxiang', 'rcc', '晋享贷', 500, 12, 'LPR+50BP', '保证'],
  ['guarantee-zhengyin', 'guarantee', '政银担', 1000, 12, '担保费率1%', '政府性融资担保'],
  ['leasing-direct', 'leasing', '设备直租', 2000, 36, '年化5.2%', '设备所有权'],
];
/** Quarter back (0 = this quarter), day within it. */
type When = [back: number, day: number];
const events: [key: string, when: When, name: string, place: string][] = [
  ['q3', [3, 20], '银企对接会（新能源专场）', '汾东经开区管委会三楼会议室'],
  ['q2', [2, 25], '光机电产业链银企对接会', '汾东经开区企业服务中心'],
  ['q1', [1, 30], '专精特新企业融资对接会', '运城市金融服务中心'],
  ['q0', [0, 10], '设备更新贷款政策宣讲暨银企对接会', '汾东经开区管委会一楼报告厅'],
];
const needs: [key: string, enterprise: string, wan: number, purpose: string, months: number, collateral: string, when: When][] = [
  ['crrc', 'crrc-rail', 5000, '轨道车辆生产线设备更新', 60, '设备抵押', [3, 5]],
  ['mining', 'mining-equipment', 2000, '流动资金周转', 12, '应收账款质押', [3, 10]],
  ['pv', 'huasheng-pv2', 3000, '二期组件产线建设', 36, '土地厂房抵押', [2, 8]],
  ['anode', 'jinfen-anode', 800, '原材料采购', 12, '股东连带责任保证', [2, 15]],
  ['bio', 'runkang-bio', 1500, '新药研发投入', 36, '知识产权质押', [1, 10]],
  ['storage', 'storage-pack', 600, '储能订单备货', 12, '信用', [1, 20]],
  ['logistics', 'beidou-logistics', 1000, '冷库建设', 36, '在建工程抵押', [0, 3]],
  ['mining-export', 'mining-equipment', 500, '出口订单生产', 12, '出口信用保险', [0, 5]],
];
const referrals: [
  key: string,
  need: string,
  institution: string,
  product: string | null,
  event: string | null,
  referred: When,
  outcome: ReferralOutcome,
  grant: [wan: number, when: When] | null,
  note: string | null,
][] = [
  ['crrc-ccb', 'crrc', 'ccb', 'ccb-renewal', 'q3', [3, 20], 'granted', [4000, [3, 60]], '设备更新再贷款支持'],
  ['mining-icbc', 'mining', 'icbc', 'icbc-kechuang', 'q3', [3, 20], 'granted', [1500, [2, 5]], null],
  ['mining-guarantee', 'mining', 'guarantee', 'guarantee-zhengyin', 'q3', [3, 20], 'declined', null, '反担保措施不足'],
  ['pv-icbc', 'pv', 'icbc', 'icbc-kechuang', 'q2', [2, 25], 'granted', [2500, [2, 70]], null],
  ['pv-leasing', 'pv', 'leasing', 'leasing-direct', 'q2', [2, 25], 'declined', null, '企业选择银行贷款'],
  ['anode-rcc', 'anode', 'rcc', 'rcc-jinxiang', 'q2', [2, 25], 'granted', [800, [1, 10]], '分两笔发放'],
  ['bio-icbc', 'bio', 'icbc', 'icbc-kechuang', 'q1', [1, 30], 'granted', [1200, [1, 75]], null],
  ['storage-ccb', 'storage', 'ccb', 'ccb-shanxin', 'q1', [1, 30], 'granted', [600, [0, 8]], null],
  ['bio-guarantee', 'bio', 'guarantee', 'guarantee-zhengyin', null, [1, 35], 'pending', null, '补充研发项目材料'],
  ['logistics-ccb', 'logistics', 'ccb', 'ccb-renewal', 'q0', [0, 10], 'pending', null, '银行已实地调查'],
];
const needStatus: Record<string, 'open' | 'referred' | 'granted'> = {
  crrc: 'granted',
  mining: 'granted',
  pv: 'granted',
  anode: 'granted',
  bio: 'granted',
  storage: 'granted',
  logistics: 'referred',
  'mining-export': 'open',
};

export async function seedFinance(tx: DbOrTx, options: { clock?: Clock } = {}) {
  const today = chinaToday(options.clock);
  const zoneId = demoId('zone:fendong');
  const quarters: Quarter[] = [quarterOf(today)];
  for (let k = 1; k < 4; k++) quarters.push(previousQuarter(quarters[k - 1]));
  // A day within its quarter, never after today (this quarter's records fall on today at the latest).
  const on = ([back, day]: When) => {
    const d = addDays(quarterStart(quarters[back]), day);
    return d > today ? today : d;
  };

  await tx.insert(financeInstitutions).values(institutions.map(([key, name, kind, contact]) => ({ id: id('institution', key), zoneId, name, kind, contact })));
  await tx.insert(financeProducts).values(
    products.map(([key, inst, name, maxWan, termMonths, rate, collateral]) => ({
      id: id('product', key),
      zoneId,
      institutionId: id('institution', inst),
      name,
      maxAmountYuan: maxWan * W,
      termMonths,
      rate,
      collateral,
    })),
  );
  await tx.insert(financeEvents).values(
    events.map(([key, when, name, place]) => ({
      id: id('event', key),
      zoneId,
      name: `${quarterLabel(quarters[when[0]], 'zh-CN')}${name}`,
      heldOn: on(when),
      place,
    })),
  );
  await tx.insert(financeNeeds).values(
    needs.map(([key, enterprise, wan, purpose, termMonths, collateral, when]) => ({
      id: id('need', key),
      zoneId,
      enterpriseId: demoId(`enterprise:${enterprise}`),
      amountYuan: wan * W,
      purpose,
      termMonths,
      collateral,
      raisedOn: on(when),
      status: needStatus[key],
    })),
  );
  await tx.insert(financeReferrals).values(
    referrals.map(([key, need, inst, product, event, referred, outcome, grant, note]) => ({
      id: id('referral', key),
      zoneId,
      needId: id('need', need),
      institutionId: id('institution', inst),
      productId: product ? id('product', product) : null,
      eventId: event ? id('event', event) : null,
      referredOn: on(referred),
      outcome,
      grantedYuan: grant ? grant[0] * W : null,
      grantedOn: grant ? on(grant[1]) : null,
      note,
    })),
  );

  // 河津: one of each.
  const hejin = demoId('zone:hejin');
  await tx.insert(financeInstitutions).values({ id: demoId('finance-institution:hejin'), zoneId: hejin, name: '中国农业银行河津支行', kind: 'bank' });
  await tx.insert(financeProducts).values({
    id: demoId('finance-product:hejin'),
    zoneId: hejin,
    institutionId: demoId('finance-institution:hejin'),
    name: '惠农e贷',
    maxAmountYuan: 300 * W,
    termMonths: 12,
  });
  await tx.insert(financeEvents).values({ id: demoId('finance-event:hejin'), zoneId: hejin, name: '河津经开区银企对接会', heldOn: addDays(today, -20) });
  await tx.insert(financeNeeds).values({
    id: demoId('finance-need:hejin'),
    zoneId: hejin,
    enterpriseId: demoId('enterprise:hejin-profile'),
    amountYuan: 300 * W,
    purpose: '铝型材生产流动资金',
    raisedOn: addDays(today, -30),
    status: 'referred',
  });
  await tx.insert(financeReferrals).values({
    id: demoId('finance-referral:hejin'),
    zoneId: hejin,
    needId: demoId('finance-need:hejin'),
    institutionId: demoId('finance-institution:hejin'),
    productId: demoId('finance-product:hejin'),
    eventId: demoId('finance-event:hejin'),
    referredOn: addDays(today, -20),
  });
  return { institutions: 6, needs: 9, referrals: 11 };
}

/**
 * Hiring demo data (揽才) for 汾东经开区, from the seed's clock: 14 demand posts of the zone's project
 * enterprises (520 positions, the 光机电 enterprises the largest share), three job fairs (专场, 外出,
 * 线上) with the posts they offered, two 订单式培养 partnerships. 河津 gets one of each.
 */
import { addDays } from '../../../contract/periods.ts';
import type { FairKind, PostCategory } from '../../../contract/services/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { hiringFairPosts, hiringFairs, hiringPartnershipEnterprises, hiringPartnerships, hiringPosts } from './hiring.schema.ts';

type P = [
  key: string,
  enterprise: string,
  sector: string,
  position: string,
  category: PostCategory,
  headcount: number,
  filled: number,
  pay: [number, number] | null,
  requirements: string,
  deadlineIn: number,
];
export const demoPosts: P[] = [
  ['crrc-weld', 'crrc-rail', '光机电', '焊接技术工人', 'skilled_worker', 80, 26, [6000, 9000], '持焊工证，2年以上轨道车辆焊接经验', 30],
  ['crrc-assembly', 'crrc-rail', '光机电', '装配钳工', 'skilled_worker', 60, 18, [5500, 8000], '中专及以上，熟悉机械装配', 30],
  ['crrc-rd', 'crrc-rail', '光机电', '电气研发工程师', 'rd_engineer', 12, 3, [10000, 18000], '电气工程相关专业本科及以上', 45],
  ['mining-cnc', 'mining-equipment', '光机电', '数控机床操作工', 'skilled_worker', 70, 22, [5000, 8000], '会数控编程，能看懂机械图纸', 25],
  ['mining-rd', 'mining-equipment', '光机电', '机械设计工程师', 'rd_engineer', 10, 2, [9000, 15000], '机械设计制造及其自动化专业', 40],
  ['mining-trade', 'mining-equipment', '光机电', '外贸业务员', 'foreign_trade', 6, 1, [6000, 12000], '英语或俄语流利，有机电产品出口经验优先', 40],
  ['pv-operator', 'huasheng-pv2', '新能源', '组件生产操作工', 'skilled_worker', 120, 45, [4800, 7000], '高中及以上学历，能适应倒班', 20],
  ['pv-process', 'huasheng-pv2', '新能源', '工艺工程师', 'rd_engineer', 8, 2, [9000, 14000], '材料或光伏相关专业', 35],
  ['storage-assembly', 'storage-pack', '新能源', 'PACK装配工', 'skilled_worker', 50, 12, [5000, 7500], '中专及以上，电工证优先', 30],
  ['storage-ecom', 'storage-pack', '新能源', '电商运营', 'ecommerce', 4, 0, [5000, 9000], '熟悉跨境电商平台运营', 30],
  ['anode-operator', 'jinfen-anode', '新材料', '化工操作工', 'skilled_worker', 45, 15, [5200, 7800], '化工相关专业中专及以上', 25],
  ['anode-manager', 'jinfen-anode', '新材料', '生产主管', 'management', 5, 1, [9000, 13000], '5年以上化工企业生产管理经验', 40],
  ['bio-qa', 'runkang-bio', '生物医药', 'QA质量专员', 'management', 12, 4, [6000, 9000], '药学相关专业，熟悉GMP', 35],
  ['logistics-driver', 'beidou-logistics', '现代物流', '仓储物流专员', 'other', 38, 10, [4500, 6500], '有叉车证优先', 20],
];

type F = [key: string, name: string, heldAgo: number, place: string, kind: FairKind, applicants: number, hires: number, posts: string[]];
export const demoFairs: F[] = [
  [
    'special',
    '汾东经开区光机电企业专场招聘会',
    20,
    '汾东经开区人才服务中心',
    'special',
    860,
    215,
    ['crrc-weld', 'crrc-assembly', 'crrc-rd', 'mining-cnc', 'mining-rd', 'mining-trade'],
  ],
  ['campus', '太原理工大学校园专场（外出招聘）', 45, '太原理工大学', 'outbound', 320, 64, ['crrc-rd', 'mining-rd', 'pv-process', 'anode-manager']],
  [
    'online',
    '“春风行动”线上招聘会',
    5,
    '线上',
    'online',
    1200,
    88,
    ['pv-operator', 'storage-assembly', 'storage-ecom', 'anode-operator', 'bio-qa', 'logistics-driver'],
  ],
];

export async function seedHiring(tx: DbOrTx, options: { clock?: Clock } = {}) {
  const today = chinaToday(options.clock);
  const zoneId = demoId('zone:fendong');
  const postId = (k: string) => demoId(`hiring-post:fendong:${k}`);
  await tx.insert(hiringPosts).values(
    demoPosts.map(([key, enterprise, sector, position, category, headcount, filled, pay, requirements, deadlineIn]) => ({
      id: postId(key),
      zoneId,
      enterpriseId: demoId(`enterprise:${enterprise}`),
      sector,
      position,
      category,
      headcount,
      filled,
      payMinYuan: pay?.[0] ?? null,
      payMaxYuan: pay?.[1] ?? null,
      requirements,
      postedOn: addDays(today, -60),
      deadlineOn: addDays(today, deadlineIn),
    })),
  );
  await tx.insert(hiringFairs).values(
    demoFairs.map(([key, name, heldAgo, place, kind, applicants, hires]) => ({
      id: demoId(`hiring-fair:fendong:${key}`),
      zoneId,
      name,
      heldOn: addDays(today, -heldAgo),
      place,
      kind,
      applicants,
      hires,
    })),
  );
  await tx
    .insert(hiringFairPosts)
    .values(demoFairs.flatMap(([key, , , , , , , posts]) => posts.map((p) => ({ zoneId, fairId: demoId(`hiring-fair:fendong:${key}`), postId: postId(p) }))));
  const partnerships = [
    { key: 'ycvtu', school: '运城职业技术大学', programme: '机电一体化技术（中车订单班）', classSize: 40, enterprises: ['crrc-rail', 'mining-equipment'] },
    { key: 'sxjd', school: '山西机电职业技术学院', programme: '数控技术订单班', classSize: 35, enterprises: ['mining-equipment'] },
  ];
  await tx.insert(hiringPartnerships).values(
    partnerships.map((p) => ({
      id: demoId(`hiring-partnership:fendong:${p.key}`),
      zoneId,
      school: p.school,
      programme: p.programme,
      classSize: p.classSize,
      startsOn: addDays(today, -200),
    })),
  );
  await tx
    .insert(hiringPartnershipEnterprises)
    .values(
      partnerships.flatMap((p) =>
        p.enterprises.map((e) => ({ zoneId, partnershipId: demoId(`hiring-partnership:fendong:${p.key}`), enterpriseId: demoId(`enterprise:${e}`) })),
      ),
    );

  const hejin = demoId('zone:hejin');
  await tx.insert(hiringPosts).values({
    id: demoId('hiring-post:hejin'),
    zoneId: hejin,
    enterpriseId: demoId('enterprise:hejin-profile'),
    sector: '铝镁精深加工',
    position: '挤压机操作工',
    category: 'skilled_worker',
    headcount: 20,
    postedOn: addDays(today, -10),
  });
  await tx.insert(hiringFairs).values({
    id: demoId('hiring-fair:hejin'),
    zoneId: hejin,
    name: '河津开发区专场招聘会',
    heldOn: addDays(today, -3),
    kind: 'special',
    applicants: 150,
    hires: 30,
  });
  await tx
    .insert(hiringPartnerships)
    .values({ id: demoId('hiring-partnership:hejin'), zoneId: hejin, school: '河津市职业中学', programme: '铝加工订单班', classSize: 30 });
  return { posts: demoPosts.length + 1 };
}

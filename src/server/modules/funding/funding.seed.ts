/**
 * Funding demo data (向上争取资金) for 汾东经开区, from the seed's clock: six programmes of this year,
 * a reserve of 12 (eight zonedesk projects, four reserve-only entries), seven applications of which
 * five are past 谋划, and 20 对接记录: the summary reads "储备 12 个，申报 5 个，对接 20 次，争取资金
 * 9500 万元". 河津 gets one of each (the security walk's records of the other zone).
 */
import { addDays } from '../../../contract/periods.ts';
import type { ApplicationStatus, ProgrammeKind, ProgrammeLevel } from '../../../contract/services/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { demoProjects } from '../projects/projects.seed.ts';
import { fundingApplications, fundingContacts, fundingProgrammes, fundingReserve, fundingReserveProgrammes } from './funding.schema.ts';

const W = 10_000;
const user = (u: string) => demoId(`user:${u}`);

interface DemoProgramme {
  key: string;
  level: ProgrammeLevel;
  kind: ProgrammeKind;
  department: string;
  name: string;
  policyDocument: string;
  opens: number;
  deadline: number;
  typicalWan: number;
  conditions: string;
}
export const demoProgrammes: DemoProgramme[] = [
  {
    key: 'renewal',
    level: 'national',
    kind: 'equipment_renewal',
    department: '国家发展改革委',
    name: '超长期特别国债设备更新项目',
    policyDocument: '《推动大规模设备更新和消费品以旧换新行动方案》',
    opens: -60,
    deadline: -20,
    typicalWan: 2000,
    conditions: '设备购置投资不低于1000万元，已完成备案',
  },
  {
    key: 'carbon',
    level: 'national',
    kind: 'energy_saving',
    department: '国家发展改革委',
    name: '节能降碳中央预算内投资专项',
    policyDocument: '《节能降碳中央预算内投资专项管理办法》',
    opens: -90,
    deadline: -45,
    typicalWan: 3000,
    conditions: '年节能量5000吨标准煤以上',
  },
  {
    key: 'military',
    level: 'province',
    kind: 'civil_military',
    department: '省国防科工局',
    name: '省军民融合产业发展专项资金',
    policyDocument: '《山西省军民融合发展专项资金管理办法》',
    opens: -30,
    deadline: 5,
    typicalWan: 800,
    conditions: '具备相关资质的配套企业',
  },
  {
    key: 'upgrade',
    level: 'province',
    kind: 'tech_upgrade',
    department: '省工业和信息化厅',
    name: '省级技术改造专项资金',
    policyDocument: '《山西省技术改造专项资金管理办法》',
    opens: -40,
    deadline: 25,
    typicalWan: 1000,
    conditions: '技改投资不低于2000万元',
  },
  {
    key: 'bond',
    level: 'province',
    kind: 'special_bond',
    department: '省发展改革委',
    name: '地方政府专项债券项目',
    policyDocument: '《地方政府专项债券项目资金绩效管理办法》',
    opens: -120,
    deadline: -70,
    typicalWan: 5000,
    conditions: '有一定收益的公益性项目',
  },
  {
    key: 'city',
    level: 'city',
    kind: 'tech_upgrade',
    department: '运城市工业和信息化局',
    name: '市级工业转型升级资金',
    policyDocument: '《运城市工业转型升级资金管理办法》',
    opens: -10,
    deadline: 40,
    typicalWan: 300,
    conditions: '市内规上工业企业',
  },
];

interface DemoReserve {
  key: string;
  project?: string;
  name?: string;
  totalWan?: number;
  ready: [boolean, boolean, boolean];
  fits: string[];
  addedAgo: number;
}
export const demoReserve: DemoReserve[] = [
  { key: 'jinfen-anode', project: 'jinfen-anode', ready: [true, true, false], fits: ['military', 'upgrade'], addedAgo: 150 },
  { key: 'hengyuan-casting', project: 'hengyuan-casting', ready: [true, true, true], fits: ['renewal', 'upgrade'], addedAgo: 140 },
  { key: 'huasheng-pv2', project: 'huasheng-pv2', ready: [true, true, true], fits: ['carbon'], addedAgo: 130 },
  { key: 'runkang-bio', project: 'runkang-bio', ready: [true, false, false], fits: ['city'], addedAgo: 120 },
  { key: 'hydrogen-park', project: 'hydrogen-park', ready: [false, false, false], fits: ['carbon', 'bond'], addedAgo: 110 },
  { key: 'crrc-rail', project: 'crrc-rail', ready: [true, true, true], fits: ['military'], addedAgo: 100 },
  { key: 'storage-pack', project: 'storage-pack', ready: [true, true, true], fits: ['renewal'], addedAgo: 90 },
  { key: 'mining-equipment', project: 'mining-equipment', ready: [true, true, false], fits: ['upgrade'], addedAgo: 80 },
  { key: 'sewage', name: '汾东园区污水处理厂提标改造项目', totalWan: 12000, ready: [true, true, true], fits: ['bond'], addedAgo: 160 },
  { key: 'heating', name: '汾东工业园区集中供热管网项目', totalWan: 8600, ready: [true, false, false], fits: ['bond', 'carbon'], addedAgo: 70 },
  { key: 'factory3', name: '汾东标准化厂房三期项目', totalWan: 15000, ready: [false, false, false], fits: ['bond'], addedAgo: 40 },
  { key: 'iiot', name: '5G+工业互联网平台建设项目', totalWan: 3200, ready: [true, false, false], fits: ['city', 'upgrade'], addedAgo: 20 },
];

interface DemoApplication {
  reserve: string;
  programme: string;
  status: ApplicationStatus;
  askedWan: number;
  grantedWan?: number;
  /** Days ago each reached step was dated: submitted, approved, disbursed. */
  on: number[];
}
export const demoApplications: DemoApplication[] = [
  { reserve: 'hengyuan-casting', programme: 'renewal', status: 'disbursed', askedWan: 2000, grantedWan: 1500, on: [50, 30, 10] },
  { reserve: 'huasheng-pv2', programme: 'carbon', status: 'approved', askedWan: 3000, grantedWan: 2000, on: [60, 25] },
  { reserve: 'storage-pack', programme: 'renewal', status: 'review', askedWan: 1500, on: [40] },
  { reserve: 'crrc-rail', programme: 'military', status: 'submitted', askedWan: 800, on: [6] },
  { reserve: 'sewage', programme: 'bond', status: 'approved', askedWan: 8000, grantedWan: 6000, on: [100, 45] },
  { reserve: 'mining-equipment', programme: 'upgrade', status: 'planning', askedWan: 1200, on: [] },
  { reserve: 'jinfen-anode', programme: 'military', status: 'planning', askedWan: 1000, on: [] },
];

const departments = [
  '国家发展改革委',
  '省发展改革委',
  '省工业和信息化厅',
  '省财政厅',
  '省国防科工局',
  '运城市发展改革委',
  '运城市工业和信息化局',
  '运城市财政局',
];
const subjects = ['汇报项目储备情况，争取纳入支持范围', '对接申报材料要求', '沟通专家评审意见', '跟进资金下达进度', '衔接资金拨付手续'];

export async function seedFunding(tx: DbOrTx, options: { clock?: Clock } = {}) {
  const today = chinaToday(options.clock);
  const year = Number(today.slice(0, 4));
  const zoneId = demoId('zone:fendong');
  const programmeId = (k: string) => demoId(`funding-programme:fendong:${k}`);
  const reserveId = (k: string) => demoId(`funding-reserve:fendong:${k}`);

  await tx.insert(fundingProgrammes).values(
    demoProgrammes.map((p) => ({
      id: programmeId(p.key),
      zoneId,
      year,
      level: p.level,
      kind: p.kind,
      department: p.department,
      name: p.name,
      policyDocument: p.policyDocument,
      opensOn: addDays(today, p.opens),
      deadlineOn: addDays(today, p.deadline),
      conditions: p.conditions,
      typicalAmountYuan: p.typicalWan * W,
    })),
  );
  await tx.insert(fundingReserve).values(
    demoReserve.map((r) => {
      const project = r.project ? demoProjects.find((p) => p.key === r.project)! : null;
      return {
        id: reserveId(r.key),
        zoneId,
        projectId: project ? demoId(`project:${project.key}`) : null,
        enterpriseId: project ? demoId(`enterprise:${project.key}`) : null,
        name: project?.name ?? r.name!,
        totalInvestmentYuan: (project?.total ?? r.totalWan!) * W,
        preliminaryDone: r.ready[0],
        feasibilityDone: r.ready[1],
        reportDone: r.ready[2],
        ownerUserId: user('service'),
        addedOn: addDays(today, -r.addedAgo),
      };
    }),
  );
  await tx
    .insert(fundingReserveProgrammes)
    .values(demoReserve.flatMap((r) => r.fits.map((f) => ({ zoneId, reserveId: reserveId(r.key), programmeId: programmeId(f) }))));
  await tx.insert(fundingApplications).values(
    demoApplications.map((a) => ({
      id: demoId(`funding-application:fendong:${a.reserve}:${a.programme}`),
      zoneId,
      reserveId: reserveId(a.reserve),
      programmeId: programmeId(a.programme),
      status: a.status,
      askedYuan: a.askedWan * W,
      grantedYuan: a.grantedWan == null ? null : a.grantedWan * W,
      submittedOn: a.on[0] == null ? null : addDays(today, -a.on[0]),
      approvedOn: a.on[1] == null ? null : addDays(today, -a.on[1]),
      disbursedOn: a.on[2] == null ? null : addDays(today, -a.on[2]),
      documents:
        a.status === 'planning'
          ? []
          : [
              { name: '资金申请报告', note: null },
              { name: '项目备案文件', note: null },
            ],
      ownerUserId: user('service'),
    })),
  );
  await tx.insert(fundingContacts).values(
    Array.from({ length: 20 }, (_, i) => {
      const p = demoProgrammes[i % demoProgrammes.length];
      return {
        id: demoId(`funding-contact:fendong:${i}`),
        zoneId,
        contactedOn: addDays(today, -(3 + i * 9)),
        department: departments[i % departments.length],
        person: ['王处长', '李科长', '赵主任', '刘处长'][i % 4],
        subject: subjects[i % subjects.length],
        nextStep: i % 3 === 0 ? '按要求补充材料后再次对接' : null,
        programmeId: i % 4 === 3 ? null : programmeId(p.key),
        reserveId: null,
        recordedById: user('service'),
      };
    }),
  );

  // 河津: one of each.
  const hejin = demoId('zone:hejin');
  await tx.insert(fundingProgrammes).values({
    id: demoId('funding-programme:hejin'),
    zoneId: hejin,
    year,
    level: 'city',
    kind: 'tech_upgrade',
    department: '河津市工业和信息化局',
    name: '河津市工业企业技改奖补资金',
    opensOn: addDays(today, -30),
    deadlineOn: addDays(today, 30),
    typicalAmountYuan: 200 * W,
  });
  await tx.insert(fundingReserve).values({
    id: demoId('funding-reserve:hejin'),
    zoneId: hejin,
    projectId: demoId('project:hejin-profile'),
    enterpriseId: demoId('enterprise:hejin-profile'),
    name: demoProjects.find((p) => p.key === 'hejin-profile')!.name,
    totalInvestmentYuan: demoProjects.find((p) => p.key === 'hejin-profile')!.total * W,
    ownerUserId: user('hejin'),
    addedOn: addDays(today, -60),
  });
  await tx
    .insert(fundingReserveProgrammes)
    .values({ zoneId: hejin, reserveId: demoId('funding-reserve:hejin'), programmeId: demoId('funding-programme:hejin') });
  await tx.insert(fundingApplications).values({
    id: demoId('funding-application:hejin'),
    zoneId: hejin,
    reserveId: demoId('funding-reserve:hejin'),
    programmeId: demoId('funding-programme:hejin'),
    askedYuan: 300 * W,
    ownerUserId: user('hejin'),
  });
  await tx.insert(fundingContacts).values({
    id: demoId('funding-contact:hejin'),
    zoneId: hejin,
    contactedOn: addDays(today, -5),
    department: '运城市工业和信息化局',
    subject: '对接技改奖补申报要求',
    recordedById: user('hejin'),
  });
  return { programmes: demoProgrammes.length + 1, reserve: demoReserve.length + 1 };
}

/**
 * Demo projects: every zone gets projects in every stage, with milestones (some slipped), approvals
 * on their clocks, 标准地 indicators, annual plans and monthly reports up to last month, so a
 * newcomer sees a living zone. Dates are relative to the day of seeding. `--scale province` adds
 * 200 synthetic projects per zone and 50 monthly reports each (20k projects, 1M reports) with
 * set-based SQL.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import {
  enterprises,
  progressReports,
  projectAnnualPlans,
  projectApprovals,
  projectFlagRules,
  projectLandStandards,
  projectMilestones,
  projects,
  projectStageEvents,
  projectTemplates,
  zones,
} from '../../db/schema.ts';
import { builtinApprovals, builtinMilestones, defaultFlagRule, projectStages, type ProjectStage } from '../../../contract/projects.ts';
import { addDays, periodOf } from '../../../contract/periods.ts';
import { creditCodeCheckChar } from '../../../contract/credit-code.ts';
import { demoId, seededRandom } from '../../seed/demo-ids.ts';
import { createWorkCalendar } from '../../platform/calendar.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import { departmentId } from '../org/org.seed.ts';
import { createProjectsRepository } from './projects.repository.ts';

interface DemoProject {
  key: string;
  zone: string;
  park: string | null;
  name: string;
  investor: string;
  sector: string;
  chainLink: string;
  nature: 'new' | 'continued' | 'expansion' | 'upgrade';
  level: 'province' | 'city' | 'county' | 'district' | 'none';
  /** 万元 */
  total: number;
  landMu: number | null;
  stage: ProjectStage;
  /** Days since the last gate date was reached. */
  lastGateAgo: number;
  /** An open node this many days overdue (slipped); 0 = on plan. */
  slippedDays?: number;
  /** Share of the annual plan done by now when behind (e.g. 0.6); on plan otherwise. */
  behind?: number;
  /** No report for the last due period. */
  missingReport?: boolean;
  leader: string;
  capacity?: [number, string];
  content: string;
  problems?: string;
}

const P = (p: DemoProject) => p;
export const demoProjects: DemoProject[] = [
  P({
    key: 'jinfen-anode',
    zone: 'fendong',
    park: '新材料产业园',
    name: '晋汾新材料年产5万吨锂电池负极材料项目',
    investor: '山西晋汾新材料科技有限公司',
    sector: '新材料',
    chainLink: '锂电负极材料',
    nature: 'new',
    level: 'province',
    total: 150000,
    landMu: 260,
    stage: 'construction',
    lastGateAgo: 150,
    leader: 'leader',
    capacity: [50000, '吨/年'],
    content: '建设石墨化车间、负极材料生产线及配套仓储，年产5万吨锂电池负极材料。',
  }),
  P({
    key: 'hengyuan-casting',
    zone: 'fendong',
    park: '装备制造产业园',
    name: '恒远精密铸造智能化改造项目',
    investor: '山西恒远精密铸造股份有限公司',
    sector: '装备制造',
    chainLink: '精密铸件',
    nature: 'upgrade',
    level: 'city',
    total: 32000,
    landMu: null,
    stage: 'construction',
    lastGateAgo: 240,
    slippedDays: 45,
    leader: 'deputy',
    content: '新增智能化造型线2条、机器人清理线1条，改造熔炼系统。',
    problems: '进口设备到货延迟，设备进场节点滞后。',
  }),
  P({
    key: 'huasheng-pv2',
    zone: 'fendong',
    park: '新材料产业园',
    name: '华晟光伏组件二期项目',
    investor: '华晟新能源科技（山西）有限公司',
    sector: '光伏',
    chainLink: '光伏组件',
    nature: 'expansion',
    level: 'province',
    total: 98000,
    landMu: 180,
    stage: 'construction',
    lastGateAgo: 390,
    behind: 0.6,
    leader: 'leader',
    capacity: [5, 'GW'],
    content: '建设5GW高效异质结光伏组件生产线。',
    problems: '110kV专线接入尚未批复，需协调供电公司加快审批。',
  }),
  P({
    key: 'runkang-bio',
    zone: 'fendong',
    park: null,
    name: '润康生物医药产业园项目',
    investor: '山西润康生物医药有限公司',
    sector: '生物医药',
    chainLink: '原料药',
    nature: 'new',
    level: 'city',
    total: 45000,
    landMu: 85,
    stage: 'approval',
    lastGateAgo: 40,
    leader: 'deputy',
    content: '建设原料药及制剂生产车间、研发中心。',
  }),
  P({
    key: 'beidou-logistics',
    zone: 'fendong',
    park: '现代物流园',
    name: '北斗智联物流园项目',
    investor: '山西北斗智联供应链管理有限公司',
    sector: '现代物流',
    chainLink: '智慧仓储',
    nature: 'new',
    level: 'county',
    total: 23000,
    landMu: 120,
    stage: 'signed',
    lastGateAgo: 70,
    missingReport: true,
    leader: 'deputy',
    content: '建设智能立体仓库、分拨中心及信息平台。',
  }),
  P({
    key: 'hydrogen-park',
    zone: 'fendong',
    park: '装备制造产业园',
    name: '汾东氢能装备产业园项目',
    investor: '山西汾东氢能装备有限公司',
    sector: '新能源装备',
    chainLink: '电解槽',
    nature: 'new',
    level: 'none',
    total: 60000,
    landMu: 150,
    stage: 'planning',
    lastGateAgo: 0,
    leader: 'leader',
    content: '谋划建设碱性电解槽及储氢装备制造基地。',
  }),
  P({
    key: 'crrc-rail',
    zone: 'fendong',
    park: '装备制造产业园',
    name: '中车汾东轨道交通装备配套项目',
    investor: '中车汾东轨道装备有限公司',
    sector: '装备制造',
    chainLink: '轨道交通配套',
    nature: 'new',
    level: 'province',
    total: 85000,
    landMu: 210,
    stage: 'production',
    lastGateAgo: 90,
    leader: 'leader',
    capacity: [3000, '辆/年'],
    content: '建设转向架、车体部件生产线。',
  }),
  P({
    key: 'jinnan-aluminium',
    zone: 'fendong',
    park: '新材料产业园',
    name: '晋南铝基新材料深加工项目',
    investor: '山西晋南铝业新材料有限公司',
    sector: '新材料',
    chainLink: '铝精深加工',
    nature: 'new',
    level: 'city',
    total: 120000,
    landMu: 300,
    stage: 'full_production',
    lastGateAgo: 60,
    leader: 'deputy',
    capacity: [200000, '吨/年'],
    content: '建设铝板带箔及汽车轻量化部件生产线。',
  }),
  P({
    key: 'storage-pack',
    zone: 'fendong',
    park: '新材料产业园',
    name: '新能源储能电池PACK项目',
    investor: '山西储能时代科技有限公司',
    sector: '新能源装备',
    chainLink: '储能电池PACK',
    nature: 'new',
    level: 'city',
    total: 52000,
    landMu: 95,
    stage: 'completed',
    lastGateAgo: 25,
    leader: 'leader',
    capacity: [4, 'GWh'],
    content: '建设储能电池模组及PACK生产线。',
  }),
  P({
    key: 'mining-equipment',
    zone: 'fendong',
    park: '装备制造产业园',
    name: '智能矿山装备制造基地项目',
    investor: '山西智矿装备制造有限公司',
    sector: '装备制造',
    chainLink: '矿山装备',
    nature: 'new',
    level: 'county',
    total: 41000,
    landMu: 110,
    stage: 'started',
    lastGateAgo: 20,
    leader: 'deputy',
    capacity: [500, '台套/年'],
    content: '建设智能采掘装备总装车间及试验场。',
  }),
  P({
    key: 'cold-chain',
    zone: 'fendong',
    park: '现代物流园',
    name: '汾东冷链物流中心项目',
    investor: '运城汾东冷链物流有限公司',
    sector: '现代物流',
    chainLink: '冷链仓储',
    nature: 'new',
    level: 'none',
    total: 18000,
    landMu: 60,
    stage: 'land',
    lastGateAgo: 30,
    slippedDays: 9,
    leader: 'deputy',
    content: '建设冷库5万吨及配送中心。',
  }),
  P({
    key: 'quartz-sand',
    zone: 'fendong',
    park: '新材料产业园',
    name: '高纯石英砂提纯项目',
    investor: '山西晶石新材料有限公司',
    sector: '光伏',
    chainLink: '高纯石英砂',
    nature: 'new',
    level: 'city',
    total: 36000,
    landMu: 70,
    stage: 'approval',
    lastGateAgo: 100,
    slippedDays: 38,
    leader: 'leader',
    content: '建设高纯石英砂提纯生产线。',
    problems: '环评批复需补充材料，施工许可节点滞后。',
  }),
  P({
    key: 'hejin-profile',
    zone: 'hejin',
    park: '铝工业园',
    name: '河津高端铝型材项目',
    investor: '河津华鑫铝材有限公司',
    sector: '新材料',
    chainLink: '铝型材',
    nature: 'new',
    level: 'city',
    total: 56000,
    landMu: 140,
    stage: 'construction',
    lastGateAgo: 200,
    leader: 'hejin',
    content: '建设工业铝型材挤压及深加工生产线。',
  }),
  P({
    key: 'hejin-lng',
    zone: 'hejin',
    park: '煤化工园区',
    name: '焦炉煤气制LNG项目',
    investor: '河津宏达能源化工有限公司',
    sector: '煤化工',
    chainLink: '焦炉煤气综合利用',
    nature: 'new',
    level: 'province',
    total: 78000,
    landMu: 160,
    stage: 'approval',
    lastGateAgo: 50,
    leader: 'hejin',
    content: '利用焦炉煤气年产LNG 2亿立方米。',
  }),
  P({
    key: 'hejin-port',
    zone: 'hejin',
    park: null,
    name: '河津智慧物流港项目',
    investor: '河津智慧物流港有限公司',
    sector: '现代物流',
    chainLink: '公铁联运',
    nature: 'new',
    level: 'none',
    total: 26000,
    landMu: 130,
    stage: 'signed',
    lastGateAgo: 45,
    leader: 'deputy',
    content: '建设铁路专用线及物流仓储区。',
  }),
  P({
    key: 'hejin-magnesium',
    zone: 'hejin',
    park: '铝工业园',
    name: '镁合金压铸件项目',
    investor: '山西河津镁业科技有限公司',
    sector: '新材料',
    chainLink: '镁合金压铸',
    nature: 'new',
    level: 'county',
    total: 21000,
    landMu: 55,
    stage: 'production',
    lastGateAgo: 120,
    leader: 'hejin',
    content: '建设镁合金压铸及机加工生产线。',
  }),
  P({
    key: 'gaoxin-packaging',
    zone: 'yuncheng-hitech',
    park: '电子信息产业园',
    name: '半导体封装测试项目',
    investor: '运城芯测半导体有限公司',
    sector: '电子信息',
    chainLink: '封装测试',
    nature: 'new',
    level: 'province',
    total: 67000,
    landMu: 90,
    stage: 'construction',
    lastGateAgo: 180,
    behind: 0.75,
    leader: 'gaoxin',
    content: '建设先进封装测试产线。',
  }),
  P({
    key: 'gaoxin-cdmo',
    zone: 'yuncheng-hitech',
    park: '生物医药产业园',
    name: '生物医药CDMO平台项目',
    investor: '运城康源生物技术有限公司',
    sector: '生物医药',
    chainLink: 'CDMO',
    nature: 'new',
    level: 'city',
    total: 34000,
    landMu: 60,
    stage: 'land',
    lastGateAgo: 35,
    leader: 'gaoxin',
    content: '建设生物药中试及商业化生产平台。',
  }),
  P({
    key: 'gaoxin-display',
    zone: 'yuncheng-hitech',
    park: '电子信息产业园',
    name: '显示模组生产线项目',
    investor: '运城晶显光电科技有限公司',
    sector: '电子信息',
    chainLink: '显示模组',
    nature: 'new',
    level: 'city',
    total: 48000,
    landMu: 75,
    stage: 'started',
    lastGateAgo: 15,
    leader: 'gaoxin',
    content: '建设触控显示模组生产线。',
  }),
  P({
    key: 'gaoxin-glass',
    zone: 'yuncheng-hitech',
    park: null,
    name: '新型显示玻璃盖板项目',
    investor: '运城盖板玻璃科技有限公司',
    sector: '电子信息',
    chainLink: '盖板玻璃',
    nature: 'new',
    level: 'none',
    total: 30000,
    landMu: null,
    stage: 'planning',
    lastGateAgo: 0,
    leader: 'gaoxin',
    content: '谋划建设盖板玻璃强化及加工线。',
  }),
];

/** Days between consecutive gates: signed → land → approval → started → construction → completed → production → full. */
const gateGap: Record<ProjectStage, number> = {
  planning: 0,
  signed: 0,
  land: 60,
  approval: 20,
  started: 45,
  construction: 30,
  completed: 330,
  production: 40,
  full_production: 200,
};
/** Template node index → (stage it marks, offset from signing in the original plan). */
const nodePlan = [15, 60, 75, 95, 105, 250, 300, 435, 475, 675];
/** The last node reached in each stage. */
const reachedNode: Record<ProjectStage, number> = {
  planning: -1,
  signed: 0,
  land: 1,
  approval: 2,
  started: 4,
  construction: 5,
  completed: 7,
  production: 8,
  full_production: 9,
};

/** A valid 18-character credit code for a demo enterprise (登记管理部门 9 = 市场监管, 类别 1 = 企业). */
export function demoCreditCode(key: string, regionCode = '140800'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const hex = demoId(`credit:${key}`).replace(/-/g, '');
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 31];
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

const seedToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function seedProjects(tx: DbOrTx, options: { scale?: 'demo' | 'province' } = {}): Promise<{ projects: number; reports: number }> {
  const today = seedToday();
  const rand = seededRandom(20260408);
  const calendar = createWorkCalendar();
  const repo = createProjectsRepository();

  await tx.insert(projectTemplates).values({ zoneId: null, milestones: builtinMilestones, approvals: builtinApprovals });
  await tx.insert(projectFlagRules).values({ zoneId: null, ...defaultFlagRule });

  const user = (name: string) => demoId(`user:${name}`);
  const officerOf: Record<string, string> = { fendong: 'projects', hejin: 'hejin', 'yuncheng-hitech': 'gaoxin' };
  let reportCount = 0;

  for (const d of demoProjects) {
    const zoneId = demoId(`zone:${d.zone}`);
    const enterpriseId = demoId(`enterprise:${d.key}`);
    await tx
      .insert(enterprises)
      .values({
        id: enterpriseId,
        creditCode: demoCreditCode(d.key, d.zone === 'hejin' ? '140882' : '140802'),
        name: d.investor,
        normalizedName: normalizeEnterpriseName(d.investor),
        regionCode: d.zone === 'hejin' ? '140882' : '140802',
        registeredCapitalYuan: Math.round(d.total * 0.2) * 10_000,
        createdInZoneId: zoneId,
      })
      .onConflictDoNothing();

    // Gate dates, walking back from the latest one reached.
    const idx = projectStages.indexOf(d.stage);
    const gateDay: Partial<Record<ProjectStage, string>> = {};
    let cursor = addDays(today, -d.lastGateAgo);
    for (let i = idx; i >= 1; i--) {
      gateDay[projectStages[i]] = cursor;
      cursor = addDays(cursor, -gateGap[projectStages[i]]);
    }
    const signedOn = gateDay.signed ?? null;
    const id = demoId(`project:${d.key}`);
    const total = d.total * 10_000;
    await tx.insert(projects).values({
      id,
      zoneId,
      parkId: d.park ? demoId(`park:${d.zone}:${d.park}`) : null,
      name: d.name,
      investorEnterpriseId: enterpriseId,
      sectorText: d.sector,
      chainLinkText: d.chainLink,
      nature: d.nature,
      level: d.level,
      totalInvestmentYuan: total,
      fixedAssetInvestmentYuan: Math.round(total * 0.85),
      constructionContent: d.content,
      landMu: d.landMu,
      floorAreaM2: d.landMu ? Math.round(d.landMu * 666.67 * 0.9) : null,
      capacityAmount: d.capacity?.[0] ?? null,
      capacityUnit: d.capacity?.[1] ?? null,
      plannedStartYear: Number((signedOn ?? today).slice(0, 4)),
      plannedEndYear: Number((signedOn ?? today).slice(0, 4)) + 2,
      expectedOutputYuan: total * 2,
      expectedTaxYuan: Math.round(total * 0.12),
      jobs: Math.round(d.total / 150),
      stage: d.stage,
      stageEnteredOn: gateDay[d.stage] ?? addDays(today, -30),
      signedOn,
      landOn: gateDay.land ?? null,
      startOn: gateDay.started ?? null,
      completedOn: gateDay.completed ?? null,
      productionOn: gateDay.production ?? null,
      fullProductionOn: gateDay.full_production ?? null,
      leaderUserId: user(d.leader),
      departmentId: departmentId(d.zone, 'project'),
      officerUserId: user(officerOf[d.zone]),
      taskForce: `${d.name.replace(/项目$/, '').slice(0, 8)}专班`,
      createdAt: new Date(`${addDays(signedOn ?? today, -90)}T09:00:00+08:00`),
    });
    await recordAudit(tx, systemActor, { zoneId, action: 'project.create', entityType: 'project', entityId: id, after: { name: d.name, stage: d.stage } });

    // Stage history: every gate passed, in order; 石英砂 once moved back to 供地.
    const events: (typeof projectStageEvents.$inferInsert)[] = [];
    let from: ProjectStage | null = null;
    for (let i = 0; i <= idx; i++) {
      const st = projectStages[i];
      const on = gateDay[st] ?? (i === 0 ? addDays(signedOn ?? today, -90) : undefined);
      if (!on) continue;
      events.push({ zoneId, projectId: id, fromStage: from, toStage: st, on, actorName: 'projects', at: new Date(`${on}T10:00:00+08:00`) });
      from = st;
    }
    if (d.key === 'quartz-sand') {
      const on = addDays(gateDay.approval!, 20);
      events.push({
        zoneId,
        projectId: id,
        fromStage: 'approval',
        toStage: 'land',
        on,
        reason: '环评报告需补充地下水专项评价，退回供地阶段补充材料',
        actorName: 'projects',
        at: new Date(`${on}T15:00:00+08:00`),
      });
      events.push({
        zoneId,
        projectId: id,
        fromStage: 'land',
        toStage: 'approval',
        on: addDays(on, 12),
        actorName: 'projects',
        at: new Date(`${addDays(on, 12)}T09:00:00+08:00`),
      });
    }
    await tx.insert(projectStageEvents).values(events);

    // Milestones: reached nodes have actual dates; the next one is either ahead or (slipped) overdue.
    const anchor = signedOn ?? addDays(today, 60);
    const reached = reachedNode[d.stage];
    const stageDate = (st: ProjectStage | null | undefined) => (st ? gateDay[st] : undefined);
    await tx.insert(projectMilestones).values(
      builtinMilestones.map((m, i) => {
        let plannedOn = addDays(anchor, nodePlan[i]);
        let actualOn: string | null = null;
        if (i <= reached) {
          actualOn = stageDate(m.stage) ?? addDays(plannedOn, Math.round(rand() * 20 - 5));
          if (actualOn > today) actualOn = addDays(today, -1);
          if (plannedOn > actualOn) plannedOn = addDays(actualOn, -Math.round(rand() * 10));
        } else if (i === reached + 1 && d.slippedDays) plannedOn = addDays(today, -d.slippedDays);
        else if (plannedOn <= today) plannedOn = addDays(today, 20 * (i - reached));
        return { zoneId, projectId: id, sortOrder: i + 1, name: m.name, stage: m.stage ?? null, plannedOn, actualOn };
      }),
    );

    // Approvals: filed after land supply, granted before start; the 审批 stage has some running.
    const approvalsStarted = idx >= projectStages.indexOf('land');
    await tx.insert(projectApprovals).values(
      builtinApprovals.map((a, i) => {
        let filedOn: string | null = null;
        let grantedOn: string | null = null;
        if (approvalsStarted && gateDay.land) {
          filedOn = calendar.addWorkdays(gateDay.land, 1 + Math.floor(i / 2));
          if (filedOn > today) filedOn = null;
          const running = d.stage === 'land' ? i >= 3 : d.stage === 'approval' ? i >= 8 : false;
          if (filedOn && !running) {
            grantedOn = calendar.addWorkdays(filedOn, Math.max(1, Math.round((a.promisedDays ?? 3) * (0.4 + rand() * (d.slippedDays ? 1.6 : 0.8)))));
            if (grantedOn > today) grantedOn = null;
          }
          if (d.stage === 'land' && i >= 3) filedOn = null;
        }
        return {
          zoneId,
          projectId: id,
          sortOrder: i + 1,
          name: a.name,
          agency: a.agency ?? null,
          statutoryDays: a.statutoryDays ?? null,
          promisedDays: a.promisedDays ?? null,
          agentUserId: d.zone === 'fendong' ? user('agent') : null,
          filedOn,
          grantedOn,
        };
      }),
    );

    if (d.landMu && gateDay.land) {
      const achieved = idx >= projectStages.indexOf('production');
      const shortfall = d.key === 'crrc-rail' ? 0.8 : 1.1;
      await tx.insert(projectLandStandards).values({
        projectId: id,
        zoneId,
        investmentIntensityPromised: 300,
        taxPerMuPromised: 15,
        floorAreaRatioPromised: 1.2,
        energyPerOutputPromised: 0.35,
        investmentIntensityAchieved: achieved ? Math.round(((total * 0.85) / 10_000 / d.landMu) * 100) / 100 : null,
        taxPerMuAchieved: achieved ? Math.round(15 * shortfall * 100) / 100 : null,
        floorAreaRatioAchieved: achieved ? 1.3 : null,
        energyPerOutputAchieved: achieved ? Math.round(0.35 * (2 - shortfall) * 100) / 100 : null,
        assessedOn: achieved ? addDays(today, -20) : null,
      });
    }

    // Monthly reports from the first month after signing to last month; spending follows the stage.
    if (signedOn) {
      const year = Number(today.slice(0, 4));
      const share = {
        signed: 0.02,
        land: 0.08,
        approval: 0.12,
        started: 0.2,
        construction: 0.55,
        completed: 0.9,
        production: 0.97,
        full_production: 1,
        planning: 0,
      }[d.stage];
      const months: string[] = [];
      for (let p = periodOf('month', addDays(signedOn, 1)); p.end < today; p = periodOf('month', addDays(p.end, 1))) months.push(p.start);
      if (d.missingReport) months.pop();
      const spend = Math.round(total * 0.85 * share);
      const weights = months.map((_, i) => 1 + i * 0.3);
      const sumW = weights.reduce((a, b) => a + b, 0);
      let cumulative = 0;
      const rows = months.map((start, i) => {
        let invested = i === months.length - 1 ? spend - cumulative : Math.round((spend * weights[i]) / sumW / 10_000) * 10_000;
        cumulative += invested;
        return {
          zoneId,
          projectId: id,
          periodKind: 'month' as const,
          periodStart: start,
          periodEnd: periodOf('month', start).end,
          investedYuan: Math.max(0, invested),
          percentComplete: Math.min(100, Math.round(share * 100 * ((i + 1) / months.length))),
          progressText: i === months.length - 1 ? `${d.content.slice(0, 20)}……按计划推进` : null,
          problems: i === months.length - 1 ? (d.problems ?? null) : null,
          reportedById: user(officerOf[d.zone]),
          reportedByName: d.zone === 'fendong' ? '王磊' : '专员',
          createdAt: new Date(`${addDays(periodOf('month', start).end, 3)}T09:00:00+08:00`),
        };
      });
      if (rows.length) await tx.insert(progressReports).values(rows);
      reportCount += rows.length;
      // The year's plan: met in step with the calendar, or (behind) only partly done by now.
      const ytd = rows.filter((r) => r.periodStart.startsWith(String(year))).reduce((sum, r) => sum + r.investedYuan, 0);
      const planYuan = Math.round(ytd / (d.behind ?? 0.95) / 1_000_000) * 1_000_000;
      if (d.stage !== 'full_production' && planYuan > 0) await tx.insert(projectAnnualPlans).values({ projectId: id, zoneId, year, planYuan });
    }
  }

  let count = demoProjects.length;
  if (options.scale === 'province') {
    const scaled = await seedScaleProjects(tx, today);
    count += scaled.projects;
    reportCount += scaled.reports;
  }
  const allZones = (await tx.select({ id: zones.id }).from(zones)).map((z) => z.id);
  await repo.refreshDerived(tx, { zoneIds: allZones }, today);
  return { projects: count, reports: reportCount };
}

/**
 * Synthetic projects (default 200 per zone), 10 milestones, 13 approvals and 50 monthly reports
 * each, all in set-based statements (generate_series), so 20k projects and 1M reports load in
 * seconds. `zoneIds` limits them to some zones (the PGlite benchmark fills one zone).
 */
export async function seedScaleProjects(
  tx: DbOrTx,
  today: string,
  options: { zoneIds?: string[]; perZone?: number } = {},
): Promise<{ projects: number; reports: number }> {
  const zoneFilter = options.zoneIds
    ? sql`where z.id in (${sql.join(
        options.zoneIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const perZone = options.perZone ?? 200;
  const stages = `array['planning','signed','land','approval','started','construction','construction','construction','completed','production','full_production']`;
  const sectors = `array['新材料','装备制造','新能源装备','电子信息','生物医药','现代物流','光伏','煤化工']`;
  const kinds = `array['年产10万吨','智能化改造','产业园','生产线','基地','二期']`;
  await tx.execute(sql`
    insert into projects (zone_id, park_id, name, investor_enterprise_id, sector_text, chain_link_text, nature, level,
      total_investment_yuan, fixed_asset_investment_yuan, land_mu, stage, stage_entered_on, signed_on, land_on, start_on,
      completed_on, production_on, full_production_on, leader_user_id, department_id, officer_user_id, created_at, updated_at)
    select z.id,
      (select p.id from parks p where p.zone_id = z.id order by p.name limit 1 offset (g % 2)),
      z.short_name || (${sql.raw(sectors)})[1 + g % 8] || (${sql.raw(kinds)})[1 + g % 6] || '项目' || lpad(g::text, 3, '0'),
      null,
      (${sql.raw(sectors)})[1 + g % 8], null,
      (array['new','continued','expansion','upgrade'])[1 + g % 4],
      (array['province','city','county','district','none'])[1 + g % 5],
      (10000000 + (g * 7919 % 200) * 5000000)::bigint,
      (8000000 + (g * 7919 % 200) * 4000000)::bigint,
      20 + g % 300,
      st.stage, ${today}::date - 30,
      case when st.i >= 2 then ${today}::date - 1600 end,
      case when st.i >= 3 then ${today}::date - 1500 end,
      case when st.i >= 5 then ${today}::date - 1400 end,
      case when st.i >= 9 then ${today}::date - 200 end,
      case when st.i >= 10 then ${today}::date - 150 end,
      case when st.i >= 11 then ${today}::date - 30 end,
      (select uz.user_id from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.role = 'zone_leader' order by u.username limit 1),
      (select d.id from departments d where d.zone_id = z.id and d.kind = 'project' limit 1),
      (select uz.user_id from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.role = 'project_officer' order by u.username limit 1),
      now() - interval '1600 days', now() - (g || ' minutes')::interval
    from zones z
    cross join generate_series(1, ${perZone}::int) g
    cross join lateral (select (${sql.raw(stages)})[1 + g % 11] as stage, 1 + array_position(array['planning','signed','land','approval','started','construction','completed','production','full_production'], (${sql.raw(stages)})[1 + g % 11]) - 1 as i) st
    ${zoneFilter}`);
  // The projects just inserted: now() is fixed for the transaction, so their created_at marks them.
  const synthetic = sql`select id, zone_id, signed_on from projects p where investor_enterprise_id is null and created_at = now() - interval '1600 days'`;
  await tx.execute(sql`
    insert into project_milestones (zone_id, project_id, sort_order, name, stage, planned_on, actual_on)
    select p.zone_id, p.id, n.i, n.name, n.stage, ${today}::date - 1600 + n.i::int * 150 + (hashtext(p.id::text) % 30),
      case when ${today}::date - 1600 + n.i::int * 150 < ${today}::date - 60 then ${today}::date - 1600 + n.i::int * 150 + abs(hashtext(p.id::text) % 20) end
    from (${synthetic}) p
    cross join (select * from unnest(${sql.raw(`array[${builtinMilestones.map((m) => `'${m.name}'`).join(',')}]`)}, ${sql.raw(
      `array[${builtinMilestones.map((m) => (m.stage ? `'${m.stage}'` : 'null')).join(',')}]::text[]`,
    )}) with ordinality as t(name, stage, i)) n`);
  await tx.execute(sql`
    insert into project_approvals (zone_id, project_id, sort_order, name, agency, statutory_days, promised_days, filed_on, granted_on)
    select p.zone_id, p.id, a.i, a.name, a.agency, a.sd, a.pd,
      case when p.signed_on is not null then ${today}::date - 1500 + a.i::int * 3 end,
      case when p.signed_on is not null then ${today}::date - 1500 + a.i::int * 3 + a.pd end
    from (${synthetic}) p
    cross join (select * from unnest(${sql.raw(`array[${builtinApprovals.map((a) => `'${a.name}'`).join(',')}]`)}, ${sql.raw(
      `array[${builtinApprovals.map((a) => `'${a.agency}'`).join(',')}]`,
    )}, ${sql.raw(`array[${builtinApprovals.map((a) => a.statutoryDays).join(',')}]::int[]`)}, ${sql.raw(
      `array[${builtinApprovals.map((a) => a.promisedDays).join(',')}]::int[]`,
    )}) with ordinality as t(name, agency, sd, pd, i)) a`);
  const firstMonth = periodOf('month', today).start;
  await tx.execute(sql`
    insert into progress_reports (zone_id, project_id, period_kind, period_start, period_end, invested_yuan, percent_complete, progress_text, reported_by_name, created_at, updated_at)
    select p.zone_id, p.id, 'month', (${firstMonth}::date - (m || ' months')::interval)::date,
      ((${firstMonth}::date - (m || ' months')::interval) + interval '1 month' - interval '1 day')::date,
      (100000 + abs(hashtext(p.id::text || m::text)) % 3000000)::bigint,
      least(100, 2 * (51 - m)), '按计划推进', '专员', now(), now()
    from (${synthetic}) p
    cross join generate_series(1, 50) m`);
  await tx.execute(sql`
    insert into project_annual_plans (project_id, zone_id, year, plan_yuan)
    select p.id, p.zone_id, ${Number(today.slice(0, 4))}, 20000000 + abs(hashtext(p.id::text)) % 20000000 from (${synthetic}) p`);
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from (${synthetic}) p`));
  return { projects: Number(n), reports: Number(n) * 50 };
}

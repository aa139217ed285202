/**
 * Demo projects: every zone gets projects in every stage, with milestones (some slipped), approvals
 * on their clocks, 标准地 indicators, annual plans and monthly reports up to last month, so a
 * newcomer sees a living zone. Dates are relative to the seed clock's today (tests seed around
 * TEST_NOW). The data is in projects.seed-data.ts; `--scale province` adds the synthetic projects of
 * projects.seed-scale.ts.
 */
import type { DbOrTx } from '../../db/client.ts';
import {
  enterprises,
  progressReports,
  projectAnnualPlans,
  projectApprovals,
  projectFlagRules,
  projectLandStandards,
  projectMilestones,
  projectPhases,
  projects,
  projectStageEvents,
  projectTemplates,
} from '../../db/schema.ts';
import { builtinApprovals, builtinMilestones, defaultFlagRule, projectStages, type ProjectStage } from '../../../contract/projects.ts';
import { addDays, periodOf } from '../../../contract/periods.ts';
import { creditCodeCheckChar } from '../../../contract/credit-code.ts';
import { demoId, seededRandom } from '../../seed/demo-ids.ts';
import { createWorkCalendar } from '../../platform/calendar.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import { departmentId } from '../org/org.seed.ts';
import { createProjectsRepository } from './projects.repository.ts';
import { demoProjects } from './projects.seed-data.ts';
import { seedScaleProjects } from './projects.seed-scale.ts';
import { storedLandToStart } from './projects.rules.ts';

export { demoProjects, type DemoProject } from './projects.seed-data.ts';
export { seedScaleProjects } from './projects.seed-scale.ts';
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

/** The demo projects (and at province scale the synthetic ones), dated around `options.clock`'s today. */
export async function seedProjects(tx: DbOrTx, options: { scale?: 'demo' | 'province'; clock?: Clock } = {}): Promise<{ projects: number; reports: number }> {
  const today = chinaToday(options.clock);
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

    // 一期 on the project's own dates; a 二期 from land to construction in 21 working days across the
    // National Day holiday (拿地即开工 under the default N = 30, against the statutory 107).
    if (d.key === 'jinfen-anode' && gateDay.land && gateDay.started) {
      const secondLand = (year: number) => `${year}-09-25`;
      let year = Number(today.slice(0, 4));
      if (calendar.addWorkdays(secondLand(year), 21) > addDays(today, -7)) year -= 1;
      const landOn = secondLand(year);
      const startOn = calendar.addWorkdays(landOn, 21);
      await tx.insert(projectPhases).values([
        {
          zoneId,
          projectId: id,
          sortOrder: 1,
          name: '一期',
          stage: 'construction',
          investmentYuan: Math.round(total * 0.6),
          investedYuan: Math.round(total * 0.6 * 0.55),
          content: '石墨化车间及3万吨负极材料生产线',
          landOn: gateDay.land,
          actualStartOn: gateDay.started,
          plannedStartOn: gateDay.started,
          plannedEndOn: addDays(gateDay.started, 540),
        },
        {
          zoneId,
          projectId: id,
          sortOrder: 2,
          name: '二期',
          stage: 'started',
          investmentYuan: Math.round(total * 0.4),
          investedYuan: Math.round(total * 0.4 * 0.08),
          content: '2万吨负极材料生产线及配套仓储',
          landOn,
          actualStartOn: startOn,
          plannedStartOn: startOn,
          plannedEndOn: addDays(startOn, 420),
        },
      ]);
    }

    // Stage history: every gate passed, in order; 石英砂 once moved back to 供地. Recorded by the
    // zone's own people (汾东's project officer, 河津's leader), so the history shows their names.
    const stagedBy = { actorId: user(d.zone === 'hejin' ? 'hejin' : 'projects'), actorName: d.zone === 'hejin' ? 'hejin' : 'projects' };
    const events: (typeof projectStageEvents.$inferInsert)[] = [];
    let from: ProjectStage | null = null;
    for (let i = 0; i <= idx; i++) {
      const st = projectStages[i];
      const on = gateDay[st] ?? (i === 0 ? addDays(signedOn ?? today, -90) : undefined);
      if (!on) continue;
      events.push({ zoneId, projectId: id, fromStage: from, toStage: st, on, ...stagedBy, at: new Date(`${on}T10:00:00+08:00`) });
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
        ...stagedBy,
        at: new Date(`${on}T15:00:00+08:00`),
      });
      events.push({
        zoneId,
        projectId: id,
        fromStage: 'land',
        toStage: 'approval',
        on: addDays(on, 12),
        ...stagedBy,
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
      // The values typed before issue 10 (kept as 企业自报 history); achieved figures are derived.
      const achieved = idx >= projectStages.indexOf('production');
      const shortfall = d.key === 'crrc-rail' ? 0.8 : 1.1;
      // Promised intensity: what the reports reach once built (达标), except 中车 whose promise they miss (未达标).
      const builtIntensity = (total * 0.85 * 0.9) / 10_000 / d.landMu;
      await tx.insert(projectLandStandards).values({
        projectId: id,
        zoneId,
        investmentIntensityPromised: Math.round(builtIntensity * (d.key === 'crrc-rail' ? 1.25 : 0.9)),
        taxPerMuPromised: 15,
        outputPerMuPromised: Math.round((total * 2) / 10_000 / d.landMu / 10) * 10,
        // The demo's floor area is 0.9 of the land: 容积率 0.8 is met once built.
        floorAreaRatioPromised: 0.8,
        energyPerOutputPromised: 0.35,
        investmentIntensityReported: achieved ? Math.round(((total * 0.85) / 10_000 / d.landMu) * 100) / 100 : null,
        taxPerMuReported: achieved ? Math.round(15 * shortfall * 100) / 100 : null,
        floorAreaRatioReported: achieved ? 1.3 : null,
        energyPerOutputReported: achieved ? Math.round(0.35 * (2 - shortfall) * 100) / 100 : null,
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
  await repo.refreshDerived(tx, { everyZone: true }, today);
  // The stored land-to-start working days the list's 拿地即开工 filter reads.
  const dated = await repo.landStartDates(tx);
  await repo.setLandToStart(
    tx,
    dated.map((r) => ({ ...r, workdays: storedLandToStart(calendar, r.landOn, r.startOn) })),
  );
  return { projects: count, reports: reportCount };
}

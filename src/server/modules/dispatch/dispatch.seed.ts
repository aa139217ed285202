/**
 * Dispatch demo data for 汾东经开区: open and resolved blockers across categories and levels with
 * their timelines, last week's closed meeting with its decisions and minutes, this week's draft
 * meeting with a generated agenda, this quarter's 三个一批 campaign, and notifications for the demo
 * users. Every date is laid out from the seed's clock (`options.clock`), like the projects seed it
 * builds on, so a test seeds the same demo around any day.
 */
import type { DbOrTx } from '../../db/client.ts';
import { agendaItems, blockerEvents, blockers, campaignEntries, campaigns, decisions, meetings, notifications } from '../../db/schema.ts';
import { addDays, periodLabel, periodOf } from '../../../contract/periods.ts';
import type { BlockerCategory, BlockerLevel, BlockerStatus, CampaignBatch } from '../../../contract/dispatch-enums.ts';
import { blockerLevels } from '../../../contract/dispatch-enums.ts';
import { createWorkCalendar } from '../../platform/calendar.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { departmentId } from '../org/org.seed.ts';
import { demoProjects } from '../projects/projects.seed.ts';
import { demoLeads } from '../leads/leads.seed.ts';
import { createDispatchRepository } from './dispatch.repository.ts';
import { createDispatchService } from './dispatch.service.ts';

const zoneKey = 'fendong';
const user = (username: string) => demoId(`user:${username}`);
const project = (key: string) => demoId(`project:${key}`);
const lead = (key: string) => demoId(`lead:${key}`);

interface DemoBlocker {
  key: string;
  project?: string;
  lead?: string;
  title: string;
  category: BlockerCategory;
  raisedAgo: number;
  deadlineIn: number;
  dept: string;
  responsible: string;
  level: BlockerLevel;
  /** The owner of the level it reached (the responsible person at 专班). */
  owner: string;
  status: BlockerStatus;
  resolution?: string;
  resolvedAgo?: number;
}

export const demoBlockers: DemoBlocker[] = [
  {
    key: 'pv2-power',
    project: 'huasheng-pv2',
    title: '110kV专线接入方案尚未批复',
    category: 'utilities',
    raisedAgo: 30,
    deadlineIn: -8,
    dept: 'project',
    responsible: 'projects',
    level: 'meeting',
    owner: 'leader',
    status: 'resolving',
  },
  {
    key: 'casting-customs',
    project: 'hengyuan-casting',
    title: '进口造型线设备清关延迟',
    category: 'other',
    raisedAgo: 24,
    deadlineIn: -4,
    dept: 'service',
    responsible: 'service',
    level: 'leader',
    owner: 'deputy',
    status: 'open',
  },
  {
    key: 'quartz-eia',
    project: 'quartz-sand',
    title: '环评报告需补充地下水影响专章',
    category: 'environment',
    raisedAgo: 20,
    deadlineIn: 6,
    dept: 'approval',
    responsible: 'agent',
    level: 'task_force',
    owner: 'agent',
    status: 'resolving',
  },
  {
    key: 'cold-chain-land',
    project: 'cold-chain',
    title: '地块征收补偿未完成，影响摘牌',
    category: 'land',
    raisedAgo: 35,
    deadlineIn: -2,
    dept: 'planning',
    responsible: 'projects',
    level: 'main_leader',
    owner: 'leader',
    status: 'open',
  },
  {
    key: 'runkang-labour',
    project: 'runkang-bio',
    title: '洁净车间专业技术工人招聘缺口40人',
    category: 'labour',
    raisedAgo: 10,
    deadlineIn: 20,
    dept: 'service',
    responsible: 'service',
    level: 'task_force',
    owner: 'service',
    status: 'open',
  },
  {
    key: 'storage-subsidy',
    project: 'storage-pack',
    title: '设备购置补贴资金拨付滞后',
    category: 'funding',
    raisedAgo: 60,
    deadlineIn: -40,
    dept: 'office',
    responsible: 'deputy',
    level: 'leader',
    owner: 'deputy',
    status: 'resolved',
    resolution: '财政局已拨付首批补贴资金1200万元，余款纳入下月拨付计划。',
    resolvedAgo: 38,
  },
  {
    key: 'beidou-road',
    project: 'beidou-logistics',
    title: '园区配套道路未贯通',
    category: 'utilities',
    raisedAgo: 75,
    deadlineIn: -50,
    dept: 'planning',
    responsible: 'projects',
    level: 'task_force',
    owner: 'projects',
    status: 'resolved',
    resolution: '规划建设局调整施工计划，配套道路已于月初通车。',
    resolvedAgo: 52,
  },
  {
    key: 'huayi-plant',
    lead: 'huayi-pack',
    title: '标准厂房交付时间未定，投资方暂缓实地考察',
    category: 'land',
    raisedAgo: 6,
    deadlineIn: 8,
    dept: 'platform',
    responsible: 'officer',
    level: 'task_force',
    owner: 'officer',
    status: 'open',
  },
  {
    key: 'mining-permit',
    project: 'mining-equipment',
    title: '施工许可证办理资料不齐',
    category: 'approval',
    raisedAgo: 45,
    deadlineIn: -30,
    dept: 'approval',
    responsible: 'agent',
    level: 'task_force',
    owner: 'agent',
    status: 'resolved',
    resolution: '代办员协助企业补齐资料，施工许可已于承诺时限内核发。',
    resolvedAgo: 33,
  },
];

const decisionsOfLastMeeting = [
  {
    key: 'd1',
    task: '协调国网运城供电公司，本周内召开110kV专线接入方案专题会',
    owner: 'leader',
    dept: 'project',
    deadlineIn: -1,
    blocker: 'pv2-power',
    project: 'huasheng-pv2',
    status: 'done' as const,
  },
  {
    key: 'd2',
    task: '企业服务局对接海关，争取进口设备“提前申报、两步通关”',
    owner: 'service',
    dept: 'service',
    deadlineIn: 3,
    blocker: 'casting-customs',
    project: 'hengyuan-casting',
    status: 'open' as const,
  },
  {
    key: 'd3',
    task: '规划建设局会同属地乡镇完成冷链物流中心地块补偿协议签订',
    owner: 'projects',
    dept: 'planning',
    deadlineIn: -2,
    blocker: 'cold-chain-land',
    project: 'cold-chain',
    status: 'open' as const,
  },
  {
    key: 'd4',
    task: '行政审批局指导高纯石英砂项目补充环评专章，压缩评审时间',
    owner: 'agent',
    dept: 'approval',
    deadlineIn: 7,
    blocker: 'quartz-eia',
    project: 'quartz-sand',
    status: 'open' as const,
  },
];

/**
 * The quarter's nominations (提名). Whether each was achieved is derived from the records: 星河芯片
 * signed at the campaign's signing event, 鹏城机器人 did not; the mining-equipment project's actual
 * start falls in the quarter when the seed's day is 20 days into it, 润康 has no start date; the
 * production list's projects have no production date yet.
 */
const campaignEntriesDemo: { batch: CampaignBatch; project?: string; lead?: string; plannedWan: number; reason?: string; arrivedWan?: number }[] = [
  { batch: 'sign', lead: 'xinghe-chip', plannedWan: 26000, arrivedWan: 5000 },
  { batch: 'sign', lead: 'pengcheng-robot', plannedWan: 38000, reason: '投资协议条款尚在商谈，预计下季度签约' },
  { batch: 'start', project: 'mining-equipment', plannedWan: 41000, arrivedWan: 8000 },
  { batch: 'start', project: 'runkang-bio', plannedWan: 45000, reason: '施工许可尚在办理，开工推迟至下季度' },
  { batch: 'production', project: 'storage-pack', plannedWan: 52000, reason: '设备调试中，投产推迟' },
  { batch: 'production', project: 'jinfen-anode', plannedWan: 120000 },
];

export async function seedDispatch(tx: DbOrTx, options: { clock: Clock }): Promise<{ blockers: number; meetings: number }> {
  const { clock } = options;
  const today = chinaToday(clock);
  const zoneId = demoId(`zone:${zoneKey}`);
  const calendar = createWorkCalendar();

  // ---------- blockers and their timelines
  for (const b of demoBlockers) {
    const id = demoId(`blocker:${b.key}`);
    const raisedOn = addDays(today, -b.raisedAgo);
    const deadlineOn = addDays(today, b.deadlineIn);
    const levelIndex = blockerLevels.indexOf(b.level);
    // Escalations fell due three working days apart after the deadline; the last one was recent, so the demo does not escalate again at once.
    const steps = blockerLevels.slice(1, levelIndex + 1).map((to, i) => ({ from: blockerLevels[i], to, on: addDays(today, -(levelIndex - i)) }));
    const levelSince = steps.at(-1)?.on ?? raisedOn;
    await tx.insert(blockers).values({
      id,
      zoneId,
      projectId: b.project ? project(b.project) : null,
      leadId: b.lead ? lead(b.lead) : null,
      title: b.title,
      category: b.category,
      raisedOn,
      raisedById: user('projects'),
      raisedByName: '王磊',
      departmentId: departmentId(zoneKey, b.dept),
      responsibleUserId: user(b.responsible),
      ownerUserId: user(b.owner),
      deadlineOn,
      level: b.level,
      levelSince,
      status: b.status,
      resolution: b.resolution ?? null,
      resolvedOn: b.resolvedAgo === undefined ? null : addDays(today, -b.resolvedAgo),
    });
    await tx.insert(blockerEvents).values([
      { zoneId, blockerId: id, kind: 'raised', toValue: 'task_force', on: raisedOn, actorId: user('projects'), actorName: '王磊' },
      ...steps.map((s) => ({
        zoneId,
        blockerId: id,
        kind: 'escalated' as const,
        fromValue: s.from,
        toValue: s.to,
        on: s.on,
        automatic: true,
        actorName: 'system',
      })),
      ...(b.status === 'resolving'
        ? [
            {
              zoneId,
              blockerId: id,
              kind: 'status' as const,
              fromValue: 'open',
              toValue: 'resolving',
              on: addDays(today, -3),
              actorId: user(b.responsible),
              actorName: b.responsible,
            },
          ]
        : []),
      ...(b.status === 'resolved'
        ? [
            {
              zoneId,
              blockerId: id,
              kind: 'resolved' as const,
              fromValue: 'open',
              toValue: 'resolved',
              note: b.resolution!,
              on: addDays(today, -b.resolvedAgo!),
              actorId: user(b.responsible),
              actorName: b.responsible,
            },
          ]
        : []),
    ]);
    await recordAudit(tx, systemActor, {
      zoneId,
      action: 'blocker.create',
      entityType: 'blocker',
      entityId: id,
      after: { title: b.title, level: b.level, status: b.status },
    });
  }

  // ---------- last week's meeting, closed, with its decisions
  const lastHeld = addDays(periodOf('week', today).start, -5); // Wednesday of last week
  const lastId = demoId('meeting:fendong:last');
  const lastTitle = `${periodLabel('week', periodOf('week', lastHeld).start)}项目调度会`;
  await tx.insert(meetings).values({
    id: lastId,
    zoneId,
    title: lastTitle,
    heldOn: lastHeld,
    status: 'closed',
    minutes:
      '会议听取了项目推进办公室关于重点项目建设进展的汇报，逐项研究了堵点问题。\n会议要求：各责任单位要对照议定事项清单，倒排工期、挂图作战，按时限办结并报送办理结果；对超期未办结的问题，提交主要领导协调。',
    closedAt: new Date(clock().getTime() - 5 * 86_400_000),
    closedByName: '张建国',
    createdByName: '王磊',
  });
  const agendaRows = [
    {
      kind: 'escalated_blocker' as const,
      refId: demoId('blocker:pv2-power'),
      title: '华晟光伏组件二期项目：110kV专线接入方案尚未批复',
      detail: '周调度会层级；项目推进办公室',
      annotation: '请供电公司列席',
    },
    {
      kind: 'overdue_blocker' as const,
      refId: demoId('blocker:casting-customs'),
      title: '恒远精密铸造智能化改造项目：进口造型线设备清关延迟',
      detail: '包联领导层级；企业服务局',
      annotation: null,
    },
    { kind: 'slipped_project' as const, refId: project('quartz-sand'), title: '高纯石英砂提纯项目', detail: '节点滞后：施工许可', annotation: null },
    { kind: 'other' as const, refId: null, title: '四季度“三个一批”活动项目清单审定', detail: null, annotation: '会后报市商务局' },
  ];
  await tx.insert(agendaItems).values(agendaRows.map((a, i) => ({ ...a, zoneId, meetingId: lastId, sortOrder: (i + 1) * 10, generated: a.kind !== 'other' })));
  await tx.insert(decisions).values(
    decisionsOfLastMeeting.map((d) => ({
      id: demoId(`decision:${d.key}`),
      zoneId,
      meetingId: lastId,
      task: d.task,
      ownerUserId: user(d.owner),
      departmentId: departmentId(zoneKey, d.dept),
      deadlineOn: addDays(today, d.deadlineIn),
      projectId: project(d.project),
      blockerId: demoId(`blocker:${d.blocker}`),
      status: d.status,
      doneOn: d.status === 'done' ? addDays(today, -2) : null,
    })),
  );
  await recordAudit(tx, systemActor, {
    zoneId,
    action: 'meeting.close',
    entityType: 'meeting',
    entityId: lastId,
    after: { title: lastTitle, heldOn: lastHeld },
  });

  // ---------- this week's draft meeting, its agenda generated from the data
  const service = createDispatchService({
    db: tx as never,
    repo: createDispatchRepository(),
    audit: recordAudit,
    clock,
    calendar: async () => calendar,
  });
  let heldOn = today;
  while (!calendar.isWorkday(heldOn)) heldOn = addDays(heldOn, 1);
  const draftId = demoId('meeting:fendong:current');
  await tx
    .insert(meetings)
    .values({ id: draftId, zoneId, title: `${periodLabel('week', periodOf('week', heldOn).start)}项目调度会`, heldOn, status: 'draft', createdByName: '王磊' });
  const agenda = await service.meetings.generateAgendaFor(zoneId, heldOn, tx);
  if (agenda.length)
    await tx.insert(agendaItems).values(agenda.map((a, i) => ({ ...a, zoneId, meetingId: draftId, sortOrder: (i + 1) * 10, generated: true })));

  // ---------- this quarter's 三个一批 campaign
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const campaignId = demoId(`campaign:fendong:${year}Q${quarter}`);
  const eventOn = addDays(today, -3);
  // The pipeline's 三个一批 signing event (leads seed, 10 days ago), when it falls in this quarter.
  const signingEventOn = addDays(today, -10);
  const sameQuarter = signingEventOn.slice(0, 4) === String(year) && Math.floor((Number(signingEventOn.slice(5, 7)) - 1) / 3) + 1 === quarter;
  await tx.insert(campaigns).values({
    id: campaignId,
    zoneId,
    year,
    quarter,
    name: `${year}年第${['一', '二', '三', '四'][quarter - 1]}季度“三个一批”活动`,
    eventOn,
    signingEventId: sameQuarter ? demoId('signing-event:campaign') : null,
  });
  await tx.insert(campaignEntries).values(
    campaignEntriesDemo.map((e, i) => ({
      zoneId,
      campaignId,
      batch: e.batch,
      projectId: e.project ? project(e.project) : null,
      leadId: e.lead ? lead(e.lead) : null,
      name: demoProjects.find((p) => p.key === e.project)?.name ?? demoLeads.find((l) => l.key === e.lead)?.name ?? e.project ?? e.lead!,
      plannedAmountYuan: e.plannedWan * 10_000,
      reason: e.reason ?? null,
      arrivedYuan: e.arrivedWan === undefined ? null : e.arrivedWan * 10_000,
      sortOrder: i + 1,
    })),
  );
  await recordAudit(tx, systemActor, { zoneId, action: 'campaign.create', entityType: 'campaign', entityId: campaignId, after: { year, quarter } });

  // ---------- notifications for the demo users: kinds and params, rendered in each reader's language
  type Params = Record<string, string | number | null>;
  const note = (username: string, key: string, kind: string, params: Params, entityType: string, entityId: string, read: boolean, hoursAgo: number) => ({
    id: demoId(`notification:${username}:${key}`),
    zoneId,
    userId: user(username),
    kind,
    params,
    entityType,
    entityId,
    readAt: read ? new Date(clock().getTime() - (hoursAgo - 1) * 3_600_000) : null,
    createdAt: new Date(clock().getTime() - hoursAgo * 3_600_000),
  });
  const blockerTitle = (key: string) => demoBlockers.find((b) => b.key === key)!.title;
  const escalated = (key: string, level: BlockerLevel) => ({ title: blockerTitle(key), level, on: addDays(today, -1), automatic: 1 });
  const assigned = (key: string) => {
    const d = decisionsOfLastMeeting.find((x) => x.key === key)!;
    return { task: d.task, meetingTitle: lastTitle, deadlineOn: addDays(today, d.deadlineIn) };
  };
  const blocker = (key: string) => demoId(`blocker:${key}`);
  await tx
    .insert(notifications)
    .values([
      note('leader', 'cold-chain-land', 'blocker.escalated', escalated('cold-chain-land', 'main_leader'), 'blocker', blocker('cold-chain-land'), false, 24),
      note('leader', 'pv2-power', 'blocker.escalated', escalated('pv2-power', 'meeting'), 'blocker', blocker('pv2-power'), true, 72),
      note('deputy', 'casting-customs', 'blocker.escalated', escalated('casting-customs', 'leader'), 'blocker', blocker('casting-customs'), false, 20),
      note('projects', 'd3', 'decision.assigned', assigned('d3'), 'meeting', lastId, false, 120),
      note(
        'projects',
        'beidou-road',
        'blocker.resolved',
        { title: blockerTitle('beidou-road'), resolution: demoBlockers.find((b) => b.key === 'beidou-road')!.resolution! },
        'blocker',
        blocker('beidou-road'),
        true,
        400,
      ),
      note('agent', 'd4', 'decision.assigned', assigned('d4'), 'meeting', lastId, false, 120),
      note(
        'agent',
        'quartz-eia',
        'blocker.assigned',
        { title: blockerTitle('quartz-eia'), deadlineOn: addDays(today, 6) },
        'blocker',
        blocker('quartz-eia'),
        true,
        480,
      ),
    ]);
  return { blockers: demoBlockers.length, meetings: 2 };
}

/**
 * Dispatch (调度) vocabularies, shared by the schema, the contract, the documents and the web.
 * Keys are English; the Chinese term is the label users see.
 */

export const blockerCategories = [
  'land', // 土地
  'planning', // 规划
  'environment', // 环评
  'utilities', // 水电路气讯
  'funding', // 资金
  'approval', // 审批
  'labour', // 用工
  'other', // 其他
] as const;
export type BlockerCategory = (typeof blockerCategories)[number];

/** Escalation levels, lowest first. */
export const blockerLevels = [
  'task_force', // 专班
  'leader', // 包联领导
  'meeting', // 周调度会
  'main_leader', // 主要领导
] as const;
export type BlockerLevel = (typeof blockerLevels)[number];

export const blockerStatuses = [
  'open', // 待解决
  'resolving', // 推进中
  'resolved', // 已销号
] as const;
export type BlockerStatus = (typeof blockerStatuses)[number];

export const blockerEventKinds = ['raised', 'updated', 'escalated', 'reassigned', 'status', 'resolved', 'reopened'] as const;
export type BlockerEventKind = (typeof blockerEventKinds)[number];

export const meetingStatuses = ['draft', 'open', 'closed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const agendaItemKinds = [
  'red_project', // 亮红灯项目
  'responsibility_gap', // 责任未落实的重点项目（黄灯）
  'slipped_project', // 节点滞后项目
  'overdue_blocker', // 超期堵点
  'escalated_blocker', // 提请调度会协调的堵点
  'open_decision', // 上次会议未完成事项
  'other', // 其他议题
] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

export const decisionStatuses = ['open', 'done', 'cancelled'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** 三个一批: 签约一批, 开工一批, 投产一批. */
export const campaignBatches = ['sign', 'start', 'production'] as const;
export type CampaignBatch = (typeof campaignBatches)[number];

type Label = [zh: string, en: string];
export const blockerCategoryLabels: Record<BlockerCategory, Label> = {
  land: ['土地', 'Land'],
  planning: ['规划', 'Planning'],
  environment: ['环评', 'Environment'],
  utilities: ['水电路气讯', 'Utilities'],
  funding: ['资金', 'Funding'],
  approval: ['审批', 'Approvals'],
  labour: ['用工', 'Labour'],
  other: ['其他', 'Other'],
};
export const blockerLevelLabels: Record<BlockerLevel, Label> = {
  task_force: ['专班', 'Task force'],
  leader: ['包联领导', 'Leader in charge'],
  meeting: ['周调度会', 'Weekly meeting'],
  main_leader: ['主要领导', 'Main leader'],
};
export const blockerStatusLabels: Record<BlockerStatus, Label> = {
  open: ['待解决', 'Open'],
  resolving: ['推进中', 'Resolving'],
  resolved: ['已销号', 'Resolved'],
};
export const meetingStatusLabels: Record<MeetingStatus, Label> = {
  draft: ['筹备中', 'Draft'],
  open: ['进行中', 'In session'],
  closed: ['已结束', 'Closed'],
};
export const agendaItemKindLabels: Record<AgendaItemKind, Label> = {
  red_project: ['亮红灯项目', 'Red-flag project'],
  responsibility_gap: ['责任未落实项目', 'Key project without its responsibility'],
  slipped_project: ['节点滞后项目', 'Slipped project'],
  overdue_blocker: ['超期堵点', 'Overdue blocker'],
  escalated_blocker: ['提请调度会协调', 'Escalated to the meeting'],
  open_decision: ['上次会议未完成事项', 'Open decision of the last meeting'],
  other: ['其他议题', 'Other item'],
};
export const decisionStatusLabels: Record<DecisionStatus, Label> = {
  open: ['办理中', 'Open'],
  done: ['已办结', 'Done'],
  cancelled: ['已撤销', 'Cancelled'],
};
export const campaignBatchLabels: Record<CampaignBatch, Label> = {
  sign: ['签约一批', 'Signing batch'],
  start: ['开工一批', 'Start batch'],
  production: ['投产一批', 'Production batch'],
};

/** Dispatch's value labels by group: the web's label hook and the audit log's value words read them here. */
export const dispatchValueLabels = {
  category: blockerCategoryLabels,
  level: blockerLevelLabels,
  status: blockerStatusLabels,
  meetingStatus: meetingStatusLabels,
  agendaKind: agendaItemKindLabels,
  decisionStatus: decisionStatusLabels,
  batch: campaignBatchLabels,
} as const;

/** The next level up, or undefined at the top (主要领导). */
export function nextLevel(level: BlockerLevel): BlockerLevel | undefined {
  return blockerLevels[blockerLevels.indexOf(level) + 1];
}

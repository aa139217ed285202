/**
 * A project's stages, lights and 亮灯原因 in both languages (zh-CN first): the few words the 驾驶舱
 * needs, apart from the whole audit vocabulary (audit-labels.ts, which uses them too), so a first
 * page imports only these.
 */
export type LabelPair = readonly [zh: string, en: string];

export const projectStageLabels: Record<string, LabelPair> = {
  planning: ['谋划储备', 'Planning'],
  signed: ['签约', 'Signed'],
  land: ['供地', 'Land'],
  approval: ['审批', 'Approvals'],
  started: ['开工', 'Started'],
  construction: ['在建', 'Construction'],
  completed: ['竣工', 'Completed'],
  production: ['投产', 'Production'],
  full_production: ['达产', 'Full production'],
};

export const projectFlagLabels: Record<string, LabelPair> = { green: ['绿灯', 'Green'], yellow: ['黄灯', 'Yellow'], red: ['红灯', 'Red'] };

/** A project's 亮灯原因, named by their code. */
export const flagReasonLabels: Record<string, LabelPair> = {
  milestone_overdue: ['节点滞后', 'Milestone overdue'],
  investment_behind: ['投资进度滞后', 'Investment behind'],
  report_missing: ['未按期填报', 'Report missing'],
};

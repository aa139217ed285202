/** The words of the projects domain: stages, natures, levels, flags and the dates each stage needs. */
import { z } from 'zod';

/** 项目阶段, in order: 谋划/储备 → 签约 → 供地 → 审批 → 开工 → 在建 → 竣工 → 投产 → 达产. */
export const projectStages = [
  'planning', // 谋划/储备
  'signed', // 签约
  'land', // 供地
  'approval', // 审批
  'started', // 开工
  'construction', // 在建
  'completed', // 竣工
  'production', // 投产
  'full_production', // 达产
] as const;
export type ProjectStage = (typeof projectStages)[number];

/** 建设性质: 新建/续建/扩建/技改. */
export const projectNatures = ['new', 'continued', 'expansion', 'upgrade'] as const;
/** 项目级别: 省/市/县/区重点, or none. */
export const projectLevels = ['province', 'city', 'county', 'district', 'none'] as const;
/** 红黄绿灯. */
/** Levels whose projects must name a 包联领导, a 责任单位 and a 责任人 (省重点, 市重点): a missing one turns the flag yellow. */
export const responsibilityLevels: readonly (typeof projectLevels)[number][] = ['province', 'city'];
/** The responsibility fields a key project must have. */
export const responsibilityFields = ['leaderUserId', 'departmentId', 'officerUserId'] as const;
/** Roles a 包联领导 may have (a leader of the zone, or an administrator). */
export const leaderRoles = ['zone_leader', 'deputy_leader', 'system_admin'] as const;
/** Roles that can carry a 责任人's or a 专班 member's work: anyone but the read-only accounts. */
export const responsibleRoles = [
  'zone_leader',
  'deputy_leader',
  'investment_officer',
  'project_officer',
  'approval_agent',
  'service_officer',
  'system_admin',
] as const;
export const projectFlags = ['green', 'yellow', 'red'] as const;
export type ProjectFlag = (typeof projectFlags)[number];

/** The date each stage needs before it can be entered (a jump needs those of every stage passed). */
export const stageGates: Record<
  ProjectStage,
  readonly ('investorEnterpriseId' | 'signedOn' | 'landOn' | 'startOn' | 'completedOn' | 'productionOn' | 'fullProductionOn')[]
> = {
  planning: [],
  signed: ['investorEnterpriseId', 'signedOn'],
  land: ['landOn'],
  approval: [],
  started: ['startOn'],
  construction: [],
  completed: ['completedOn'],
  production: ['productionOn'],
  full_production: ['fullProductionOn'],
};
/** Stages in which a project files progress reports (a missing one can turn the flag). */
export const reportingStages: readonly ProjectStage[] = ['signed', 'land', 'approval', 'started', 'construction', 'completed', 'production'];

export const flagReasonSchema = z.object({
  code: z.enum(['milestone_overdue', 'investment_behind', 'report_missing', 'responsibility_missing']),
  level: z.enum(['yellow', 'red']),
  milestone: z.string().optional().describe('milestone_overdue: the earliest overdue node'),
  days: z.number().int().optional().describe('milestone_overdue: days overdue'),
  points: z.number().optional().describe('investment_behind: time progress minus % of annual plan done, in percentage points'),
  periodStart: z.string().optional().describe('report_missing: the period not reported'),
  missing: z.array(z.enum(responsibilityFields)).optional().describe('responsibility_missing: the fields a 省/市重点 project lacks'),
});
export type FlagReason = z.infer<typeof flagReasonSchema>;

/** Settings of the projects domain: milestone and approval templates, the flag rule. */
import { z } from 'zod';
import { actionsSchema, uuidSchema, versionSchema } from '../common.ts';
import { projectStages } from './vocabulary.ts';

export const templateMilestoneSchema = z.object({
  name: z.string().trim().min(1).max(32),
  stage: z.enum(projectStages).nullable().optional().describe('The stage this node marks: entering it fills the actual date'),
});
export type TemplateMilestone = z.infer<typeof templateMilestoneSchema>;
export const templateApprovalSchema = z.object({
  name: z.string().trim().min(1).max(64),
  agency: z.string().trim().max(64).nullable().optional(),
  statutoryDays: z.number().int().min(0).max(999).nullable().optional().describe('法定时限, working days'),
  promisedDays: z.number().int().min(0).max(999).nullable().optional().describe('承诺时限, working days'),
});
export type TemplateApproval = z.infer<typeof templateApprovalSchema>;

/** Used when neither the zone nor the global template has been saved. */
export const builtinMilestones: TemplateMilestone[] = [
  { name: '注册', stage: null },
  { name: '摘牌/供地', stage: 'land' },
  { name: '规划许可', stage: null },
  { name: '施工许可', stage: null },
  { name: '开工', stage: 'started' },
  { name: '主体封顶', stage: null },
  { name: '设备进场', stage: null },
  { name: '竣工', stage: 'completed' },
  { name: '投产', stage: 'production' },
  { name: '达产', stage: 'full_production' },
];
export const builtinApprovals: TemplateApproval[] = [
  { name: '企业投资项目备案', agency: '行政审批局', statutoryDays: 5, promisedDays: 1 },
  { name: '建设用地规划许可证', agency: '自然资源局', statutoryDays: 20, promisedDays: 3 },
  { name: '不动产权证书（土地）', agency: '不动产登记中心', statutoryDays: 30, promisedDays: 5 },
  { name: '环境影响评价审批', agency: '生态环境局', statutoryDays: 60, promisedDays: 15 },
  { name: '节能审查', agency: '行政审批局', statutoryDays: 20, promisedDays: 5 },
  { name: '安全条件审查', agency: '应急管理局', statutoryDays: 20, promisedDays: 5 },
  { name: '水土保持方案审批', agency: '水利局', statutoryDays: 20, promisedDays: 5 },
  { name: '建设工程规划许可证', agency: '自然资源局', statutoryDays: 20, promisedDays: 3 },
  { name: '施工图审查', agency: '住建局', statutoryDays: 15, promisedDays: 5 },
  { name: '消防设计审查', agency: '住建局', statutoryDays: 15, promisedDays: 5 },
  { name: '人防设计审查', agency: '人防办', statutoryDays: 10, promisedDays: 2 },
  { name: '防雷装置设计审核', agency: '气象局', statutoryDays: 20, promisedDays: 5 },
  { name: '建筑工程施工许可证', agency: '住建局', statutoryDays: 7, promisedDays: 1 },
];

export const templatesQuery = z.object({ zoneId: uuidSchema.optional().describe('Absent: the global template') });
export const templatesSchema = z.object({
  zoneId: z.string().nullable(),
  source: z.enum(['zone', 'global', 'builtin']).describe('Where the lists shown come from'),
  milestones: z.array(templateMilestoneSchema),
  approvals: z.array(templateApprovalSchema),
  version: z.number().int().nullable().describe("The saved row's version at this scope; null when none is saved"),
  actions: actionsSchema,
});
export const putTemplatesBody = z.object({
  zoneId: uuidSchema.nullable(),
  version: versionSchema.optional().describe('Required when this scope has a saved template'),
  milestones: z.array(templateMilestoneSchema).min(1).max(50),
  approvals: z.array(templateApprovalSchema).max(60),
});

export const flagRuleFields = z.object({
  milestoneYellowDays: z.number().int().min(1).max(365).describe('An open node overdue this many days or more: yellow'),
  milestoneRedDays: z.number().int().min(1).max(365).describe('… this many days or more: red'),
  investmentYellowPoints: z.number().int().min(1).max(100).describe('Time progress of the year minus % of annual plan done, points: yellow'),
  investmentRedPoints: z.number().int().min(1).max(100),
  missingReportFlag: z.enum(['off', 'yellow', 'red']).describe('Flag when the last ended period has no report after the grace days'),
  reportGraceDays: z.number().int().min(0).max(60),
  landToStartStatutoryDays: z.number().int().min(1).max(999).default(107).describe('供地到开工 法定 working days the phases are compared with (default 107)'),
  landToStartPromisedDays: z.number().int().min(1).max(999).nullable().default(null).describe("供地到开工: the zone's promise, working days (none by default)"),
  immediateStartDays: z
    .number()
    .int()
    .min(0)
    .max(999)
    .default(30)
    .describe('拿地即开工: a start within this many working days of the land (default 30)'),
});
export type FlagRule = z.infer<typeof flagRuleFields>;
export const defaultFlagRule: FlagRule = {
  milestoneYellowDays: 1,
  milestoneRedDays: 30,
  investmentYellowPoints: 10,
  investmentRedPoints: 25,
  missingReportFlag: 'yellow',
  reportGraceDays: 5,
  landToStartStatutoryDays: 107,
  landToStartPromisedDays: null,
  immediateStartDays: 30,
};
export const flagRuleSchema = flagRuleFields.extend({
  zoneId: z.string().nullable(),
  source: z.enum(['zone', 'global', 'builtin']),
  version: z.number().int().nullable(),
  actions: actionsSchema,
});
export const putFlagRuleBody = flagRuleFields.extend({ zoneId: uuidSchema.nullable(), version: versionSchema.optional() });

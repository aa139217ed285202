import { z } from 'zod';

/** Project stages in pipeline order (项目阶段): planning/reserve → signed → land → approvals → started → under construction → completed → in production → at capacity. */
export const PROJECT_STAGES = ['谋划/储备', '签约', '供地', '审批', '开工', '在建', '竣工', '投产', '达产'] as const;

/** Lead stages in pipeline order (招商线索阶段): clue → contact → intent → framework agreement → investment agreement → registered. */
export const LEAD_STAGES = ['线索', '接洽', '意向', '框架协议', '正式签约', '注册落地'] as const;

/** Issue categories (堵点类别): land, planning, environmental assessment, utilities (water/power/road/gas/telecom), funding, approvals, labour, other. */
export const ISSUE_CATEGORIES = ['土地', '规划', '环评', '水电路气讯', '资金', '审批', '用工', '其他'] as const;

export const spanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('Character span [start, end) in the original input text');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/)
  .describe('ISO date, YYYY-MM or YYYY-MM-DD');
const wan = (what: string) => z.number().describe(`${what}, in 万元 (10,000 yuan)`);

export const intakeIssueSchema = z.object({
  text: z.string().describe('The problem as written, normalised'),
  category: z.enum(ISSUE_CATEGORIES),
  span: spanSchema,
});

export const capacitySchema = z.object({
  value: z.number().describe('Annual capacity as written, e.g. 5 for 年产5万吨'),
  unit: z.string().describe('Unit as written, e.g. 万吨, 台套, GWh'),
});

const projectFields = {
  name: z.string(),
  investor: z.string().optional().describe('Investor enterprise (投资主体)'),
  total_investment_wan: wan('Total investment (总投资)').optional(),
  phase1_investment_wan: wan('Phase-one investment (一期投资)').optional(),
  invested_to_date_wan: wan('Investment completed to date (累计完成投资)').optional(),
  output_value_wan: wan('Annual output value at capacity (产值)').optional(),
  tax_wan: wan('Annual tax (税收)').optional(),
  land_mu: z.number().optional().describe('Land in 亩'),
  area_m2: z.number().optional().describe('Floor or site area in m²'),
  capacity: capacitySchema.optional(),
  percent_complete: z.number().optional().describe('Physical progress in percent (形象进度)'),
  started: isoDate.optional().describe('Actual construction start (开工)'),
  planned_start: isoDate.optional().describe('Planned construction start'),
  planned_production: isoDate.optional().describe('Planned start of production (投产)'),
  stage: z.enum(PROJECT_STAGES).optional(),
  issues: z.array(intakeIssueSchema).optional(),
};
type ProjectFieldName = Exclude<keyof typeof projectFields, 'issues'>;

const leadFields = {
  enterprise: z.string(),
  project_name: z.string().optional().describe('What the enterprise intends to build, when named'),
  planned_investment_wan: wan('Planned investment (计划投资)').optional(),
  phase1_investment_wan: wan('Phase-one investment (一期投资)').optional(),
  stage: z.enum(LEAD_STAGES).optional(),
  signed: isoDate.optional().describe('Agreement date'),
  planned_start: isoDate.optional(),
  planned_production: isoDate.optional(),
  next_step: z.string().optional().describe('Next step as written (下一步), e.g. 4月中旬开展实地考察'),
  next_step_date: isoDate.optional(),
};
type LeadFieldName = keyof typeof leadFields;

const spansOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, spanSchema.optional()])) as Record<K, z.ZodOptional<typeof spanSchema>>);

const projectFieldNames = Object.keys(projectFields).filter((k) => k !== 'issues') as ProjectFieldName[];
const leadFieldNames = Object.keys(leadFields) as LeadFieldName[];

export const intakeProjectSchema = z.object({
  ...projectFields,
  span: spanSchema.describe('Where the project is described'),
  spans: spansOf(projectFieldNames).describe('Where each field came from'),
});

export const intakeLeadSchema = z.object({
  ...leadFields,
  span: spanSchema.describe('Where the lead is described'),
  spans: spansOf(leadFieldNames).describe('Where each field came from'),
});

export const intakeFigureSchema = z.object({
  what: z.string().describe('Label, e.g. 对接企业数, 签约总额(万元)'),
  value: z.number(),
  unit: z.string().describe('个, 家, 次, 万元, % ...'),
  span: spanSchema,
});

export const intakeResultSchema = z.object({
  reference_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('Date relative dates were resolved against'),
  zone: z.string().nullable().describe('Development zone the text names (开发区)'),
  zone_span: spanSchema.nullable(),
  projects: z.array(intakeProjectSchema),
  leads: z.array(intakeLeadSchema),
  figures: z.array(intakeFigureSchema),
});

export type Span = z.infer<typeof spanSchema>;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type LeadStage = (typeof LEAD_STAGES)[number];
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
export type IntakeIssue = z.infer<typeof intakeIssueSchema>;
export type IntakeProject = z.infer<typeof intakeProjectSchema>;
export type IntakeLead = z.infer<typeof intakeLeadSchema>;
export type IntakeFigure = z.infer<typeof intakeFigureSchema>;
export type IntakeResult = z.infer<typeof intakeResultSchema>;

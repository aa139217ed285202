import { z } from 'zod';
import { isoDate, uuidSchema, versionSchema } from './common.ts';
import { defineOperation, multipartBody } from './operation.ts';
import { leadStages, stageLabels, type LeadStage } from './pipeline-enums.ts';
import { projectStages, type ProjectStage } from './projects.ts';
import { defineReasons } from './reasons.ts';

// ---- What the reader returns: the result of `POST /api/intake/read` (and of `zonedesk extract`). The
// reader (src/server/modules/intake/reader) produces it; the contract owns its shape.

// Stages are the keys of the projects and leads modules (projectStages, leadStages), as everywhere else.
export { leadStages, projectStages, type LeadStage, type ProjectStage };

/** The words a text uses for each project stage (项目阶段): what the reader looks for, and the CLI prints. */
export const projectStageWords: Record<ProjectStage, string> = {
  planning: '谋划/储备',
  signed: '签约',
  land: '供地',
  approval: '审批',
  started: '开工',
  construction: '在建',
  completed: '竣工',
  production: '投产',
  full_production: '达产',
};

/** The words a text uses for each lead stage (招商线索阶段). */
export const leadStageWords: Record<LeadStage, string> = Object.fromEntries(leadStages.map((k) => [k, stageLabels[k][0]])) as Record<LeadStage, string>;

/** Issue categories (堵点类别): land, planning, environmental assessment, utilities (water/power/road/gas/telecom), funding, approvals, labour, other. */
export const ISSUE_CATEGORIES = ['土地', '规划', '环评', '水电路气讯', '资金', '审批', '用工', '其他'] as const;

export const spanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('Character span [start, end) in the original input text');

const readDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/)
  .describe('ISO date, YYYY-MM or YYYY-MM-DD');
const readWan = (what: string) => z.number().describe(`${what}, in 万元 (10,000 yuan)`);

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
  total_investment_wan: readWan('Total investment (总投资)').optional(),
  phase1_investment_wan: readWan('Phase-one investment (一期投资)').optional(),
  invested_to_date_wan: readWan('Investment completed to date (累计完成投资)').optional(),
  output_value_wan: readWan('Annual output value at capacity (产值)').optional(),
  tax_wan: readWan('Annual tax (税收)').optional(),
  land_mu: z.number().optional().describe('Land in 亩'),
  area_m2: z.number().optional().describe('Floor or site area in m²'),
  capacity: capacitySchema.optional(),
  percent_complete: z.number().optional().describe('Physical progress in percent (形象进度)'),
  started: readDate.optional().describe('Actual construction start (开工)'),
  planned_start: readDate.optional().describe('Planned construction start'),
  planned_production: readDate.optional().describe('Planned start of production (投产)'),
  stage: z.enum(projectStages).optional().describe('The most advanced stage the text states as done (projects module key)'),
  issues: z.array(intakeIssueSchema).optional(),
};
type ProjectFieldName = Exclude<keyof typeof projectFields, 'issues'>;

const leadFields = {
  enterprise: z.string(),
  project_name: z.string().optional().describe('What the enterprise intends to build, when named'),
  planned_investment_wan: readWan('Planned investment (计划投资)').optional(),
  phase1_investment_wan: readWan('Phase-one investment (一期投资)').optional(),
  stage: z.enum(leadStages).optional().describe("The stage the lead's words state (leads module key)"),
  signed: readDate.optional().describe('Agreement date'),
  planned_start: readDate.optional(),
  planned_production: readDate.optional(),
  next_step: z.string().optional().describe('Next step as written (下一步), e.g. 4月中旬开展实地考察'),
  next_step_date: readDate.optional(),
};
type LeadFieldName = keyof typeof leadFields;

const spansOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, spanSchema.optional()])) as Record<K, z.ZodOptional<typeof spanSchema>>);

const projectFieldNames = Object.keys(projectFields).filter((k) => k !== 'issues') as ProjectFieldName[];
const leadFieldNames = Object.keys(leadFields) as LeadFieldName[];

/** How an amount was qualified: 近/约/余/超 (approx), 5-8亿元 (range), 以上/以内 (bound), 力争/不少于 (target), 美元 (foreign). */
export const inexactKinds = ['approx', 'range', 'bound', 'target', 'foreign'] as const;
export type InexactKind = (typeof inexactKinds)[number];

export const intakeInexactSchema = z.object({
  field: z.string().describe('The field it would fill, e.g. total_investment_wan'),
  written: z.string().describe('As written, e.g. 近10亿元'),
  kind: z.enum(inexactKinds),
  value: z.number().describe('The number (lower end of a range), in `unit`'),
  max: z.number().optional().describe('Upper end of a range'),
  unit: z.string().describe('万元, 万美元 ...'),
  span: spanSchema,
});
export type IntakeInexact = z.infer<typeof intakeInexactSchema>;

const articleIndex = z.number().int().nonnegative().optional().describe('Index into `articles` of the report it was read from');

export const intakeProjectSchema = z.object({
  ...projectFields,
  inexact: z.array(intakeInexactSchema).optional().describe('Approximate, ranged or foreign amounts: kept apart, never in an exact field'),
  article: articleIndex,
  span: spanSchema.describe('Where the project is described'),
  spans: spansOf(projectFieldNames).describe('Where each field came from'),
});

export const intakeLeadSchema = z.object({
  ...leadFields,
  inexact: z.array(intakeInexactSchema).optional(),
  article: articleIndex,
  span: spanSchema.describe('Where the lead is described'),
  spans: spansOf(leadFieldNames).describe('Where each field came from'),
});

export const intakeFigureSchema = z.object({
  what: z.string().describe('Label, e.g. 对接企业数, 签约总额(万元), 规上工业总产值同比增长(%)'),
  value: z.number(),
  unit: z.string().describe('个, 家, 次, 万元, % ...'),
  from: z.number().optional().describe('The earlier value of 由 X 增加到 Y (value is Y)'),
  period: z.string().optional().describe('When the figure holds: YYYY, YYYY-MM, YYYY-MM-DD or FROM/TO'),
  from_period: z.string().optional().describe('When `from` held'),
  qualifier: z.enum(inexactKinds).optional().describe('Set when the number is approximate, a range (value = lower end) or a bound'),
  max: z.number().optional(),
  article: articleIndex,
  span: spanSchema,
});

/** A trip (外出招商) a report tells: destination, leader, dates, and its results by enterprise (家). */
export const intakeTripSchema = z.object({
  destination: z.string(),
  leader: z.string().optional(),
  start: readDate.optional(),
  end: readDate.optional(),
  visited: z.number().optional().describe('对接/走访企业 N 家'),
  signed: z.number().optional().describe('签约 N 家'),
  framework: z.number().optional().describe('框架协议 N 家'),
  intent: z.number().optional().describe('意向 N 家'),
  enterprises: z.array(z.string()).describe('The enterprises of its report read as leads'),
  article: articleIndex,
  span: spanSchema,
});
export type IntakeTrip = z.infer<typeof intakeTripSchema>;

/** One report of a page (a whole text is one article when it is not a page of several). */
export const intakeArticleSchema = z.object({
  zone: z.string().nullable().describe('The zone the report is about, as written (大同经开区)'),
  zone_span: spanSchema.nullable(),
  zone_full: z.string().nullable().describe('The full name printed with it (山西大同经济技术开发区)'),
  headline: z.string().nullable(),
  reporter: z.string().nullable(),
  span: spanSchema,
});
export type IntakeArticle = z.infer<typeof intakeArticleSchema>;

export const intakeResultSchema = z.object({
  reference_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('Date relative dates were resolved against'),
  zone: z.string().nullable().describe('Development zone the text names (开发区)'),
  zone_span: spanSchema.nullable(),
  articles: z.array(intakeArticleSchema).describe('The reports of the page, each with its own zone'),
  projects: z.array(intakeProjectSchema),
  leads: z.array(intakeLeadSchema),
  figures: z.array(intakeFigureSchema),
  trips: z.array(intakeTripSchema),
});

export type Span = z.infer<typeof spanSchema>;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
export type IntakeIssue = z.infer<typeof intakeIssueSchema>;
export type IntakeProject = z.infer<typeof intakeProjectSchema>;
export type IntakeLead = z.infer<typeof intakeLeadSchema>;
export type IntakeFigure = z.infer<typeof intakeFigureSchema>;
export type IntakeResult = z.infer<typeof intakeResultSchema>;

// ---- Review, match and commit.

/** Bytes a file or a pasted text may have (10 MB). */
export const INTAKE_MAX_BYTES = 10 * 1024 * 1024;

export const intakeFormats = ['paste', 'txt', 'docx', 'pdf'] as const;
export type IntakeSourceFormat = (typeof intakeFormats)[number];

defineReasons({
  intake_exists_now: ['该记录已被他人录入，请重新匹配', 'someone has saved this record meanwhile; match again'],
  intake_target_changed: ['匹配到的记录已变化，请重新匹配', 'the matched record changed; match again'],
  intake_total_required: ['新建项目需要总投资', 'a new project needs its total investment'],
  intake_duplicate_key: ['同一条目重复提交', 'the same item was sent twice'],
  intake_one_file: ['一次只能上传一个文件', 'upload one file at a time'],
  intake_zone_mismatch: ['文中所写园区与所选园区不一致，请确认', 'the text names another zone than the one chosen; confirm the zone'],
  intake_progress_required: ['进度填报需要累计完成投资或形象进度', 'a progress report needs the investment to date or the % complete'],
});

const ZONE_SUFFIX = /(?:经济技术开发区|高新技术产业开发区|经济开发区|综合改革示范区|综改示范区|经开区|高新区|开发区|综改区|新区)$/;
const zoneCore = (n: string) => n.replace(/\s+/g, '').replace(/^(?:山西省?|[\u4e00-\u9fa5]{2,3}省)(?=[\u4e00-\u9fa5]{2})/, '').replace(ZONE_SUFFIX, '');

/**
 * Whether the zone a text names (大同经开区, 山西大同经济技术开发区) is this zone: the place names agree once the
 * zone-kind suffix is set aside (河津开发区 = 河津经济技术开发区 = 河津经开区). Used by the web and by commit.
 */
export function zoneNameMatches(read: string | null | undefined, zone: { name: string; shortName: string }): boolean {
  if (!read) return false;
  const r = zoneCore(read);
  return r.length >= 2 && [zone.name, zone.shortName].some((n) => zoneCore(n) === r);
}

export const intakeReadBody = z.object({
  text: z.string().describe('The text to read, as pasted (≤ 10 MB)'),
  referenceDate: isoDate.optional().describe('Date relative dates resolve against; default today (Beijing)'),
});

export const intakeReadResponse = z.object({
  text: z.string().describe('The text the spans index into: as pasted, or as extracted from the uploaded file'),
  normalisedText: z.string().describe('The same text normalised (widths, page furniture, joined lines), for reading'),
  format: z.enum(intakeFormats),
  fileName: z.string().nullable(),
  result: intakeResultSchema,
});
export type IntakeReadResponse = z.infer<typeof intakeReadResponse>;

const wan = (what: string) => z.number().min(0).max(1e10).optional().describe(`${what}, 万元`);
const monthOrDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'date_format')
  .describe('YYYY-MM or YYYY-MM-DD');
const creditCode = z.string().trim().max(24).optional().describe('统一社会信用代码, when the reviewer adds it: matched before the name');

/** A project fact as the reviewer accepted it (possibly edited). */
export const reviewedProjectSchema = z.object({
  key: z.string().min(1).max(40).describe('Client key, echoed in the proposal'),
  name: z.string().trim().min(4).max(100),
  investor: z.string().trim().min(2).max(100).optional(),
  investor_credit_code: creditCode,
  total_investment_wan: wan('总投资'),
  phase1_investment_wan: wan('一期投资'),
  invested_to_date_wan: wan('累计完成投资'),
  output_value_wan: wan('达产产值'),
  tax_wan: wan('税收'),
  land_mu: z.number().min(0).max(1_000_000).optional(),
  area_m2: z.number().min(0).max(100_000_000).optional(),
  capacity: capacitySchema.optional(),
  percent_complete: z.number().min(0).max(100).optional(),
  started: monthOrDay.optional(),
  planned_start: monthOrDay.optional(),
  planned_production: monthOrDay.optional(),
  stage: z.enum(projectStages).optional().describe('The stage to write; a new project needs the gate dates of the stages up to it'),
  signed_on: isoDate.optional().describe('签约日期 (gate of 签约)'),
  land_on: isoDate.optional().describe('供地日期 (gate of 供地)'),
  completed_on: isoDate.optional().describe('竣工日期'),
  production_on: isoDate.optional().describe('投产日期'),
  full_production_on: isoDate.optional().describe('达产日期'),
});
export type ReviewedProject = z.infer<typeof reviewedProjectSchema>;

/** A lead fact as the reviewer accepted it. */
export const reviewedLeadSchema = z.object({
  key: z.string().min(1).max(40),
  enterprise: z.string().trim().min(2).max(100),
  enterprise_credit_code: creditCode,
  project_name: z.string().trim().min(2).max(100).optional(),
  planned_investment_wan: wan('计划投资'),
  phase1_investment_wan: wan('一期投资'),
  stage: z.enum(leadStages).optional(),
  signed: monthOrDay.optional(),
  planned_start: monthOrDay.optional(),
  planned_production: monthOrDay.optional(),
  next_step: z.string().trim().max(200).optional(),
  next_step_date: monthOrDay.optional(),
});
export type ReviewedLead = z.infer<typeof reviewedLeadSchema>;

export const intakeMatchBody = z.object({
  zoneId: uuidSchema.describe('The zone the records belong to; only its records are matched'),
  referenceDate: isoDate.optional().describe("The text's reference date: a progress read is reported for its period (default today, Beijing)"),
  projects: z.array(reviewedProjectSchema).max(100),
  leads: z.array(reviewedLeadSchema).max(100),
});

/** Fields a proposal may set; money is in yuan on the wire out. */
export const intakeFields = [
  'name',
  'investor',
  'totalInvestment',
  'landMu',
  'floorAreaM2',
  'capacity',
  'expectedOutput',
  'expectedTax',
  'startOn',
  'plannedStartYear',
  'stage',
  'enterprise',
  'plannedInvestment',
  'nextStep',
  'nextStepOn',
  'signedOn',
  'landOn',
  'completedOn',
  'productionOn',
  'fullProductionOn',
  'phase1',
  'investedToDate',
  'percentComplete',
] as const;
export type IntakeField = (typeof intakeFields)[number];

const valueSchema = z.union([z.string(), z.number(), z.null()]);
export const intakeChangeSchema = z.object({
  field: z.enum(intakeFields),
  kind: z.enum(['money', 'number', 'text', 'date', 'year', 'stage']).describe('money: integer yuan; stage: the module stage key'),
  current: valueSchema.describe('The value now; null for a new record or an empty field'),
  proposed: valueSchema,
});
export type IntakeChange = z.infer<typeof intakeChangeSchema>;

/** Facts that were read but are not saved by this step, and why (a key the web translates). */
export const intakeNoteSchema = z.object({
  field: z.string(),
  reason: z.enum([
    'stage_not_applied',
    'draft_stage',
    'lead_stage_needs_agreement',
    'progress_via_report',
    'no_field',
    'month_only',
    'total_missing',
    'investor_kept',
    'agreement_to_attach',
    'gate_dates_needed',
    'period_reported',
    'later_period_reported',
    'cumulative_backwards',
    'report_without_amount',
  ]),
  value: z.string().optional().describe('The value read, as text (a stage as its module key)'),
});

export const intakeProposalSchema = z.object({
  key: z.string(),
  kind: z.enum(['project', 'lead']),
  action: z.enum(['create', 'update', 'none']).describe('none: the record exists and nothing differs'),
  name: z.string(),
  target: z
    .object({ id: z.string(), name: z.string(), version: z.number().int(), stage: z.string(), matchedBy: z.enum(['name', 'enterprise']) })
    .nullable()
    .describe('The existing record in the zone this fact updates'),
  enterprise: z
    .object({ id: z.string().nullable(), name: z.string(), creditCode: z.string().nullable(), matchedBy: z.enum(['credit_code', 'name']).nullable() })
    .nullable()
    .describe('The investor (project) or the enterprise (lead): an existing record, or a new one to create (id null)'),
  changes: z.array(intakeChangeSchema),
  notes: z.array(intakeNoteSchema),
});
export type IntakeProposal = z.infer<typeof intakeProposalSchema>;

export const intakeMatchResponse = z.object({ zoneId: z.string(), proposals: z.array(intakeProposalSchema) });
export type IntakeMatchResponse = z.infer<typeof intakeMatchResponse>;

const decisionSchema = z.object({
  action: z.enum(['create', 'update']),
  targetId: uuidSchema.optional().describe('update: the record the proposal named'),
  version: versionSchema.optional().describe('update: the version the proposal showed'),
  fields: z.array(z.enum(intakeFields)).optional().describe('update: the diff rows the user accepted; default all'),
});

/** A zone figure as the reviewer confirmed it (kept in intake's table of reviewed zone figures). */
export const reviewedFigureSchema = z.object({
  key: z.string().min(1).max(40),
  what: z.string().trim().min(1).max(60).describe('Label, e.g. 规上工业总产值(万元)'),
  value: z.number().finite(),
  unit: z.string().trim().min(1).max(16),
  from: z.number().finite().optional(),
  period: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, 'period_format')
    .optional()
    .describe('YYYY, YYYY-MM, YYYY-MM-DD or FROM/TO'),
  from_period: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, 'period_format')
    .optional(),
  qualifier: z.enum(inexactKinds).optional(),
  quote: z.string().trim().max(400).default('').describe('The text it was read from'),
});
export type ReviewedFigure = z.infer<typeof reviewedFigureSchema>;

/** A trip as the reviewer confirmed it: saved as a trip of the leads module (full dates required). */
export const reviewedTripSchema = z.object({
  key: z.string().min(1).max(40),
  destination: z.string().trim().min(2).max(60),
  leader: z.string().trim().min(1).max(40),
  start: isoDate,
  end: isoDate,
  visited: z.number().int().min(0).max(100000).optional(),
  signed: z.number().int().min(0).max(100000).optional(),
  framework: z.number().int().min(0).max(100000).optional(),
  intent: z.number().int().min(0).max(100000).optional(),
  enterprises: z.array(z.string().trim().max(100)).max(50).default([]),
});
export type ReviewedTrip = z.infer<typeof reviewedTripSchema>;

export const intakeZoneFigureSchema = reviewedFigureSchema.omit({ key: true }).extend({
  id: z.string(),
  zoneId: z.string(),
  sourceId: z.string(),
  reviewedByName: z.string(),
  reviewedAt: z.string(),
});
export type IntakeZoneFigure = z.infer<typeof intakeZoneFigureSchema>;

/** One article of the page as reviewed: the zone it is written into and its facts. */
export const intakeCommitArticle = z.object({
  index: z.number().int().min(0).max(999).optional().describe("The article's index in the read result (named in errors)"),
  headline: z.string().trim().max(200).nullable().optional().describe('Its headline, as read (named in errors)'),
  zoneId: uuidSchema,
  zoneRead: z.string().trim().max(40).nullable().optional().describe('The zone the article names, as read; when it is not the chosen zone, zoneConfirmed must be true'),
  zoneConfirmed: z.boolean().optional().describe('The reviewer confirmed writing into zoneId although the text names another zone'),
  projects: z.array(reviewedProjectSchema.extend({ decision: decisionSchema })).max(100).default([]),
  leads: z.array(reviewedLeadSchema.extend({ decision: decisionSchema })).max(100).default([]),
  figures: z.array(reviewedFigureSchema).max(300).default([]).describe('Zone figures confirmed by the reviewer'),
  trips: z.array(reviewedTripSchema).max(20).default([]).describe('Trips (外出招商) to record in the leads module, with a meeting per enterprise'),
});
export type IntakeCommitArticle = z.infer<typeof intakeCommitArticle>;

/** A whole read text (a page of several zones' reports) saved at once: every article or none. */
export const intakeCommitBody = z.object({
  source: z.object({
    text: z.string().min(1).describe('The text as read, kept with the saved records (one source per zone written)'),
    referenceDate: isoDate,
    format: z.enum(intakeFormats),
    fileName: z.string().trim().max(200).nullable().optional(),
  }),
  articles: z.array(intakeCommitArticle).min(1).max(60).describe('The reviewed articles, all saved in one transaction'),
});
export type IntakeCommitBody = z.infer<typeof intakeCommitBody>;

export const intakeCommitResponse = z.object({
  sourceId: z.string().describe("The first zone's source"),
  sources: z.array(z.object({ zoneId: z.string(), sourceId: z.string() })).describe('One kept source per zone written'),
  figures: z.number().int().describe('Zone figures saved'),
  records: z.array(z.object({ kind: z.enum(['project', 'lead', 'enterprise']), id: z.string(), action: z.enum(['create', 'update']), name: z.string() })),
  trips: z.array(z.object({ id: z.string(), title: z.string(), meetings: z.number().int() })).describe('Trips saved in the leads module, with their meetings'),
  reports: z.array(z.object({ projectId: z.string(), name: z.string(), periodStart: z.string() })).describe('Progress reports filed on existing projects'),
});
export type IntakeCommitResponse = z.infer<typeof intakeCommitResponse>;

/** The upload's form: one file and its reference date. */
export const intakeReadFileFields = z.object({
  referenceDate: isoDate.optional().describe('Date relative dates resolve against; default today (Beijing)'),
});

/** Pasted text may be up to 10 MB of UTF-8; JSON escaping needs a little more. */
const textBodyLimit = INTAKE_MAX_BYTES + 2 * 1024 * 1024;
const tags = ['intake'];

/** The operations of 智能录入: read (text or file) and match save nothing; commit saves in one transaction. */
export const intakeOperations = {
  readText: defineOperation({
    method: 'POST',
    path: '/api/intake/read',
    tags,
    summary: '智能录入：读取文本 / Read a pasted text (≤ 10 MB). Nothing is saved.',
    permission: 'intake.use',
    body: intakeReadBody,
    bodyLimit: textBodyLimit,
    response: intakeReadResponse,
  }),
  readFile: defineOperation({
    method: 'POST',
    path: '/api/intake/read-file',
    tags,
    summary: '智能录入：读取文件 / Read an uploaded .txt/.docx/.pdf (≤ 10 MB). Nothing is saved.',
    description: 'multipart/form-data: `file` (one), `referenceDate` (YYYY-MM-DD, optional; send it before the file).',
    permission: 'intake.use',
    body: multipartBody,
    multipart: { fileSize: INTAKE_MAX_BYTES, files: 1, fields: 2, fieldSize: 100 },
    response: intakeReadResponse,
  }),
  match: defineOperation({
    method: 'POST',
    path: '/api/intake/match',
    tags,
    summary: '智能录入：匹配 / Propose a new draft or an update (with its diff) of an existing record of the zone for each accepted fact. Nothing is saved.',
    permission: 'intake.use',
    body: intakeMatchBody,
    response: intakeMatchResponse,
  }),
  figures: defineOperation({
    method: 'GET',
    path: '/api/intake/figures',
    tags,
    summary: '智能录入：已确认的园区数据 / Reviewed zone figures of a zone, newest first (issue 14 reads them into its statistics)',
    permission: 'intake.use',
    query: z.object({ zoneId: uuidSchema, label: z.string().max(60).optional() }),
    response: z.array(intakeZoneFigureSchema),
  }),
  commit: defineOperation({
    method: 'POST',
    path: '/api/intake/commit',
    tags,
    summary: '智能录入：保存 / Save every reviewed article of the text (each into its zone) in one transaction, with the source text; any error (a stale version 409, an invalid fact naming its article and field) saves nothing.',
    permission: 'intake.use',
    body: intakeCommitBody,
    bodyLimit: textBodyLimit,
    status: 201,
    response: intakeCommitResponse,
  }),
};

import { z } from 'zod';
import { isoDate, uuidSchema, versionSchema } from './common.ts';
import { defineReasons } from './reasons.ts';
import { capacitySchema, intakeResultSchema, LEAD_STAGES, PROJECT_STAGES } from '../server/modules/intake/intake.contract.ts';

// The reader's result shape is the contract of `POST /api/intake/read`; it lives beside the reader.
export { capacitySchema, intakeResultSchema, ISSUE_CATEGORIES, LEAD_STAGES, PROJECT_STAGES } from '../server/modules/intake/intake.contract.ts';
export type { IntakeFigure, IntakeLead, IntakeProject, IntakeResult, Span } from '../server/modules/intake/intake.contract.ts';

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
});

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
  stage: z.enum(PROJECT_STAGES).optional(),
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
  stage: z.enum(LEAD_STAGES).optional(),
  signed: monthOrDay.optional(),
  planned_start: monthOrDay.optional(),
  planned_production: monthOrDay.optional(),
  next_step: z.string().trim().max(200).optional(),
  next_step_date: monthOrDay.optional(),
});
export type ReviewedLead = z.infer<typeof reviewedLeadSchema>;

export const intakeMatchBody = z.object({
  zoneId: uuidSchema.describe('The zone the records belong to; only its records are matched'),
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
  ]),
  value: z.string().optional().describe('The value read, as text'),
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

export const intakeCommitBody = z.object({
  zoneId: uuidSchema,
  source: z.object({
    text: z.string().min(1).describe('The text as read, kept with the saved records'),
    referenceDate: isoDate,
    format: z.enum(intakeFormats),
    fileName: z.string().trim().max(200).nullable().optional(),
  }),
  projects: z.array(reviewedProjectSchema.extend({ decision: decisionSchema })).max(100),
  leads: z.array(reviewedLeadSchema.extend({ decision: decisionSchema })).max(100),
});
export type IntakeCommitBody = z.infer<typeof intakeCommitBody>;

export const intakeCommitResponse = z.object({
  sourceId: z.string(),
  records: z.array(z.object({ kind: z.enum(['project', 'lead', 'enterprise']), id: z.string(), action: z.enum(['create', 'update']), name: z.string() })),
});
export type IntakeCommitResponse = z.infer<typeof intakeCommitResponse>;

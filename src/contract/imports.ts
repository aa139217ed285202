/**
 * The staged-import engine (docs/imports.md): one upload stages a spreadsheet's rows, the columns
 * are mapped (automatically by header words; the user may override), the rows are checked into a
 * row-level report, and the import is committed in one transaction or discarded. Every importer
 * (the lead ledger, the enterprise list, the dispatch sheet) goes through these operations.
 */
import { z } from 'zod';
import { idParams, isoDateTime, uuidSchema } from './common.ts';
import { defineOperation, multipartBody } from './operation.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  import_no_header: [
    '未找到表头：请使用导出的台账模板（前 5 行内须有“项目名称”或“企业名称”列）',
    'no header row found in the first 5 rows: use the exported template (a "项目名称" or "企业名称" column)',
  ],
  import_missing_column: ['缺少必需的列', 'a required column is missing'],
  import_column_twice: ['同一字段对应了多列', 'a field is mapped to more than one column'],
  import_unknown_column: ['没有这一列或这个字段', 'no such column or field'],
  import_empty: ['表格中没有数据行', 'the sheet has no data rows'],
  import_too_many_rows: ['行数超过上限', 'too many rows'],
  import_not_xlsx: ['不是有效的 .xlsx 文件', 'not a valid .xlsx file'],
  import_file_required: ['请上传 .xlsx 文件', 'upload an .xlsx file'],
  import_unknown_kind: ['不支持的导入类型', 'unknown import kind'],
  import_has_errors: ['存在错误行：请选择“仅导入有效行”或修正后重新上传', 'some rows have errors: import the valid rows only, or fix and upload again'],
  import_not_staged: ['该导入已提交或已放弃', 'this import was already committed or discarded'],
  import_nothing_valid: ['没有可导入的有效行', 'no valid rows to import'],
  duplicate_in_file: ['与表格中前面的行重复', 'duplicates an earlier row of the file'],
  unknown_value: ['不是允许的取值', 'not one of the allowed values'],
  number_format: ['数字格式不正确', 'not a number'],
  percent_range: ['百分比应在 0–100 之间', 'percent must be between 0 and 100'],
  sheet_missing_columns: ['表头缺少必需的列', 'the header lacks required columns'],
  sheet_merged_cells: ['合并单元格：请取消合并，并在每一行填写', 'merged cells: unmerge them and fill every row'],
  sheet_too_large: ['文件过大', 'the file is too large'],
  sheet_too_large_inflated: ['文件解压后过大（可能是压缩炸弹）', 'the file inflates to too much (a zip bomb?)'],
  text_too_long: ['内容过长（不会被截断）：请缩短', 'too long (it would not be cut): shorten it'],
  money_range: ['是一个范围，请填写一个金额', 'a range: give one amount'],
  money_estimate: ['是一个估计数（约、近、超…），请填写确数', 'an estimate (约, 近, 超…): give the figure'],
  date_year_unknown: ['缺少年份，且表格未写明期间', 'no year, and the sheet states no period'],
  date_day_missing: ['只有年月，缺少日', 'a month without a day'],
  cell_formula_no_value: ['公式没有计算结果：请在 Excel 中打开并保存后再上传', 'a formula without its computed value: open and save the file in Excel, then upload again'],
  import_agreement_required: [
    '框架协议/正式签约阶段须有协议的签约日期和金额：填写“签约时间”“签约金额”，或在最新进展中写明“X月X日签订投资协议”',
    'a lead at 框架协议 or 正式签约 needs its agreement: fill 签约时间 and 签约金额, or say "X月X日签订投资协议" in the progress',
  ],
  cell_error: ['单元格是错误值（如 #REF!）', 'the cell holds an error value (such as #REF!)'],
  import_undo_window: ['已超过可撤销期限（提交后 7 天内可撤销）', 'too late to undo (an import can be undone within 7 days of its commit)'],
  import_undo_unsupported: ['此类导入不支持撤销', 'this kind of import cannot be undone'],
  import_not_committed: ['该导入尚未提交，或已撤销', 'this import is not committed, or was already undone'],
  import_name_target_required: ['请选择对应的已有记录', 'choose the existing record it stands for'],
  import_name_unknown: ['没有这个名称', 'no such name in this import'],
  import_conflicts_unresolved: [
    '有项目本期已填报的数据与表格不一致：请逐个（或全部）选择“保留已有”或“采用表格”后再导入',
    'some projects already have a report for this period with other figures: choose, for each (or all), keep the existing report or take the sheet’s',
  ],
  import_conflict_unknown: ['不是本次导入中的冲突行', 'not a conflicting row of this import'],
  years_form: ['建设年限的格式无法识别（如 2026-2027、2026.03-2026.12、2025年4月-2026年10月）', 'construction years not understood (e.g. 2026-2027, 2026.03-2026.12)'],
});

/** What can be imported: 招商线索台账, the enterprise list, 重点项目调度表. */
export const importKinds = ['leads', 'enterprises', 'project-dispatch', 'campaign-lists', 'funding-programmes', 'funding-reserve', 'hiring-posts', 'delegated-items', 'enterprise-figures', 'statistics'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importRowError = z.object({
  row: z.number().int().describe('Spreadsheet row number (1-based, as Excel shows it)'),
  sheet: z.string().optional().describe('The sheet, when the workbook has several'),
  column: z.string().describe('Column header (or the merged range)'),
  reason: z.string().describe("In the uploader's language"),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importColumn = z.object({
  index: z.number().int().describe('Column number in the sheet (1 = A)'),
  header: z.string(),
  field: z.string().nullable().describe('The field this column fills (null: ignored)'),
  sample: z.array(z.string()).describe('The first few values, to help choosing a mapping'),
});
export const importField = z.object({
  key: z.string(),
  label: z.string().describe("The template's header, in the caller's language"),
  required: z.boolean(),
});

const counts = z.record(z.string(), z.number().int());
export const importSheetPeriod = z.object({
  asOf: z.string().nullable(),
  month: z.string().nullable(),
  quarter: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  written: z.string().describe('The words of the sheet it was read from'),
});
export const importTable = z.object({
  table: z.number().int(),
  sheet: z.string(),
  headerRows: z.array(z.number().int()),
  block: z.string().nullable().describe('The section row above the header (a block of a sheet with several)'),
  unit: z.string().nullable().describe('Money unit of the unit row (yuan | wan | yi)'),
  period: importSheetPeriod.nullable(),
  rows: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: z.string().nullable(), hidden: z.boolean().optional() })),
  remembered: z.boolean().optional().describe("The mapping the zone saved for these headers was used"),
});
export const importSkippedRow = z.object({
  sheet: z.string(),
  row: z.number().int(),
  kind: z.enum(['title', 'unit', 'header', 'section', 'total', 'subtotal', 'blank', 'footer', 'note', 'hidden']),
  text: z.string().optional(),
});
export const importName = z.object({
  field: z.string().describe('The field (department, leader, officer, owner, investor)'),
  text: z.string().describe('The name as written'),
  rows: z.number().int().describe('How many rows name it'),
  resolution: z
    .enum(['create', 'text', 'matched', 'map', 'blank'])
    .describe('create: made on commit; text: kept as written, no record linked; matched: a near record; map: the record the user chose; blank: left empty'),
  matchName: z.string().nullable().describe('The record it is linked to (matched, map)'),
  targetId: z.string().nullable().optional().describe('With map/matched: the record'),
  chosen: z.boolean().optional().describe("The zone's remembered choice (import_name_choices) decided it"),
  candidates: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .optional()
    .describe('With create/text: the existing records most like it, best first (to map it to one)'),
});
/** What the user may choose for an unknown name. */
export const importNameActions = ['create', 'map', 'blank'] as const;
export const importNameChoice = z.object({
  field: z.string(),
  text: z.string(),
  action: z.enum(importNameActions).describe('create: make the record on commit (a department…); map: it is targetId; blank: leave the link empty'),
  targetId: uuidSchema.nullable().optional(),
});
export const importNamesBody = z.object({ choices: z.array(importNameChoice).min(1).max(1000) });
const importChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
/** A row that matches an existing record: what the commit would change in it. */
export const importUpdate = z.object({
  key: z.number().int().describe('The staged row key (commit: updates accepted by key)'),
  row: z.number().int(),
  sheet: z.string().optional(),
  entity: z.string().describe('lead, project, enterprise…'),
  id: z.string(),
  label: z.string().describe('The record as people name it (code and name)'),
  changes: z.array(importChange),
  conflict: z
    .array(importChange)
    .optional()
    .describe('Figures of a period already reported that the sheet gives otherwise: before (the report filed) → after (the sheet); commit.conflicts says which is kept'),
});
export type ImportUpdate = z.infer<typeof importUpdate>;
export const importCheck = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  sheetValue: z.string(),
  rowsSum: z.string(),
});
export const importSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  zoneId: z.string(),
  fileName: z.string(),
  status: z.enum(['staged', 'committed', 'discarded', 'undone']),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowError).describe('The first 1000 row errors'),
  columns: z.array(importColumn).describe('How each header was mapped'),
  fields: z.array(importField).describe('The fields a column can be mapped to'),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('What the importer adds (the dispatch sheet: its period)'),
  plan: counts.describe('What the valid rows would write, by the importer\'s own counts (e.g. projectsCreated)'),
  createdAt: isoDateTime,
  committed: counts.nullable().describe('What the commit wrote (e.g. leadsCreated, enterprisesCreated)'),
  period: importSheetPeriod.nullable().describe('The reporting period the sheet states (title, note rows), for the user to confirm'),
  tables: z.array(importTable).describe('Every table found: sheet, header rows, block, mapping'),
  skipped: z.array(importSkippedRow).describe('Rows not imported and why (title, header, section, 合计/小计, blank, footer, note, hidden); the first 2000'),
  sheetsSkipped: z.array(z.object({ sheet: z.string(), why: z.string() })),
  names: z.array(importName).describe('Names the zone does not know yet, once each, with what the import does with them'),
  checks: z.array(importCheck).describe("The sheet's own 合计/小计 rows that differ from the sum of their rows"),
  nameTargets: z
    .record(z.string(), z.array(z.object({ id: z.string(), name: z.string() })))
    .describe('Per field of the names: the existing records a name can be mapped to (a field absent here whose action is map is searched: nameSearch)'),
  nameKinds: z
    .record(z.string(), z.enum(['department', 'person', 'enterprise']))
    .optional()
    .describe('Per field of the names: what "create" makes (a department, a person record — not a login account —, an enterprise)'),
  nameSearch: z
    .record(z.string(), z.enum(['enterprises']))
    .optional()
    .describe('Per field whose records are too many to list: the directory the web searches to map a name (enterprises: /api/enterprises?q=)'),
  nameActions: z.record(z.string(), z.array(z.enum(importNameActions))).describe('Per field: what the user may choose'),
  updates: z.object({
    count: z.number().int().describe('Valid rows that update an existing record'),
    unchanged: z.number().int().describe('Of those, rows that change nothing (and conflict with nothing)'),
    conflicts: z.number().int().describe('Of those, rows whose figures conflict with a report already filed for the period'),
    items: z.array(importUpdate).describe('The first 500 that change something or conflict, with their changes (old → new)'),
  }),
  undoUntil: isoDateTime.nullable().describe('A committed import can be undone until then (if its records did not change since)'),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const uploadImportQuery = z.object({
  kind: z.enum(importKinds),
  zoneId: uuidSchema.optional().describe('Default: the caller’s only zone'),
  importId: uuidSchema.optional().describe('Client-chosen id, so the client can poll progress while uploading'),
  period: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?|Q[1-4])?$/, 'date_format')
    .optional()
    .describe('project-dispatch: any day (YYYY-MM-DD) or month (YYYY-MM) of the reporting period; statistics: 2026, 2026Q3 or 2026-10'),
});
export const remapImportBody = z.object({
  columns: z
    .array(z.object({ index: z.number().int().min(1), field: z.string().nullable() }))
    .describe('For each column to change: the field it fills, or null to ignore it'),
  table: z.number().int().min(0).optional().describe('Which table (summary.tables) the columns belong to; default 0'),
});
export const commitImportBody = z.object({
  mode: z.enum(['all', 'valid']).describe('all: only if every row is valid; valid: import the valid rows, skip the rest'),
  updates: z
    .union([z.enum(['all', 'none']), z.array(z.number().int()), z.object({ except: z.array(z.number().int()) })])
    .optional()
    .describe('Which updates of existing records to write: all (default), none, the accepted rows by key, or { except }: all but those keys; the others are skipped'),
  conflicts: z
    .union([z.enum(['sheet', 'existing']), z.array(z.number().int()), z.object({ except: z.array(z.number().int()) })])
    .optional()
    .describe(
      "Rows whose figures conflict with a report filed for the period (summary.updates, conflict): sheet = take the sheet's for all, existing = keep every existing report, the keys where the sheet's is taken (the others keep theirs), or { except }: the sheet's for all but those keys. Required when there are conflicts",
    ),
});
export const importUpdatesQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const importUpdatesPage = z.object({
  count: z.number().int().describe('Valid rows that update an existing record'),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  listed: z.number().int().describe('Of those, the rows that change something or conflict: what the pages go through'),
  offset: z.number().int(),
  items: z.array(importUpdate),
});
/** How long after its commit an import can be undone (a policy, as data). */
export const IMPORT_UNDO_DAYS = 7;
export const importProgressSchema = z.object({
  phase: z.enum(['uploading', 'reading', 'checking', 'staging', 'committing', 'done', 'unknown']),
  rowsRead: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** Largest upload the engine reads (an importer may set a lower one). */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

const tags = ['imports'];
const record = { param: 'id', kind: 'import' } as const;

export const importOperations = {
  upload: defineOperation({
    method: 'POST',
    path: '/api/imports',
    tags,
    summary: '上传 .xlsx 并校验（暂存） / Upload and check an .xlsx (staged)',
    description: 'multipart/form-data with one file field. Nothing reaches the real tables until commit.',
    query: uploadImportQuery,
    body: multipartBody,
    multipart: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 },
    status: 201,
    response: importSummarySchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/imports/:id',
    tags,
    summary: '导入预览 / Import summary and row report',
    params: idParams,
    record,
    response: importSummarySchema,
  }),
  remap: defineOperation({
    method: 'PATCH',
    path: '/api/imports/:id',
    tags,
    summary: '调整列对应并重新校验 / Change the column mapping and check again',
    params: idParams,
    record,
    body: remapImportBody,
    response: importSummarySchema,
  }),
  updates: defineOperation({
    method: 'GET',
    path: '/api/imports/:id/updates',
    tags,
    summary: '分页查看更新的记录 / Page through the updates of existing records',
    description: 'Every update that changes something or conflicts, in sheet order (summary.updates lists the first 500); keys for commit.updates.',
    params: idParams,
    record,
    query: importUpdatesQuery,
    response: importUpdatesPage,
  }),
  progress: defineOperation({
    method: 'GET',
    path: '/api/imports/:id/progress',
    tags,
    summary: '导入进度 / Import progress',
    description: 'Answers while the upload is still being read (the batch is not visible yet), for the one who uploads.',
    params: idParams,
    response: importProgressSchema,
  }),
  commit: defineOperation({
    method: 'POST',
    path: '/api/imports/:id/commit',
    tags,
    summary: '确认导入 / Commit an import',
    params: idParams,
    record,
    body: commitImportBody,
    response: importSummarySchema,
  }),
  names: defineOperation({
    method: 'PUT',
    path: '/api/imports/:id/names',
    tags,
    summary: '处理未识别的名称（新建、对应已有、留空） / Resolve unknown names (create, map, leave blank)',
    description: "Each choice is remembered for the zone and used by later imports; the staged rows are checked again.",
    params: idParams,
    record,
    body: importNamesBody,
    response: importSummarySchema,
  }),
  undo: defineOperation({
    method: 'POST',
    path: '/api/imports/:id/undo',
    tags,
    summary: '撤销已提交的导入 / Undo a committed import',
    description: `Within ${'7'} days of the commit, if none of its records changed since (else 409 IMPORT_UNDO_CHANGED listing them).`,
    params: idParams,
    record,
    response: importSummarySchema,
  }),
  discard: defineOperation({
    method: 'POST',
    path: '/api/imports/:id/discard',
    tags,
    summary: '放弃导入 / Discard an import',
    params: idParams,
    record,
    response: importSummarySchema,
  }),
};

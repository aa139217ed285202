/**
 * 重点项目调度表 (the project dispatch sheet): export of one zone and period as .xlsx, and import of
 * the same template. The import is stateless: `preview` reads and checks the file and answers the
 * row report; `commit` sends the same file again with a mode and writes it in one transaction.
 */
import { z } from 'zod';
import { isoDate, uuidSchema } from './common.ts';
import { importRowError } from './imports.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  sheet_missing_columns: ['表头缺少必需的列', 'the header lacks required columns'],
  sheet_merged_cells: ['合并单元格：请取消合并，并在每一行填写', 'merged cells: unmerge them and fill every row'],
  sheet_years: ['建设年限应为“2025-2027”或“2026”', 'years must look like "2025-2027" or "2026"'],
  sheet_unknown_person: ['本开发区没有此人（按姓名匹配）', 'no user of this zone has this name'],
  sheet_ambiguous_person: ['本开发区有多人同名，请在系统中指定', 'several users of this zone have this name'],
  sheet_unknown_department: ['本开发区没有此部门（按名称匹配）', 'no department of this zone has this name'],
  sheet_figures_order: ['应满足：本期完成 ≤ 年度累计 ≤ 自开工累计', 'must hold: this period ≤ year to date ≤ since start'],
  sheet_ytd_first_period: ['本期为年内第一期，年度累计应等于本期完成', 'this is the first period of the year: year to date must equal this period'],
  sheet_figures_mismatch: ['与系统中已填报的累计不一致', 'does not agree with the reports already filed'],
  sheet_period_required: ['请选择调度期间', 'choose the period'],
  sheet_too_large: ['文件过大', 'the file is too large'],
});

export const dispatchSheetQuery = z.object({
  zoneId: uuidSchema.optional().describe('Default: the caller’s only zone'),
  period: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'date_format')
    .optional()
    .describe(
      'Any day of the period (YYYY-MM-DD) or a month (YYYY-MM); the zone’s report period (month/旬/week) containing it. Default: the last finished period',
    ),
});

export const dispatchImportQuery = dispatchSheetQuery.extend({
  importId: uuidSchema.optional().describe('Client-chosen id, so the client can poll progress while the file is read'),
});
export const dispatchCommitQuery = dispatchImportQuery.extend({
  mode: z.enum(['all', 'valid']).describe('all: write only if every row is valid; valid: write the valid rows, skip the rest'),
});

export const dispatchImportReport = z.object({
  zoneId: uuidSchema,
  periodStart: isoDate,
  periodEnd: isoDate,
  periodLabel: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowError).describe('The first 1000 row errors'),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })).describe('How each header was mapped (null: ignored)'),
  plan: z
    .object({
      projectsCreated: z.number().int(),
      projectsUpdated: z.number().int(),
      enterprisesCreated: z.number().int(),
      reportsWritten: z.number().int(),
    })
    .describe('What the valid rows write (preview) or wrote (commit)'),
  committed: z.boolean(),
});
export type DispatchImportReport = z.infer<typeof dispatchImportReport>;

export const dispatchImportProgressQuery = z.object({ importId: uuidSchema });
export const dispatchImportProgress = z.object({
  phase: z.enum(['reading', 'checking', 'writing', 'done', 'unknown']),
  rowsRead: z.number().int(),
});

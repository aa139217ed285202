import { z } from 'zod';
import { isoDateTime, uuidSchema } from './common.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  import_no_header: [
    '未找到表头：请使用导出的台账模板（前 5 行内须有“项目名称”或“企业名称”列）',
    'no header row found in the first 5 rows: use the exported template (a "项目名称" or "企业名称" column)',
  ],
  import_missing_column: ['缺少必需的列', 'a required column is missing'],
  import_empty: ['表格中没有数据行', 'the sheet has no data rows'],
  import_too_many_rows: ['行数超过上限', 'too many rows'],
  import_not_xlsx: ['不是有效的 .xlsx 文件', 'not a valid .xlsx file'],
  import_file_required: ['请上传 .xlsx 文件', 'upload an .xlsx file'],
  import_has_errors: ['存在错误行：请选择“仅导入有效行”或修正后重新上传', 'some rows have errors: import the valid rows only, or fix and upload again'],
  import_not_staged: ['该导入已提交或已放弃', 'this import was already committed or discarded'],
  import_nothing_valid: ['没有可导入的有效行', 'no valid rows to import'],
  duplicate_in_file: ['与表格中前面的行重复', 'duplicates an earlier row of the file'],
  unknown_value: ['不是允许的取值', 'not one of the allowed values'],
  number_format: ['数字格式不正确', 'not a number'],
  percent_range: ['百分比应在 0–100 之间', 'percent must be between 0 and 100'],
});

export const importKinds = ['leads', 'enterprises'] as const;
export const importRowError = z.object({
  row: z.number().int().describe('Spreadsheet row number (1-based, as Excel shows it)'),
  column: z.string().describe('Column header'),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  zoneId: z.string(),
  fileName: z.string(),
  status: z.enum(['staged', 'committed', 'discarded']),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowError).describe('The first 1000 row errors'),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })).describe('How each header was mapped'),
  createdAt: isoDateTime,
  committed: z.object({ enterprisesCreated: z.number().int(), enterprisesMatched: z.number().int(), leadsCreated: z.number().int() }).nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const uploadImportQuery = z.object({
  kind: z.enum(importKinds),
  zoneId: uuidSchema.optional(),
  importId: uuidSchema.optional().describe('Client-chosen id, so the client can poll progress while uploading'),
});
export const commitImportBody = z.object({
  mode: z.enum(['all', 'valid']).describe('all: only if every row is valid; valid: import the valid rows, skip the rest'),
});
export const importProgressSchema = z.object({
  phase: z.enum(['uploading', 'reading', 'staging', 'done', 'unknown']),
  rowsRead: z.number().int(),
});

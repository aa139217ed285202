/**
 * 重点项目调度表 (the project dispatch sheet): export of one zone and period as .xlsx, and the reasons
 * its import gives. The import itself is the staged-import engine's (contract/imports.ts, kind
 * `project-dispatch`, with the period as an upload parameter).
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  sheet_years: ['建设年限应为“2025-2027”或“2026”', 'years must look like "2025-2027" or "2026"'],
  sheet_unknown_person: ['本开发区没有此人（按姓名匹配）', 'no user of this zone has this name'],
  sheet_ambiguous_person: ['本开发区有多人同名，请在系统中指定', 'several users of this zone have this name'],
  sheet_unknown_department: ['本开发区没有此部门（按名称匹配）', 'no department of this zone has this name'],
  sheet_figures_order: ['应满足：本期完成 ≤ 年度累计 ≤ 自开工累计', 'must hold: this period ≤ year to date ≤ since start'],
  sheet_ytd_first_period: ['本期为年内第一期，年度累计应等于本期完成', 'this is the first period of the year: year to date must equal this period'],
  sheet_figures_mismatch: ['与系统中已填报的累计不一致', 'does not agree with the reports already filed'],
  sheet_period_required: ['请选择调度期间', 'choose the period'],
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

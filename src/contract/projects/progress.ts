/** Progress of a project: periodic reports (进度填报), the batch grid, photos (形象进度照片). */
import { z } from 'zod';
import { isoDate, isoDateTime, uuidSchema, versionSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { reportPeriods } from '../org.ts';
import { optionalText, percent } from './fields.ts';
import { projectFlags, projectStages } from './vocabulary.ts';

export const progressReportSchema = z.object({
  id: z.string(),
  periodKind: z.enum(reportPeriods),
  periodStart: z.string(),
  periodEnd: z.string(),
  investedYuan: z.number(),
  ytdYuan: z.number(),
  sinceStartYuan: z.number(),
  percentOfAnnualPlan: z.number().nullable(),
  percentOfTotal: z.number().nullable(),
  percentComplete: z.number().nullable(),
  progressText: z.string().nullable(),
  problems: z.string().nullable(),
  reportedByName: z.string(),
  photoIds: z.array(z.string()),
  createdAt: isoDateTime,
  version: z.number().int(),
});

export const photoSchema = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  caption: z.string().nullable(),
  uploadedByName: z.string(),
  createdAt: isoDateTime,
  url: z.string(),
});

/** A report: give the investment of this period, or the cumulative since start (the period amount follows). */
export const reportFields = z.object({
  investedWan: wanAmount().optional().describe('本期完成投资, 万元'),
  cumulativeWan: wanAmount().optional().describe('累计完成投资 (since start), 万元: the period amount is derived'),
  percentComplete: percent.nullable().optional().describe('形象进度 %'),
  progressText: optionalText(2000),
  problems: optionalText(2000),
});
export const createReportBody = reportFields.extend({ periodStart: isoDate.describe('First day of the period (zone period: month/旬/week)') });

export const batchQuery = z.object({ zoneId: uuidSchema, periodStart: isoDate.optional().describe('Default: the current period') });
export const batchRowSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  stage: z.enum(projectStages),
  flag: z.enum(projectFlags),
  totalInvestmentYuan: z.number(),
  investedBeforeYuan: z.number().describe('Since start, before this period'),
  annualPlanYuan: z.number().nullable(),
  lastPercentComplete: z.number().nullable(),
  report: progressReportSchema.nullable().describe('The report of this period, if filed'),
});
export const batchResponse = z.object({
  zoneId: z.string(),
  periodKind: z.enum(reportPeriods),
  periodStart: z.string(),
  periodEnd: z.string(),
  rows: z.array(batchRowSchema),
});
export const batchBody = z.object({
  zoneId: uuidSchema,
  periodStart: isoDate,
  rows: z
    .array(reportFields.extend({ projectId: uuidSchema }))
    .min(1)
    .max(2000),
});
export const batchResult = z.object({ created: z.number().int(), periodStart: z.string(), periodEnd: z.string() });

export const photoParams = z.object({ id: uuidSchema, photoId: uuidSchema });
export const reportParams = z.object({ id: uuidSchema, reportId: uuidSchema });
export const updateReportBody = reportFields.omit({ cumulativeWan: true }).extend({ version: versionSchema });

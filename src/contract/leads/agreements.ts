/** Agreements (协议), their files, signed totals by the counting rule and signing events. */
import { z } from 'zod';
import { isoDate, isoDateTime, uuidSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { agreementKinds, signingEventKinds } from '../pipeline-enums.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const agreementInput = z.object({
  kind: z.enum(agreementKinds),
  signedOn: isoDate.describe('签署日期'),
  amountWan: wanAmount().describe('金额, 万元; for a capital increase, the increment'),
  signingEventId: uuidSchema.nullable().optional(),
  signingEventName: z.string().trim().min(2).max(80).optional().describe('Creates the signing event (a ceremony) if it does not exist'),
  fileId: uuidSchema.nullable().optional(),
  note: optionalText(200),
});

export const countedAs = ['first_signing', 'increment', 're_signing', 'not_counted'] as const;
export const agreementSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  kind: z.enum(agreementKinds),
  signedOn: z.string(),
  amountYuan: z.number(),
  countedYuan: z.number().describe('What this agreement adds to signed totals under the counting rule'),
  countedAs: z.enum(countedAs),
  signingEventId: z.string().nullable(),
  signingEventName: z.string().nullable(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const fileSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: isoDateTime,
});

/** Bytes a lead file (an agreement scan) may have: the multipart limit. */
export const LEAD_FILE_MAX_BYTES = 512 * 1024;

export const signedReportQuery = z
  .object({
    zoneId: uuidSchema.optional(),
    from: isoDate,
    to: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'date_range' });
  });
export const signedReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  signedThisPeriodYuan: z.number().describe('By the counting rule: first signings and increments dated in the period'),
  grossAgreementsYuan: z.number().describe('Naive sum of every investment and capital-increase agreement in the period (what double counting would report)'),
  firstSignings: z.number().int(),
  increments: z.number().int(),
  reSignings: z.number().int(),
  projects: z.array(
    z.object({
      leadId: z.string(),
      code: z.string(),
      name: z.string(),
      firstSignedOn: z.string().nullable(),
      signedYuan: z.number().describe('Per-project truth: first investment agreement plus increments, all time'),
      agreementCount: z.number().int(),
      reSignings: z.number().int(),
      inPeriodYuan: z.number(),
    }),
  ),
});

export const signingEventSchema = z.object({ id: z.string(), zoneId: z.string(), name: z.string(), kind: z.enum(signingEventKinds), heldOn: z.string() });
export const createSigningEventBody = z.object({
  zoneId: uuidSchema.optional(),
  name: z.string().trim().min(2).max(80),
  kind: z.enum(signingEventKinds),
  heldOn: isoDate,
});
export const listSigningEventsQuery = z.object({ zoneId: uuidSchema.optional() });

import { z } from 'zod';
import { actionsSchema, isoDateTime, pageOf, paginationQuery, regionCodeSchema, versionSchema } from './common.ts';
import { creditCodeProblem, creditCodeReasons, normalizeCreditCode } from './credit-code.ts';
import { wanAmount } from './money.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  credit_code_length: creditCodeReasons.length,
  credit_code_characters: creditCodeReasons.characters,
  credit_code_check: creditCodeReasons.check,
  credit_code_required: ['请填写统一社会信用代码，或勾选“暂无代码”（境外或未注册企业）', 'enter the credit code, or tick "no code yet" (foreign or unregistered)'],
  credit_code_taken: ['该统一社会信用代码已登记为其他企业', 'another enterprise already has this credit code'],
  enterprise_name_similar: ['已存在名称相同（忽略“有限公司”等字样）的企业，请核对是否重复', 'an enterprise with the same name (ignoring legal-form words) exists'],
  unknown_enterprise: ['企业不存在', 'no such enterprise'],
});

/** A credit code as typed (full-width, lower case and spaces tolerated), validated with its check character. */
export const creditCodeInput = z
  .string()
  .transform((v) => normalizeCreditCode(v))
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `credit_code_${problem}` });
  });

export const enterpriseSchema = z.object({
  id: z.string(),
  creditCode: z.string().nullable(),
  name: z.string(),
  legalPerson: z.string().nullable(),
  registeredCapitalYuan: z.number().nullable().describe('注册资本, yuan'),
  industryCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  address: z.string().nullable(),
  noCreditCode: z.boolean().describe('Flagged: a foreign or not-yet-registered investor without a code'),
  version: z.number().int(),
  updatedAt: isoDateTime,
  actions: actionsSchema,
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const listEnterprisesQuery = paginationQuery.extend({
  q: z.string().trim().max(64).optional().describe('Name (normalised) or credit code'),
});
export const enterprisePage = pageOf(enterpriseSchema);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createEnterpriseBody = z
  .object({
    name: z.string().trim().min(2).max(100),
    creditCode: creditCodeInput.nullable().optional(),
    noCreditCode: z.boolean().optional().describe('Set when the investor has no code yet'),
    legalPerson: optionalText(32),
    registeredCapitalWan: wanAmount().nullable().optional().describe('注册资本, 万元'),
    industryCode: z.string().trim().regex(/^([A-T]|\d{2})$/).nullable().optional(),
    regionCode: regionCodeSchema.nullable().optional(),
    address: optionalText(200),
    allowSimilarName: z.boolean().optional().describe('Create even though an enterprise with the same normalised name exists'),
  })
  .superRefine((v, ctx) => {
    if (!v.creditCode && !v.noCreditCode) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'credit_code_required' });
  });

export const updateEnterpriseBody = z.object({
  version: versionSchema,
  name: z.string().trim().min(2).max(100).optional(),
  creditCode: creditCodeInput.nullable().optional(),
  legalPerson: optionalText(32),
  registeredCapitalWan: wanAmount().nullable().optional(),
  industryCode: z.string().trim().regex(/^([A-T]|\d{2})$/).nullable().optional(),
  regionCode: regionCodeSchema.nullable().optional(),
  address: optionalText(200),
});

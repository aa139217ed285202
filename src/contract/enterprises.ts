import { z } from 'zod';
import { actionsSchema, idParams, isoDateTime, okSchema, pageOf, paginationQuery, regionCodeSchema, versionSchema } from './common.ts';
import { creditCodeProblem, creditCodeReasons, normalizeCreditCode } from './credit-code.ts';
import { isIndustryCode } from './industries.ts';
import { wanAmount } from './money.ts';
import { defineOperation, fileResponse } from './operation.ts';
import { defineReasons } from './reasons.ts';

defineReasons({
  credit_code_length: creditCodeReasons.length,
  credit_code_characters: creditCodeReasons.characters,
  credit_code_check: creditCodeReasons.check,
  credit_code_required: [
    '请填写统一社会信用代码，或勾选“暂无代码”（境外或未注册企业）',
    'enter the credit code, or tick "no code yet" (foreign or unregistered)',
  ],
  credit_code_taken: ['该统一社会信用代码已登记为其他企业', 'another enterprise already has this credit code'],
  enterprise_name_similar: [
    '已存在字号相同（忽略地区、“有限公司”“科技”等字样）的企业，请核对是否重复',
    'an enterprise with the same trade name (ignoring region, legal-form and industry words) exists',
  ],
  unknown_enterprise: ['企业不存在', 'no such enterprise'],
  unknown_industry: ['行业代码不在国民经济行业分类（GB/T 4754）门类或大类中', 'not a GB/T 4754 section or division code'],
  merge_same: ['不能与自身合并', 'cannot merge an enterprise into itself'],
  email: ['邮箱格式不正确', 'invalid email address'],
});

/** A GB/T 4754 section letter or two-digit division from the shared list. */
export const industryCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isIndustryCode(v), 'unknown_industry');

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

export const enterpriseSorts = ['name', 'registeredCapital', 'updatedAt'] as const;
export const listEnterprisesQuery = paginationQuery.extend({
  q: z.string().trim().max(64).optional().describe('Name (normalised) or credit code'),
  industry: z
    .string()
    .trim()
    .regex(/^[A-T]$|^\d{2,4}$/, { message: 'unknown_industry' })
    .optional()
    .describe('GB/T 4754: a section letter (C) or a code prefix (38, 3841): every class under it'),
  sort: z.enum(enterpriseSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const exportEnterprisesQuery = listEnterprisesQuery.omit({ page: true, pageSize: true });
export const enterprisePage = pageOf(enterpriseSchema);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createEnterpriseBody = z
  .object({
    name: z.string().trim().min(2).max(100),
    creditCode: creditCodeInput.nullable().optional(),
    noCreditCode: z.boolean().optional().describe('Set when the investor has no code yet'),
    legalPerson: optionalText(32),
    registeredCapitalWan: wanAmount().nullable().optional().describe('注册资本, 万元'),
    industryCode: industryCodeInput.nullable().optional(),
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
  industryCode: industryCodeInput.nullable().optional(),
  regionCode: regionCodeSchema.nullable().optional(),
  address: optionalText(200),
});

export const contactSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z
    .string()
    .nullable()
    .describe('In full for admins and the zones that work the enterprise (registered it, or a lead or project with it); masked (138****5678) for everyone else'),
  email: z.string().nullable().describe('Masked like phone (z***@example.com)'),
  version: z.number().int(),
});
export type EnterpriseContact = z.infer<typeof contactSchema>;

export const contactBody = z.object({
  name: z.string().trim().min(1).max(32),
  title: optionalText(40),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, 'phone')
    .nullable()
    .optional(),
  email: z.email('email').nullable().optional(),
});
export const updateContactBody = contactBody.extend({ version: versionSchema });

export const mergeEnterpriseBody = z.object({
  duplicateId: z.uuid().describe('The duplicate enterprise: its links move to this one, then it is deleted'),
  version: versionSchema.describe('Version of the enterprise kept'),
});
export const mergeResultSchema = z.object({
  enterprise: enterpriseSchema,
  moved: z.record(z.string(), z.number().int()).describe('Links moved, per table.column'),
});

/** A lead or project of the enterprise, as its page lists them (only the caller's zones). */
export const enterpriseLinkSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  stage: z.string(),
  status: z.string().nullable(),
  amountYuan: z.number().nullable(),
});
export const enterprisePageSchema = z.object({
  enterprise: enterpriseSchema,
  industryLabel: z.string().nullable(),
  regionName: z.string().nullable(),
  contacts: z.array(contactSchema),
  leads: z.array(enterpriseLinkSchema),
  projects: z.array(enterpriseLinkSchema),
  duplicates: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string().nullable() })).describe('Records with the same normalised name'),
});
export type EnterprisePage = z.infer<typeof enterprisePageSchema>;

export const industrySectionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  divisions: z.array(z.tuple([z.string(), z.string()])),
});

const tags = ['enterprises'];
/**
 * Enterprises are shared by every zone, so reads take no record check; an edit's `record` answers
 * 404 for a missing record and 403 for one the caller may not edit, before the body is validated.
 */
const editable = { param: 'id', kind: 'editableEnterprise' } as const;
const editableContact = { param: 'id', kind: 'editableEnterpriseContact' } as const;

export const enterpriseOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/enterprises',
    tags,
    summary: '企业库 / Enterprises',
    query: listEnterprisesQuery,
    response: enterprisePage,
  }),
  export: defineOperation({
    method: 'GET',
    path: '/api/enterprises/export.xlsx',
    tags,
    summary: '导出企业库（当前筛选）/ Export the enterprise directory as filtered (.xlsx)',
    query: exportEnterprisesQuery,
    response: fileResponse,
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/enterprises',
    tags,
    summary: '新建企业 / Create enterprise',
    permission: 'enterprise.create',
    body: createEnterpriseBody,
    status: 201,
    response: enterpriseSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/enterprises/:id',
    tags,
    summary: '企业详情 / Get enterprise',
    params: idParams,
    response: enterpriseSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/enterprises/:id',
    tags,
    summary: '修改企业 / Update enterprise',
    permission: 'enterprise.update',
    record: editable,
    params: idParams,
    body: updateEnterpriseBody,
    response: enterpriseSchema,
  }),
  page: defineOperation({
    method: 'GET',
    path: '/api/enterprises/:id/page',
    tags,
    summary: '企业页：联系人、线索与项目 / Enterprise page',
    params: idParams,
    response: enterprisePageSchema,
  }),
  addContact: defineOperation({
    method: 'POST',
    path: '/api/enterprises/:id/contacts',
    tags,
    summary: '新增联系人 / Add contact',
    permission: 'enterprise.update',
    record: editable,
    params: idParams,
    body: contactBody,
    status: 201,
    response: contactSchema,
  }),
  updateContact: defineOperation({
    method: 'PATCH',
    path: '/api/enterprise-contacts/:id',
    tags,
    summary: '修改联系人 / Update contact',
    permission: 'enterprise.update',
    record: editableContact,
    params: idParams,
    body: updateContactBody,
    response: contactSchema,
  }),
  deleteContact: defineOperation({
    method: 'DELETE',
    path: '/api/enterprise-contacts/:id',
    tags,
    summary: '删除联系人 / Delete contact',
    permission: 'enterprise.update',
    record: editableContact,
    params: idParams,
    response: okSchema,
  }),
  merge: defineOperation({
    method: 'POST',
    path: '/api/enterprises/:id/merge',
    tags,
    summary: '合并重复企业 / Merge a duplicate into this enterprise',
    permission: 'enterprise.merge',
    record: { param: 'id', kind: 'mergeableEnterprise' },
    params: idParams,
    body: mergeEnterpriseBody,
    response: mergeResultSchema,
  }),
  industries: defineOperation({
    method: 'GET',
    path: '/api/industries',
    tags,
    summary: '国民经济行业分类 / GB/T 4754 industries',
    response: z.array(industrySectionSchema),
  }),
};

/** The enterprise profile (企业画像): honours and statuses, yearly figures, production lines, cooperation agreements. */
import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, versionSchema } from '../common.ts';
import { wanAmount } from '../money.ts';
import { cooperationKinds, figureSources, honourKinds, lineStatuses, linkRoles, partnerInstitutionKinds } from './enums.ts';
import { yearSchema } from './schemas.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const entered = { enteredByName: z.string().nullable(), enteredInZoneName: z.string().nullable(), updatedAt: isoDateTime };
const quantity = (max: number) => z.number().min(0, 'number_negative').max(max).nullable().optional();

export const honourSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  kind: z.enum(honourKinds),
  year: z.number().int(),
  grantedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  issuer: z.string().nullable(),
  certificateNo: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  ...entered,
});
export const honourBody = z.object({
  kind: z.enum(honourKinds),
  year: yearSchema,
  grantedOn: isoDate.nullable().optional(),
  validUntil: isoDate.nullable().optional(),
  issuer: optionalText(60),
  certificateNo: optionalText(60),
  note: optionalText(300),
});
export const updateHonourBody = honourBody.partial().extend({ version: versionSchema });

export const figuresSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  year: z.number().int(),
  outputYuan: z.number().nullable().describe('产值'),
  revenueYuan: z.number().nullable().describe('营业收入'),
  taxYuan: z.number().nullable().describe('税收'),
  landMu: z.number().nullable().describe('用地, 亩'),
  energyTce: z.number().nullable().describe('综合能耗, 吨标准煤'),
  emissionsTonnes: z.number().nullable().describe('排放, 吨'),
  employees: z.number().int().nullable().describe('从业人员'),
  rndYuan: z.number().nullable().describe('R&D 投入'),
  valueAddedYuan: z.number().nullable().describe('工业增加值'),
  taxPerMuYuan: z.number().nullable().describe('亩均税收, yuan per 亩'),
  outputPerMuYuan: z.number().nullable().describe('亩均产值, yuan per 亩'),
  source: z.enum(figureSources),
  version: z.number().int(),
  ...entered,
});
const figureFields = {
  outputWan: wanAmount().nullable().optional().describe('产值, 万元'),
  revenueWan: wanAmount().nullable().optional().describe('营业收入, 万元'),
  taxWan: wanAmount().nullable().optional().describe('税收, 万元'),
  landMu: quantity(1e9),
  energyTce: quantity(1e11),
  emissionsTonnes: quantity(1e11),
  employees: z.number().int().min(0, 'number_negative').max(10_000_000).nullable().optional(),
  rndWan: wanAmount().nullable().optional().describe('R&D 投入, 万元'),
  valueAddedWan: wanAmount().nullable().optional().describe('工业增加值, 万元'),
};
export const figuresBody = z.object({ year: yearSchema, ...figureFields });
export const updateFiguresBody = z.object({ version: versionSchema, ...figureFields });

export const productionLineSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  name: z.string(),
  products: z.string().nullable(),
  capacity: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  status: z.enum(lineStatuses),
  startedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  ...entered,
});
export const productionLineBody = z.object({
  name: z.string().trim().min(1).max(60),
  products: optionalText(200),
  capacity: quantity(1e12),
  capacityUnit: optionalText(20).describe('台套, 吨, GWh …'),
  status: z.enum(lineStatuses).optional(),
  startedOn: isoDate.nullable().optional(),
  note: optionalText(300),
});
export const updateProductionLineBody = productionLineBody.partial().extend({ version: versionSchema });

export const cooperationSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  kind: z.enum(cooperationKinds),
  title: z.string(),
  partnerName: z.string(),
  partnerKind: z.enum(partnerInstitutionKinds),
  otherParties: z.array(z.string()),
  signedOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  ...entered,
});
export const cooperationBody = z.object({
  kind: z.enum(cooperationKinds),
  title: z.string().trim().min(1).max(100),
  partnerName: z.string().trim().min(1).max(100),
  partnerKind: z.enum(partnerInstitutionKinds),
  otherParties: z.array(z.string().trim().min(1).max(100)).max(5).optional(),
  signedOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  note: optionalText(300),
});
export const updateCooperationBody = cooperationBody.partial().extend({ version: versionSchema });

export const enterpriseProfileSchema = z.object({
  enterpriseId: z.string(),
  honours: z.array(honourSchema),
  figures: z.array(figuresSchema).describe('Newest year first'),
  lines: z.array(productionLineSchema),
  cooperations: z.array(cooperationSchema),
  placements: z
    .array(z.object({ zoneName: z.string(), chainId: z.string(), chainName: z.string(), linkId: z.string(), linkName: z.string(), role: z.enum(linkRoles) }))
    .describe('Where it sits on chains of the caller’s zones'),
  actions: actionsSchema.describe('update when the caller may edit the profile'),
});
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>;

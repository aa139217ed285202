/** Industrial chains (产业链): the industry plan, sectors, chains, links, placements, targets, roadmap, the province view. */
import { z } from 'zod';
import { actionsSchema, isoDate, isoDateTime, regionCodeSchema, uuidSchema, versionSchema } from '../common.ts';
import { industryCodeInput } from '../enterprises.ts';
import { wanAmount } from '../money.ts';
import { leadStages, leadStatuses, chainActions } from '../pipeline-enums.ts';
import { defineReasons } from '../reasons.ts';
import { linkRoles, linkStages, roadmapKinds, roadmapStatuses, sectorRoles, targetSources, targetStatuses } from './enums.ts';

defineReasons({
  link_other_zone: ['该环节不属于本产业链所在的开发区', 'this link belongs to another zone'],
  link_other_chain: ['上级环节必须属于同一条产业链', 'the parent link must be on the same chain'],
  link_cycle: ['上级环节不能是本环节或其下游分支（会形成环路）', 'the parent cannot be this link or one of its branches (a cycle)'],
  link_name_taken: ['本产业链已有同名环节', 'the chain already has a link of this name'],
  link_has_leads: ['该环节上还有招商线索，请先移走线索', 'leads still sit on this link; move them first'],
  enterprise_on_link: ['该企业已在这个环节上', 'this enterprise is already on this link'],
  project_on_link: ['该项目已在这个环节上', 'this project is already on this link'],
  unknown_sector: ['板块不存在或不属于本开发区', 'no such sector in this zone'],
  unknown_template: ['没有这个产业链模板', 'no such chain template'],
  unknown_chain_link: ['环节不存在或不属于本开发区', 'no such link in this zone'],
  sector_name_taken: ['本开发区已有同名板块', 'the zone already has a sector of this name'],
  chain_name_taken: ['本开发区已有同名产业链', 'the zone already has a chain of this name'],
  target_on_list: ['该企业已在这个环节的目标名单上', 'this company is already on the link’s target list'],
  target_has_lead: ['已为该目标生成线索', 'a lead was already made from this target'],
  target_dropped: ['该目标已放弃', 'this target was dropped'],
  year_in_future: ['年份不能晚于今年', 'the year cannot be later than this year'],
  honour_year_taken: ['该企业这一年已有同一荣誉', 'the enterprise already holds this honour for that year'],
  figures_year_taken: ['该企业这一年的经营数据已存在，请修改原记录', 'figures for this year exist; edit them instead'],
  granted_outside_year: ['认定日期应在所填年份内', 'the grant date must fall in the year given'],
  valid_before_granted: ['有效期不能早于认定日期', 'valid-until cannot be before the grant date'],
  ends_before_signed: ['结束日期不能早于签订日期', 'the end date cannot be before the signing date'],
  number_negative: ['不能为负数', 'cannot be negative'],
  enterprise_not_yours: ['该企业不由本开发区登记、跟进或入链，不能导入其数据', 'the zone neither registered, works nor has this enterprise on a chain'],
});

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const codes = z.array(industryCodeInput).max(40).describe('GB/T 4754 sections or divisions');
const nonNegative = (max: number) => z.number().min(0, 'number_negative').max(max);
export const yearSchema = z.number().int().min(1949).max(2100).describe('A calendar year');

export const sectorSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  role: z.enum(sectorRoles),
  description: z.string().nullable(),
  clusterTargetYuan: z.number().nullable().describe('产业集群目标, yuan'),
  clusterTargetYear: z.number().int().nullable(),
  industryCodes: z.array(z.string()),
  position: z.number().int(),
  version: z.number().int(),
  actions: actionsSchema,
});
export const sectorBody = z.object({
  zoneId: uuidSchema.optional().describe('Required when the caller covers several zones'),
  name: text(40),
  role: z.enum(sectorRoles),
  description: optionalText(500),
  clusterTargetWan: wanAmount().nullable().optional().describe('产业集群目标, 万元 (100亿 = 1000000)'),
  clusterTargetYear: yearSchema.nullable().optional(),
  industryCodes: codes.optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export const updateSectorBody = sectorBody.omit({ zoneId: true }).partial().extend({ version: versionSchema });

export const planSchema = z.object({
  zoneId: z.string(),
  id: z.string().nullable(),
  name: z.string().nullable().describe('The plan as the zone names it: "1+2+15", "一主导两支撑"'),
  summary: z.string().nullable(),
  version: z.number().int().nullable(),
  actions: actionsSchema,
});
export const planBody = z.object({
  zoneId: uuidSchema.optional(),
  name: text(60),
  summary: optionalText(1000),
  version: versionSchema.optional().describe('The version read; absent when the zone has no plan yet'),
});

export const chainStatsSchema = z.object({
  links: z.number().int(),
  filled: z.number().int(),
  gaps: z.number().int(),
  weak: z.number().int(),
  completenessPercent: z.number().describe('Links with at least one enterprise, % of all links'),
  enterprises: z.number().int(),
  leaders: z.number().int(),
  outputYuan: z.number().describe("Latest yearly output of the chain's enterprises, yuan"),
});
export const chainConversionSchema = z.object({
  gaps: z.number().int().describe('Links with no enterprise'),
  weak: z.number().int(),
  targets: z.number().int().describe('Companies on the target lists'),
  targetsWithLead: z.number().int(),
  leads: z.number().int().describe('Leads on the chain’s links'),
  leadsSigned: z.number().int().describe('Of them, at 正式签约 or later'),
  gapsWithLead: z.number().int().describe('Gap or weak links with at least one lead'),
});
export const chainSummarySchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  sectorId: z.string(),
  sectorName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  templateKey: z.string().nullable(),
  weakMinEnterprises: z.number().int(),
  weakMinOutputYuan: z.number(),
  version: z.number().int(),
  stats: chainStatsSchema,
  actions: actionsSchema,
});

export type ChainSummary = z.infer<typeof chainSummarySchema>;

export const linkStrengths = ['gap', 'weak', 'strong'] as const;
export const chainLinkSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  zoneId: z.string(),
  parentLinkId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  stage: z.enum(linkStages),
  position: z.number().int(),
  products: z.array(z.string()),
  industryCodes: z.array(z.string()),
  templateLinkKey: z.string().nullable(),
  version: z.number().int(),
  enterpriseCount: z.number().int(),
  leaders: z.array(z.object({ enterpriseId: z.string(), name: z.string() })).describe('链主 on this link'),
  outputYuan: z.number(),
  projectCount: z.number().int(),
  leadCount: z.number().int(),
  targetCount: z.number().int(),
  strength: z.enum(linkStrengths).describe('gap: no enterprise; weak: below the chain’s thresholds'),
});
export type ChainLink = z.infer<typeof chainLinkSchema>;

export const chainViewSchema = z.object({
  chain: chainSummarySchema,
  links: z.array(chainLinkSchema),
  conversion: chainConversionSchema,
});
export type ChainView = z.infer<typeof chainViewSchema>;

export const sectorPageSchema = z.object({ sector: sectorSchema, chains: z.array(chainSummarySchema) });
export const industryPlanPageSchema = z.object({
  plan: planSchema,
  sectors: z.array(sectorSchema.extend({ chains: z.array(chainSummarySchema) })),
  actions: actionsSchema.describe('createSector, createChain when the caller may'),
});

export const createChainBody = z.object({
  sectorId: uuidSchema,
  name: text(60),
  description: optionalText(500),
  templateKey: z.string().trim().max(40).optional().describe('Copy the links of this template'),
  weakMinEnterprises: z.number().int().min(0).max(1000).optional(),
  weakMinOutputWan: wanAmount().optional(),
});
export const updateChainBody = z.object({
  version: versionSchema,
  name: text(60).optional(),
  description: optionalText(500),
  sectorId: uuidSchema.optional(),
  weakMinEnterprises: z.number().int().min(0).max(1000).optional(),
  weakMinOutputWan: wanAmount().optional(),
});
export const listChainsQuery = z.object({ zoneId: uuidSchema.optional(), sectorId: uuidSchema.optional() });

export const linkBody = z.object({
  name: text(60),
  description: optionalText(500),
  stage: z.enum(linkStages),
  parentLinkId: uuidSchema.nullable().optional().describe('The link upstream of it (null: a root)'),
  position: z.number().int().min(0).max(1000).optional(),
  products: z.array(text(60)).max(30).optional(),
  industryCodes: codes.optional(),
});
export const updateLinkBody = linkBody.partial().extend({ version: versionSchema });

export const placementSchema = z.object({
  id: z.string(),
  linkId: z.string(),
  enterpriseId: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  role: z.enum(linkRoles),
  note: z.string().nullable(),
  version: z.number().int(),
  latestYear: z.number().int().nullable(),
  outputYuan: z.number().nullable(),
  taxYuan: z.number().nullable(),
  honours: z.array(z.string()).describe('Honour kinds held'),
});
export const placeEnterpriseBody = z.object({ enterpriseId: uuidSchema, role: z.enum(linkRoles), note: optionalText(200) });
export const updatePlacementBody = z.object({ version: versionSchema, role: z.enum(linkRoles).optional(), note: optionalText(200) });
export const placeProjectBody = z.object({ projectId: uuidSchema });
export const attachLeadBody = z.object({ leadId: uuidSchema, version: versionSchema.describe("The lead's version") });

export const targetSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  chainId: z.string(),
  action: z.enum(chainActions),
  source: z.enum(targetSources),
  enterpriseId: z.string().nullable(),
  companyName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  reason: z.string().nullable(),
  contact: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(targetStatuses),
  leadId: z.string().nullable(),
  leadCode: z.string().nullable(),
  leadStage: z.enum(leadStages).nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type ChainTarget = z.infer<typeof targetSchema>;
const targetFields = {
  action: z.enum(chainActions),
  companyName: text(100),
  enterpriseId: uuidSchema.nullable().optional(),
  regionCode: regionCodeSchema.nullable().optional(),
  regionName: optionalText(40),
  reason: optionalText(300),
  contact: optionalText(100),
  ownerId: uuidSchema.nullable().optional(),
};
export const createTargetBody = z.object(targetFields);
export const importTargetsBody = z.object({
  action: z.enum(chainActions),
  rows: z
    .array(z.object({ companyName: text(100), regionName: optionalText(40), reason: optionalText(300), contact: optionalText(100) }))
    .min(1)
    .max(500)
    .describe('A pasted or uploaded list, one company a row'),
});
export const targetsFromProvinceBody = z.object({ action: z.enum(chainActions), enterpriseIds: z.array(uuidSchema).min(1).max(100) });
export const updateTargetBody = z.object({
  version: versionSchema,
  status: z.enum(['open', 'dropped']).optional(),
  reason: optionalText(300),
  contact: optionalText(100),
  ownerId: uuidSchema.nullable().optional(),
  action: z.enum(chainActions).optional(),
});
export const makeLeadsBody = z.object({
  targetIds: z.array(uuidSchema).min(1).max(50),
  ownerId: uuidSchema.nullable().optional().describe('Owner of the new leads when a target names none; default the caller'),
});
export const makeLeadsResultSchema = z.object({
  leads: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), targetId: z.string() })),
  targets: z.array(targetSchema),
});
export const provinceCandidateSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  role: z.enum(linkRoles),
  linkName: z.string(),
});

export const linkDetailSchema = z.object({
  link: chainLinkSchema.extend({ chainName: z.string(), sectorName: z.string() }),
  enterprises: z.array(placementSchema),
  projects: z.array(z.object({ id: z.string(), projectId: z.string(), name: z.string(), stage: z.string(), totalInvestmentYuan: z.number().nullable() })),
  leads: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      stage: z.enum(leadStages),
      status: z.enum(leadStatuses),
      enterpriseName: z.string().nullable(),
      plannedInvestmentYuan: z.number().nullable(),
    }),
  ),
  targets: z.array(targetSchema),
  actions: actionsSchema,
});
export type LinkDetail = z.infer<typeof linkDetailSchema>;

export const roadmapItemSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  linkId: z.string().nullable(),
  linkName: z.string().nullable(),
  kind: z.enum(roadmapKinds),
  title: z.string(),
  targetRegionCode: z.string().nullable(),
  targetRegionName: z.string().nullable(),
  targetEnterpriseId: z.string().nullable(),
  targetEnterpriseName: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  plannedOn: z.string().nullable(),
  plannedUntil: z.string().nullable(),
  status: z.enum(roadmapStatuses),
  tripId: z.string().nullable(),
  tripTitle: z.string().nullable(),
  outcome: z.string().nullable(),
  leadId: z.string().nullable(),
  leadCode: z.string().nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
const roadmapFields = {
  kind: z.enum(roadmapKinds),
  title: text(100),
  linkId: uuidSchema.nullable().optional(),
  targetRegionCode: regionCodeSchema.nullable().optional(),
  targetRegionName: optionalText(40),
  targetEnterpriseId: uuidSchema.nullable().optional(),
  ownerId: uuidSchema.nullable().optional(),
  plannedOn: isoDate.nullable().optional(),
  plannedUntil: isoDate.nullable().optional(),
  status: z.enum(roadmapStatuses).optional(),
  tripId: uuidSchema.nullable().optional(),
  outcome: optionalText(500),
  leadId: uuidSchema.nullable().optional(),
};
export const createRoadmapItemBody = z.object(roadmapFields);
export const updateRoadmapItemBody = z.object(roadmapFields).partial().extend({ version: versionSchema });
export const roadmapSchema = z.object({
  chainId: z.string(),
  items: z.array(roadmapItemSchema),
  outcomes: z.object({
    done: z.number().int(),
    planned: z.number().int(),
    leads: z.number().int().describe('Leads named by the roadmap’s items'),
    tripMeetings: z.number().int().describe('Meetings logged on the trips the roadmap names'),
  }),
  actions: actionsSchema,
});

export const chainTemplateSchema = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  links: z.array(z.object({ key: z.string(), name: z.string(), stage: z.enum(linkStages), parentKey: z.string().nullable(), products: z.array(z.string()) })),
});

export const provinceChainSchema = z.object({
  template: z.object({ key: z.string(), name: z.string() }),
  zones: z.array(z.object({ zoneId: z.string(), zoneName: z.string(), chainId: z.string(), chainName: z.string(), completenessPercent: z.number() })),
  links: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      stage: z.enum(linkStages),
      zonesHolding: z.number().int().describe('Zones with an enterprise on this link'),
      cells: z.array(z.object({ zoneId: z.string(), enterpriseCount: z.number().int(), leaders: z.array(z.string()), strength: z.enum(linkStrengths) })),
    }),
  ),
});
export type ProvinceChain = z.infer<typeof provinceChainSchema>;
export const provinceChainQuery = z.object({ zoneId: uuidSchema.optional().describe('Only this zone (default all zones in scope)') });

export { isoDateTime };

/**
 * The industrial-chain (产业链) and enterprise-profile vocabularies, shared by the schema, the
 * contract and the web. Keys are English; the labels are what users read (zh-CN, en-US).
 */

/** A sector's (板块) place in the zone's plan: 主导 (leading) or 支撑 (supporting). */
export const sectorRoles = ['leading', 'supporting'] as const;
export type SectorRole = (typeof sectorRoles)[number];

/** Where a link sits on its chain: 上游 / 中游 / 下游. */
export const linkStages = ['upstream', 'midstream', 'downstream'] as const;
export type LinkStage = (typeof linkStages)[number];

/** An enterprise's role on a link: 链主 (chain leader), 骨干 (backbone), 配套 (supplier). */
export const linkRoles = ['leader', 'backbone', 'supporting'] as const;
export type LinkRole = (typeof linkRoles)[number];

/** How a target company got on a link's list: by hand, from an imported list, from the province's chains. */
export const targetSources = ['manual', 'import', 'province'] as const;
export type TargetSource = (typeof targetSources)[number];

/** A target's state: still to approach, a lead made from it, or dropped. */
export const targetStatuses = ['open', 'lead_made', 'dropped'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** 招商路线图 items: a target region, a target enterprise, a planned trip, an event (推介会, 展会). */
export const roadmapKinds = ['region', 'enterprise', 'trip', 'event'] as const;
export type RoadmapKind = (typeof roadmapKinds)[number];
export const roadmapStatuses = ['planned', 'done', 'cancelled'] as const;
export type RoadmapStatus = (typeof roadmapStatuses)[number];

/** Honours and statuses an enterprise holds (企业资质荣誉), each with its year. */
export const honourKinds = [
  'srdi_sme', // 专精特新中小企业
  'little_giant', // 专精特新"小巨人"
  'single_champion', // 制造业单项冠军
  'high_tech', // 高新技术企业
  'tech_sme', // 科技型中小企业
  'province_tech_center', // 省级企业技术中心
  'city_tech_center', // 市级企业技术中心
  'above_scale', // "四上"企业 (by year)
] as const;
export type HonourKind = (typeof honourKinds)[number];

/** Production line states. */
export const lineStatuses = ['planned', 'building', 'operating', 'stopped'] as const;
export type LineStatus = (typeof lineStatuses)[number];

/** The other party of a cooperation agreement (产学研合作). */
export const partnerInstitutionKinds = ['university', 'institute', 'other'] as const;
export type PartnerInstitutionKind = (typeof partnerInstitutionKinds)[number];
/** What a cooperation agreement sets up: 联合实验室, 三方合作协议, 技术转让, 人才培养, 其他. */
export const cooperationKinds = ['joint_lab', 'tripartite', 'tech_transfer', 'talent', 'other'] as const;
export type CooperationKind = (typeof cooperationKinds)[number];

/** Where a yearly figure came from. */
export const figureSources = ['manual', 'import'] as const;

type Labels<K extends string> = Record<K, [zh: string, en: string]>;

export const sectorRoleLabels: Labels<SectorRole> = { leading: ['主导产业', 'Leading'], supporting: ['支撑产业', 'Supporting'] };
export const linkStageLabels: Labels<LinkStage> = { upstream: ['上游', 'Upstream'], midstream: ['中游', 'Midstream'], downstream: ['下游', 'Downstream'] };
export const linkRoleLabels: Labels<LinkRole> = { leader: ['链主', 'Chain leader'], backbone: ['骨干', 'Backbone'], supporting: ['配套', 'Supplier'] };
export const targetSourceLabels: Labels<TargetSource> = {
  manual: ['手工录入', 'By hand'],
  import: ['名单导入', 'Imported list'],
  province: ['省内同链企业', 'Province chains'],
};
export const targetStatusLabels: Labels<TargetStatus> = { open: ['待对接', 'Open'], lead_made: ['已生成线索', 'Lead made'], dropped: ['已放弃', 'Dropped'] };
export const roadmapKindLabels: Labels<RoadmapKind> = {
  region: ['目标区域', 'Target region'],
  enterprise: ['目标企业', 'Target enterprise'],
  trip: ['外出招商', 'Trip'],
  event: ['推介活动', 'Event'],
};
export const roadmapStatusLabels: Labels<RoadmapStatus> = { planned: ['计划中', 'Planned'], done: ['已完成', 'Done'], cancelled: ['已取消', 'Cancelled'] };
export const honourKindLabels: Labels<HonourKind> = {
  srdi_sme: ['专精特新中小企业', 'SRDI SME'],
  little_giant: ['专精特新“小巨人”', 'SRDI "Little Giant"'],
  single_champion: ['制造业单项冠军', 'Manufacturing single champion'],
  high_tech: ['高新技术企业', 'High-tech enterprise'],
  tech_sme: ['科技型中小企业', 'Tech-based SME'],
  province_tech_center: ['省级企业技术中心', 'Provincial enterprise tech centre'],
  city_tech_center: ['市级企业技术中心', 'City enterprise tech centre'],
  above_scale: ['“四上”企业', 'Above-scale ("四上")'],
};
export const lineStatusLabels: Labels<LineStatus> = {
  planned: ['规划中', 'Planned'],
  building: ['在建', 'Building'],
  operating: ['在产', 'Operating'],
  stopped: ['停产', 'Stopped'],
};
export const partnerInstitutionKindLabels: Labels<PartnerInstitutionKind> = {
  university: ['高校', 'University'],
  institute: ['科研院所', 'Institute'],
  other: ['其他', 'Other'],
};
export const cooperationKindLabels: Labels<CooperationKind> = {
  joint_lab: ['联合实验室', 'Joint lab'],
  tripartite: ['三方合作协议', 'Tripartite agreement'],
  tech_transfer: ['技术转让/成果转化', 'Technology transfer'],
  talent: ['人才培养', 'Talent training'],
  other: ['其他合作', 'Other'],
};

/**
 * The investment pipeline's (招商) vocabularies, shared by the schema, the contract and the web.
 * Keys are English; the Chinese term is the label users see.
 */

/** Lead stages, in order. Entering `framework` or `signed` needs its agreement (the gate). */
export const leadStages = [
  'prospect', // 线索
  'contact', // 接洽/对接
  'intent', // 意向
  'framework', // 框架协议
  'signed', // 正式签约
  'registered', // 注册落地
] as const;
export type LeadStage = (typeof leadStages)[number];

/** Status is separate from stage: a lead at 意向 may be 延缓 or 流失. */
export const leadStatuses = [
  'active', // 正常
  'delayed', // 延缓
  'dormant', // 休眠
  'lost', // 流失 (reason + region lost to)
  'terminated', // 终止 (reason)
] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/** 招商方式 */
export const leadMethods = [
  'team', // 小分队招商
  'chain', // 产业链招商
  'investor_referral', // 以商招商
  'rd_enclave', // 科创飞地
  'heavy_asset', // 重资产招商
  'green_power', // 绿电招商
  'fund', // 基金招商
  'agent', // 中介招商
  'fair', // 展会招商
  'other', // 其他
] as const;
export type LeadMethod = (typeof leadMethods)[number];

/** 强链 / 延链 / 补链 */
export const chainActions = ['strengthen', 'extend', 'fill'] as const;
export type ChainAction = (typeof chainActions)[number];

/** The N of 1+1+N: chain-leader enterprises (链主), agents (中介), others. */
export const partnerKinds = ['chain_leader', 'agent', 'other'] as const;

export const agreementKinds = [
  'framework', // 框架协议
  'investment', // 投资协议（正式签约）
  'supplementary', // 补充协议
  'capital_increase', // 增资协议: its amount is the increment
] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** 对接记录 kinds; a trip's meetings are visits linked to the trip. */
export const activityKinds = [
  'visit', // 拜访
  'call', // 电话/视频
  'reception', // 来访接待
  'fair', // 展会
] as const;

export const signingEventKinds = ['ceremony', 'campaign'] as const; // 签约仪式 / 三个一批批次

/** Which agreement kind opens each gated stage. */
export const stageGates: Partial<Record<LeadStage, AgreementKind>> = { framework: 'framework', signed: 'investment' };

/**
 * The earliest stage at which each agreement kind may be recorded (the lead's stage, or the stage it
 * is moving to in the same step): a framework agreement from 意向 on, an investment agreement only at
 * 正式签约 (or later, once signed). No agreement is recorded on a lead still at 线索.
 */
export const agreementEarliestStage: Record<AgreementKind, LeadStage> = {
  framework: 'intent',
  investment: 'signed',
  supplementary: 'contact',
  capital_increase: 'signed',
};

/** Whether `kind` may be recorded on a lead at (or moving to) `stage`. */
export function agreementAllowedAt(kind: AgreementKind, stage: LeadStage): boolean {
  return leadStages.indexOf(stage) >= leadStages.indexOf(agreementEarliestStage[kind]);
}

export const stageLabels: Record<LeadStage, [zh: string, en: string]> = {
  prospect: ['线索', 'Prospect'],
  contact: ['接洽', 'Contact'],
  intent: ['意向', 'Intent'],
  framework: ['框架协议', 'Framework agreement'],
  signed: ['正式签约', 'Signed'],
  registered: ['注册落地', 'Registered'],
};
export const statusLabels: Record<LeadStatus, [zh: string, en: string]> = {
  active: ['正常', 'Active'],
  delayed: ['延缓', 'Delayed'],
  dormant: ['休眠', 'Dormant'],
  lost: ['流失', 'Lost'],
  terminated: ['终止', 'Terminated'],
};
export const methodLabels: Record<LeadMethod, [zh: string, en: string]> = {
  team: ['小分队招商', 'Small team'],
  chain: ['产业链招商', 'Chain-driven'],
  investor_referral: ['以商招商', 'Investor referral'],
  rd_enclave: ['科创飞地', 'R&D enclave'],
  heavy_asset: ['重资产招商', 'Heavy asset'],
  green_power: ['绿电招商', 'Green power'],
  fund: ['基金招商', 'Fund'],
  agent: ['中介招商', 'Agent'],
  fair: ['展会招商', 'Fair'],
  other: ['其他', 'Other'],
};
export const chainActionLabels: Record<ChainAction, [zh: string, en: string]> = {
  strengthen: ['强链', 'Strengthen'],
  extend: ['延链', 'Extend'],
  fill: ['补链', 'Fill'],
};
export const agreementKindLabels: Record<AgreementKind, [zh: string, en: string]> = {
  framework: ['框架协议', 'Framework'],
  investment: ['投资协议', 'Investment'],
  supplementary: ['补充协议', 'Supplementary'],
  capital_increase: ['增资协议', 'Capital increase'],
};
export const activityKindLabels: Record<(typeof activityKinds)[number], [zh: string, en: string]> = {
  visit: ['拜访', 'Visit'],
  call: ['电话/视频', 'Call'],
  reception: ['来访接待', 'Reception'],
  fair: ['展会', 'Fair'],
};
export const partnerKindLabels: Record<(typeof partnerKinds)[number], [zh: string, en: string]> = {
  chain_leader: ['链主企业', 'Chain leader'],
  agent: ['中介机构', 'Agent'],
  other: ['其他伙伴', 'Other partner'],
};

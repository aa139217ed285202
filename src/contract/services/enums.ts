/**
 * Enumerations of the enterprise services (企业服务): funding (向上争取资金), hiring (揽才), approval
 * services (承诺制/全代办 over 赋权事项), finance matchmaking (银企对接) and 要素保障. The tables
 * (modules/<m>/<m>.schema.ts), the contract and the web share them; labels live in labels.ts.
 */

/** 资金项目层级. */
export const programmeLevels = ['national', 'province', 'city'] as const; // 国家 / 省 / 市
export type ProgrammeLevel = (typeof programmeLevels)[number];

/** 资金项目类别 (the kinds a zone's newspaper report names). */
export const programmeKinds = ['energy_saving', 'equipment_renewal', 'civil_military', 'tech_upgrade', 'special_bond', 'other'] as const; // 节能降碳 / 两新 / 军民融合 / 技改 / 专项债 / 其他
export type ProgrammeKind = (typeof programmeKinds)[number];

/** 申报状态, in order: a status may only move forward one step at a time. */
export const applicationStatuses = ['planning', 'submitted', 'review', 'approved', 'disbursed'] as const; // 谋划 / 申报 / 评审 / 下达 / 拨付
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** 岗位类别. */
export const postCategories = ['skilled_worker', 'rd_engineer', 'management', 'foreign_trade', 'ecommerce', 'other'] as const; // 技术工人 / 研发工程师 / 管理 / 外贸 / 电商 / 其他
export type PostCategory = (typeof postCategories)[number];

/** 招聘会类型. */
export const fairKinds = ['special', 'outbound', 'online'] as const; // 专场 / 外出 / 线上
export type FairKind = (typeof fairKinds)[number];

/** 办理方式: 承诺制 (start on a signed promise, inspect later) or 全代办 (the agent files everything). */
export const caseModes = ['promise', 'full_agency'] as const; // 承诺制 / 全代办
export type CaseMode = (typeof caseModes)[number];

/** 全代办 steps, in order; a case moves one step at a time. 承诺制 cases go promised → inspected. */
export const caseSteps = ['accepted', 'materials_ready', 'filed', 'granted'] as const; // 受理 / 材料齐全 / 报件 / 办结
export type CaseStep = (typeof caseSteps)[number];
export const promiseSteps = ['promised', 'inspected'] as const; // 签订承诺 / 核查
export const inspectionResults = ['passed', 'failed'] as const; // 合格 / 不合格

/** Escalation of an overdue case, like a blocker's: the agent, then the 分管领导, then the 主要领导. */
export const caseLevels = ['agent', 'leader', 'top'] as const;
export type CaseLevel = (typeof caseLevels)[number];

/** 金融机构类型. */
export const institutionKinds = ['bank', 'guarantee', 'leasing', 'fund', 'other'] as const; // 银行 / 担保 / 融资租赁 / 基金 / 其他
export type InstitutionKind = (typeof institutionKinds)[number];
/** A need is 待对接 until referred, 已放款 once a referral is granted; 已关闭 is set by hand. */
export const financeNeedStatuses = ['open', 'referred', 'granted', 'closed'] as const; // 待对接 / 已推荐 / 已放款 / 已关闭
export type FinanceNeedStatus = (typeof financeNeedStatuses)[number];
export const referralOutcomes = ['pending', 'granted', 'declined'] as const; // 跟进中 / 已放款 / 未获批
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** 要素保障 kinds. */
export const factorKinds = ['land', 'power', 'water', 'gas', 'heat', 'talent'] as const; // 用地 / 用电 / 用水 / 用气 / 用热 / 人才
export const factorStatuses = ['open', 'resolved', 'raised'] as const; // 待解决 / 已解决 / 已转堵点

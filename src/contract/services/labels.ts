/** zh-CN / en-US labels of the enterprise services' enumerations (web, exports, audit values). */
import type {
  ApplicationStatus,
  CaseLevel,
  CaseMode,
  FairKind,
  FinanceNeedStatus,
  InstitutionKind,
  PostCategory,
  ProgrammeKind,
  ProgrammeLevel,
  ReferralOutcome,
} from './enums.ts';

type Label = readonly [zh: string, en: string];

export const programmeLevelLabels: Record<ProgrammeLevel, Label> = {
  national: ['国家级', 'National'],
  province: ['省级', 'Provincial'],
  city: ['市级', 'City'],
};
export const programmeKindLabels: Record<ProgrammeKind, Label> = {
  energy_saving: ['节能降碳', 'Energy saving'],
  equipment_renewal: ['两新（设备更新）', 'Equipment renewal'],
  civil_military: ['军民融合', 'Civil-military'],
  tech_upgrade: ['技术改造', 'Technical upgrade'],
  special_bond: ['专项债', 'Special bonds'],
  other: ['其他', 'Other'],
};
export const applicationStatusLabels: Record<ApplicationStatus, Label> = {
  planning: ['谋划', 'Planning'],
  submitted: ['申报', 'Submitted'],
  review: ['评审', 'Under review'],
  approved: ['下达', 'Approved'],
  disbursed: ['拨付', 'Disbursed'],
};
export const postCategoryLabels: Record<PostCategory, Label> = {
  skilled_worker: ['技术工人', 'Skilled worker'],
  rd_engineer: ['研发工程师', 'R&D engineer'],
  management: ['管理', 'Management'],
  foreign_trade: ['外贸', 'Foreign trade'],
  ecommerce: ['电商', 'E-commerce'],
  other: ['其他', 'Other'],
};
export const fairKindLabels: Record<FairKind, Label> = { special: ['专场', 'Dedicated'], outbound: ['外出', 'Outbound'], online: ['线上', 'Online'] };
export const caseModeLabels: Record<CaseMode, Label> = { promise: ['承诺制', 'Promise-based'], full_agency: ['全代办', 'Full agency'] };
export const caseStepLabels: Record<string, Label> = {
  accepted: ['受理', 'Accepted'],
  materials_ready: ['材料齐全', 'Materials ready'],
  filed: ['报件', 'Filed'],
  granted: ['办结', 'Granted'],
  promised: ['已签承诺', 'Promise signed'],
  inspected: ['已核查', 'Inspected'],
};
export const caseLevelLabels: Record<CaseLevel, Label> = {
  agent: ['代办员', 'Agent'],
  leader: ['分管领导', 'Deputy leader'],
  top: ['主要领导', 'Zone leader'],
};

export const institutionKindLabels: Record<InstitutionKind, Label> = {
  bank: ['银行', 'Bank'],
  guarantee: ['融资担保', 'Guarantor'],
  leasing: ['融资租赁', 'Leasing'],
  fund: ['基金', 'Fund'],
  other: ['其他', 'Other'],
};
export const financeNeedStatusLabels: Record<FinanceNeedStatus, Label> = {
  open: ['待对接', 'Open'],
  referred: ['已推荐', 'Referred'],
  granted: ['已放款', 'Loan granted'],
  closed: ['已关闭', 'Closed'],
};
export const referralOutcomeLabels: Record<ReferralOutcome, Label> = {
  pending: ['跟进中', 'Pending'],
  granted: ['已放款', 'Granted'],
  declined: ['未获批', 'Declined'],
};

/** For the audit log's value labels: field → value → label. */
export const servicesValueLabels: Record<string, Record<string, Label>> = {
  level: { ...programmeLevelLabels, ...caseLevelLabels },
  kind: { ...programmeKindLabels, ...fairKindLabels, ...institutionKindLabels },
  status: { ...applicationStatusLabels, ...financeNeedStatusLabels },
  outcome: referralOutcomeLabels,
  category: postCategoryLabels,
  mode: caseModeLabels,
  step: caseStepLabels,
};

/** Roles (角色). Scope: admins see every zone, city/province viewers the zones of their region, others their assigned zones. */
export const roles = [
  'system_admin', // 系统管理员
  'zone_leader', // 主要领导
  'deputy_leader', // 分管领导
  'investment_officer', // 招商专员
  'project_officer', // 项目办专员
  'approval_agent', // 代办员
  'service_officer', // 企业服务专员
  'viewer', // 只读查看
  'city_viewer', // 市级查看
  'province_viewer', // 省级查看
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System admin' },
  zone_leader: { zh: '主要领导', en: 'Zone leader' },
  deputy_leader: { zh: '分管领导', en: 'Deputy leader' },
  investment_officer: { zh: '招商专员', en: 'Investment officer' },
  project_officer: { zh: '项目办专员', en: 'Project officer' },
  approval_agent: { zh: '代办员', en: 'Approval agent' },
  service_officer: { zh: '企业服务专员', en: 'Enterprise-service officer' },
  viewer: { zh: '只读查看', en: 'Read-only viewer' },
  city_viewer: { zh: '市级查看', en: 'City viewer' },
  province_viewer: { zh: '省级查看', en: 'Province viewer' },
};

/** Roles whose zones follow from a region code rather than from an explicit list. */
export const regionScopedRoles: readonly Role[] = ['city_viewer', 'province_viewer'];

import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

/**
 * Statistics are entered by the zone's leaders and its 项目办 (who file the 统计局 returns); everyone
 * reads them. The assessment (开发区考核) is the province's: its schemes and results are set by the
 * province office (省级查看, 省商务厅开发区处 — the one province-level role in contract/roles.ts) and the
 * system admin; every zone reads its own results.
 */
export const statisticsPolicy = definePolicy({
  grants: {
    'statistics.read': roleGroups.everyone,
    'statistics.enter': ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer'],
    'assessment.read': roleGroups.everyone,
    'assessment.manage': ['system_admin', 'province_viewer'],
  },
  resources: {
    statistics: { enter: 'statistics.enter' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof statisticsPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof statisticsPolicy> {}
}

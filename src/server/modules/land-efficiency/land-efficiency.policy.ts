import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

/**
 * Everyone reads the results of their zones; the zone's administrators (主要领导, system admin) set the
 * policy; leaders and the 企业服务 officers run the evaluation.
 */
export const landEfficiencyPolicy = definePolicy({
  grants: {
    'land_efficiency.read': roleGroups.everyone,
    'land_efficiency.configure': roleGroups.zoneAdmins,
    'land_efficiency.run': ['system_admin', 'zone_leader', 'deputy_leader', 'service_officer'],
  },
  resources: {
    landEfficiencyConfig: { update: 'land_efficiency.configure', run: 'land_efficiency.run' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof landEfficiencyPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof landEfficiencyPolicy> {}
}

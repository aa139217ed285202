import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

export const factorsPolicy = definePolicy({
  grants: {
    'factor.read': roleGroups.everyone,
    'factor.manage': ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer', 'service_officer'],
  },
  resources: { factorRequest: { resolve: 'factor.manage', raise: 'factor.manage' } },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof factorsPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof factorsPolicy> {}
}

import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

/** 银企对接 is worked by the same people as the other enterprise services: leaders, 项目办, 企业服务. */
export const financePolicy = definePolicy({
  grants: {
    'finance.read': roleGroups.everyone,
    'finance.manage': ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer', 'service_officer'],
  },
  resources: {
    financeInstitution: { update: 'finance.manage' },
    financeProduct: { update: 'finance.manage' },
    financeNeed: { update: 'finance.manage', refer: 'finance.manage' },
    financeEvent: { update: 'finance.manage' },
    financeReferral: { update: 'finance.manage' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof financePolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof financePolicy> {}
}

import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

/** Who works the enterprise services: leaders, the 项目办 and the 企业服务 officers. */
export const serviceEditors = ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer', 'service_officer'] as const;

export const fundingPolicy = definePolicy({
  grants: {
    'funding.read': roleGroups.everyone,
    'funding.manage': serviceEditors,
  },
  resources: {
    fundingProgramme: { update: 'funding.manage' },
    fundingReserve: { update: 'funding.manage', apply: 'funding.manage' },
    fundingApplication: { update: 'funding.manage' },
    fundingContact: { update: 'funding.manage' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof fundingPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof fundingPolicy> {}
}

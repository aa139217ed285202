import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

/** Who works 揽才: leaders, the 项目办 and the 企业服务 officers. */
const serviceEditors = ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer', 'service_officer'] as const;

export const hiringPolicy = definePolicy({
  grants: {
    'hiring.read': roleGroups.everyone,
    'hiring.manage': serviceEditors,
  },
  resources: {
    hiringPost: { update: 'hiring.manage' },
    hiringFair: { update: 'hiring.manage' },
    hiringPartnership: { update: 'hiring.manage' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof hiringPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof hiringPolicy> {}
}

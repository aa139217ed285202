import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

export const approvalServicesPolicy = definePolicy({
  grants: {
    'approval_service.read': roleGroups.everyone,
    /** Accept and work cases: the 代办员, the 企业服务 and 项目办 officers, leaders. */
    'approval_service.handle': ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer', 'approval_agent', 'service_officer'],
    /** Keep the 赋权事项 catalogue (and import it). */
    'approval_service.catalogue': ['system_admin', 'zone_leader', 'deputy_leader', 'approval_agent'],
  },
  resources: {
    delegatedItem: { update: 'approval_service.catalogue' },
    approvalCase: { advance: 'approval_service.handle', update: 'approval_service.handle' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof approvalServicesPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof approvalServicesPolicy> {}
}

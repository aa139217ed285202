import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { leaders } = roleGroups;

export const auditPolicy = definePolicy({ grants: { 'audit.read': leaders } });

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof auditPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof auditPolicy> {}
}

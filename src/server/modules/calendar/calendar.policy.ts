import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { admins } = roleGroups;

export const calendarPolicy = definePolicy({ grants: { 'calendar.manage': admins } });

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof calendarPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof calendarPolicy> {}
}

import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { admins } = roleGroups;

export const usersPolicy = definePolicy({
  grants: { 'user.manage': admins },
  resources: {
    user: { update: 'user.manage', resetPassword: 'user.manage', grantLogin: 'user.manage', deactivate: 'user.manage', history: 'user.manage' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof usersPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof usersPolicy> {}
}

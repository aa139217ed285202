import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { everyone, admins, zoneAdmins } = roleGroups;

export const orgPolicy = definePolicy({
  grants: {
    'zone.read': everyone,
    'zone.create': admins,
    'zone.update': zoneAdmins,
    'park.manage': zoneAdmins,
    'department.read': everyone,
    'department.manage': zoneAdmins,
  },
  resources: {
    zone: { update: 'zone.update', addPark: 'park.manage', history: 'zone.read' },
    park: { update: 'park.manage' },
    department: { update: 'department.manage', history: 'department.read' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof orgPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof orgPolicy> {}
}

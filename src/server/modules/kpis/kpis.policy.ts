import { definePolicy, roleGroups, type GrantsOf } from '../../platform/policies.ts';

/** Everyone reads the figures of their zones (city and province viewers: their region's); leaders and admins refresh a zone now. */
export const kpisPolicy = definePolicy({
  grants: {
    'kpis.read': roleGroups.everyone,
    'kpis.refresh': roleGroups.leaders,
  },
  resources: {},
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof kpisPolicy> {}
}

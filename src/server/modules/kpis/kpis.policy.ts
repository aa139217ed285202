import { definePolicy, roleGroups, type GrantsOf } from '../../platform/policies.ts';

/** Everyone reads the figures of their zones (city and province viewers: their region's); leaders and admins refresh a zone now; those who compare zones rank them. */
export const kpisPolicy = definePolicy({
  grants: {
    'kpis.read': roleGroups.everyone,
    'kpis.refresh': roleGroups.leaders,
    /** The ranking of zones: those who compare several (city and province viewers, leaders, admins). */
    'kpis.rank': ['system_admin', 'zone_leader', 'deputy_leader', 'city_viewer', 'province_viewer'],
  },
  resources: {},
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof kpisPolicy> {}
}

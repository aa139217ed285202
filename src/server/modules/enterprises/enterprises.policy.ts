import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { editors, pipelineEditors } = roleGroups;

export const enterprisesPolicy = definePolicy({
  grants: {
    'enterprise.create': editors,
    'enterprise.update': editors,
    'enterprise.merge': pipelineEditors,
  },
  resources: {
    enterprise: { update: 'enterprise.update', history: 'zone.read' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof enterprisesPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof enterprisesPolicy> {}
}

import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { everyone, editors, pipelineEditors } = roleGroups;

/**
 * Chains are read by everyone in scope (province viewers included); the plan, the chains and their
 * target lists are worked by the 招商 side (leaders and investment officers). An enterprise's
 * profile (honours, yearly figures …) is kept by any editor who may edit the enterprise.
 */
export const chainsPolicy = definePolicy({
  grants: {
    'chain.read': everyone,
    'chain.update': pipelineEditors,
    'enterprise.profile.update': editors,
  },
  resources: {
    chain: { update: 'chain.update', addLink: 'chain.update', makeLeads: 'lead.create', history: 'zone.read' },
    chainLink: { update: 'chain.update', placeEnterprise: 'chain.update', addTarget: 'chain.update', makeLeads: 'lead.create' },
    chainTarget: { update: 'chain.update', makeLead: 'lead.create' },
    chainRoadmapItem: { update: 'chain.update' },
    sector: { update: 'chain.update', createChain: 'chain.update' },
    industryPlan: { update: 'chain.update', createSector: 'chain.update' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof chainsPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof chainsPolicy> {}
}

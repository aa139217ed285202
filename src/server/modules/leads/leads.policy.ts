import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { everyone, pipelineEditors } = roleGroups;

export const leadsPolicy = definePolicy({
  grants: {
    'lead.read': everyone,
    'lead.create': pipelineEditors,
    'lead.update': pipelineEditors,
    'lead.import': pipelineEditors,
  },
  resources: {
    lead: {
      update: 'lead.update',
      changeStage: 'lead.update',
      changeStatus: 'lead.update',
      addAgreement: 'lead.update',
      addActivity: 'lead.update',
      convert: 'lead.update',
      merge: 'lead.update',
      history: 'lead.read',
    },
    trip: { update: 'lead.update', addMeeting: 'lead.update' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof leadsPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof leadsPolicy> {}
}

import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { everyone, editors, zoneAdmins } = roleGroups;

// Dispatch (调度): blockers, the weekly meeting, 三个一批 campaigns.
export const dispatchPolicy = definePolicy({
  grants: {
    'blocker.read': everyone,
    'blocker.create': editors,
    'blocker.update': editors,
    'meeting.read': everyone,
    'meeting.manage': ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer'],
    'decision.update': editors,
    'campaign.read': everyone,
    'campaign.manage': ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer', 'project_officer'],
    'dispatch.settings': zoneAdmins,
  },
  resources: {
    blocker: {
      update: 'blocker.update',
      escalate: 'blocker.update',
      resolve: 'blocker.update',
      reopen: 'blocker.update',
      reminder: 'blocker.read',
      history: 'blocker.read',
    },
    meeting: { update: 'meeting.manage', close: 'meeting.manage', addDecision: 'meeting.manage', brief: 'meeting.read' },
    decision: { update: 'decision.update' },
    campaign: { update: 'campaign.manage', addEntry: 'campaign.manage', confirm: 'campaign.manage', export: 'campaign.read' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof dispatchPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof dispatchPolicy> {}
}

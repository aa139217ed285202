import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { everyone, projectEditors, zoneAdmins } = roleGroups;

export const projectsPolicy = definePolicy({
  grants: {
    'project.read': everyone,
    'project.create': projectEditors,
    'project.update': projectEditors,
    'project.approvals': [...projectEditors, 'approval_agent'],
    'project.report': projectEditors,
    'project.import': projectEditors,
    'project.configure': zoneAdmins,
  },
  resources: {
    project: {
      update: 'project.update',
      changeStage: 'project.update',
      planMilestones: 'project.update',
      editApprovals: 'project.approvals',
      editLand: 'project.update',
      editPlan: 'project.update',
      report: 'project.report',
      uploadPhoto: 'project.report',
      history: 'project.read',
    },
    projectSettings: { update: 'project.configure' },
  },
});

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof projectsPolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof projectsPolicy> {}
}

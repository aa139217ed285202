import { definePolicy, roleGroups, type GrantsOf, type ResourcesOf } from '../../platform/policies.ts';

const { projectEditors } = roleGroups;

// 智能录入: read texts and propose drafts; saving also needs the create/update right of each record's module.
export const intakePolicy = definePolicy({ grants: { 'intake.use': projectEditors } });

declare module '../../platform/policies.ts' {
  interface PermissionRegistry extends GrantsOf<typeof intakePolicy> {}
  interface ResourceRegistry extends ResourcesOf<typeof intakePolicy> {}
}

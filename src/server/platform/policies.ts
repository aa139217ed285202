/**
 * Who may do what, as data. A permission names the roles that hold it; zone-scoped permissions
 * also need the record's zone to be among the caller's zones. Routes check `permission`, services
 * check `can(...)` for a record, and `actionsFor` tells the client which buttons to show.
 */
import { roles, type Role } from '../../contract/roles.ts';
import type { SessionContext } from './auth/session.ts';

const everyone = roles;
const admins = ['system_admin'] as const satisfies readonly Role[];
const zoneAdmins = ['system_admin', 'zone_leader'] as const satisfies readonly Role[];
const leaders = ['system_admin', 'zone_leader', 'deputy_leader'] as const satisfies readonly Role[];
/** Who creates projects and edits their plan and progress (项目办, 招商, leaders). */
const projectEditors = ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer', 'project_officer'] as const satisfies readonly Role[];
/** Everyone who works records, as opposed to those who only read them. */
const editors = [
  'system_admin',
  'zone_leader',
  'deputy_leader',
  'investment_officer',
  'project_officer',
  'approval_agent',
  'service_officer',
] as const satisfies readonly Role[];
/** Those who work the investment pipeline (招商): leaders and the 招商 officers. */
const pipelineEditors = ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer'] as const satisfies readonly Role[];

export const permissionGrants = {
  'zone.read': everyone,
  'zone.create': admins,
  'zone.update': zoneAdmins,
  'park.manage': zoneAdmins,
  'department.read': everyone,
  'department.manage': zoneAdmins,
  'user.manage': admins,
  'audit.read': leaders,
  'calendar.manage': admins,
  'enterprise.create': editors,
  'enterprise.update': editors,
  'project.read': everyone,
  'project.create': projectEditors,
  'project.update': projectEditors,
  'project.approvals': [...projectEditors, 'approval_agent'],
  'project.report': projectEditors,
  'project.import': projectEditors,
  'project.configure': zoneAdmins,
  'enterprise.merge': pipelineEditors,
  'lead.read': everyone,
  'lead.create': pipelineEditors,
  'lead.update': pipelineEditors,
  'lead.import': pipelineEditors,
  // 智能录入: read texts and propose drafts; saving also needs the create/update right of each record's module.
  'intake.use': projectEditors,
  // Dispatch (调度): blockers, the weekly meeting, 三个一批 campaigns.
  'blocker.read': everyone,
  'blocker.create': editors,
  'blocker.update': editors,
  'meeting.read': everyone,
  'meeting.manage': ['system_admin', 'zone_leader', 'deputy_leader', 'project_officer'],
  'decision.update': editors,
  'campaign.read': everyone,
  'campaign.manage': ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer', 'project_officer'],
  'dispatch.settings': zoneAdmins,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionGrants;

/** For each resource: the actions a client may be offered, and the permission each needs. */
export const resourceActions = {
  zone: { update: 'zone.update', addPark: 'park.manage', history: 'zone.read' },
  park: { update: 'park.manage' },
  department: { update: 'department.manage', history: 'department.read' },
  user: { update: 'user.manage', resetPassword: 'user.manage', deactivate: 'user.manage', history: 'user.manage' },
  enterprise: { update: 'enterprise.update', history: 'zone.read' },
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
  lead: {
    update: 'lead.update',
    changeStage: 'lead.update',
    changeStatus: 'lead.update',
    addAgreement: 'lead.update',
    addActivity: 'lead.update',
    convert: 'lead.update',
    history: 'lead.read',
  },
  trip: { update: 'lead.update', addMeeting: 'lead.update' },
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
} as const satisfies Record<string, Record<string, Permission>>;

export function hasPermission(session: SessionContext, permission: Permission): boolean {
  return (permissionGrants[permission] as readonly Role[]).includes(session.user.role);
}

export function inScope(session: SessionContext, zoneId: string | null | undefined): boolean {
  if (zoneId == null) return session.scope.all;
  return session.scope.all || session.scope.zoneIds.includes(zoneId);
}

/** May the caller do `permission` on a record of `zoneId` (or a global record when null)? */
export function can(session: SessionContext, permission: Permission, zoneId?: string | null): boolean {
  if (!hasPermission(session, permission)) return false;
  return zoneId === undefined || inScope(session, zoneId);
}

export function actionsFor<R extends keyof typeof resourceActions>(session: SessionContext, resource: R, zoneId?: string | null): string[] {
  return Object.entries(resourceActions[resource])
    .filter(([, permission]) => can(session, permission as Permission, zoneId))
    .map(([action]) => action);
}

/** Global permissions, for menus. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissionGrants) as Permission[]).filter((p) => (permissionGrants[p] as readonly Role[]).includes(role));
}

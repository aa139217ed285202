/**
 * Who may do what, as data. Each module states its permissions (the roles that hold each) and the
 * actions of its resources in its own `<module>.policy.ts` through `definePolicy`; this file keeps
 * the registry they fill and the checks everyone uses. Zone-scoped permissions also need the
 * record's zone among the caller's zones. Routes check `permission`, services check `can(...)` for
 * a record, and `actionsFor` tells the client which buttons to show.
 */
import { roles, type Role } from '../../contract/roles.ts';
import type { SessionContext } from './auth/session.ts';

/** Role groups the modules' policies are written with. */
export const roleGroups = {
  everyone: roles,
  admins: ['system_admin'],
  zoneAdmins: ['system_admin', 'zone_leader'],
  leaders: ['system_admin', 'zone_leader', 'deputy_leader'],
  /** Who creates projects and edits their plan and progress (项目办, 招商, leaders). */
  projectEditors: ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer', 'project_officer'],
  /** Everyone who works records, as opposed to those who only read them. */
  editors: ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer', 'project_officer', 'approval_agent', 'service_officer'],
  /** Those who work the investment pipeline (招商): leaders and the 招商 officers. */
  pipelineEditors: ['system_admin', 'zone_leader', 'deputy_leader', 'investment_officer'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Every permission of every module. A module's policy file adds its own by declaration merging
 * (`interface PermissionRegistry extends GrantsOf<typeof policy> {}`), so a misspelt permission
 * fails the typecheck wherever it is used.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PermissionRegistry {}
/** Every resource's actions, added the same way by each module's policy file. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResourceRegistry {}

export type Permission = keyof PermissionRegistry & string;
export type Resource = keyof ResourceRegistry & string;

export interface PolicyDefinition<G extends Record<string, readonly Role[]>, R extends Record<string, Record<string, string>>> {
  grants: G;
  resources: R;
}
export type GrantsOf<P> = P extends PolicyDefinition<infer G, Record<string, Record<string, string>>> ? { [K in keyof G]: true } : never;
export type ResourcesOf<P> = P extends PolicyDefinition<Record<string, readonly Role[]>, infer R> ? R : never;

const grantRegistry = new Map<string, readonly Role[]>();
const resourceRegistry = new Map<string, Record<string, string>>();

/** Declares a module's permissions and resource actions, and registers them (once per process). */
export function definePolicy<const G extends Record<string, readonly Role[]>, const R extends Record<string, Record<string, string>> = Record<never, never>>(policy: {
  grants: G;
  resources?: R;
}): PolicyDefinition<G, R> {
  for (const [permission, holders] of Object.entries(policy.grants)) {
    const known = grantRegistry.get(permission);
    if (known && known !== holders) throw new Error(`permission ${permission} is declared by two modules`);
    grantRegistry.set(permission, holders);
  }
  for (const [resource, actions] of Object.entries(policy.resources ?? {})) resourceRegistry.set(resource, actions);
  return { grants: policy.grants, resources: (policy.resources ?? {}) as R };
}

/** Fails at start-up when a route names a permission no module declares. */
export function assertPermissionKnown(permission: string, where: string): void {
  if (!grantRegistry.has(permission)) throw new Error(`${where}: unknown permission "${permission}"`);
}

export function allPermissions(): Permission[] {
  return [...grantRegistry.keys()] as Permission[];
}

export function hasPermission(session: SessionContext, permission: Permission): boolean {
  const holders = grantRegistry.get(permission);
  if (!holders) throw new Error(`unknown permission "${permission}"`);
  return holders.includes(session.user.role);
}

/** The caller's zones as a Set, made once per resolved session (kept by the session cache): a province viewer's 100 zones are asked per row and per action of every list. */
const zoneSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function zoneSetOf(zoneIds: readonly string[]): ReadonlySet<string> {
  let set = zoneSets.get(zoneIds);
  if (!set) zoneSets.set(zoneIds, (set = new Set(zoneIds)));
  return set;
}

export function inScope(session: SessionContext, zoneId: string | null | undefined): boolean {
  if (zoneId == null) return session.scope.all;
  return session.scope.all || zoneSetOf(session.scope.zoneIds).has(zoneId);
}

/** May the caller do `permission` on a record of `zoneId` (or a global record when null)? */
export function can(session: SessionContext, permission: Permission, zoneId?: string | null): boolean {
  if (!hasPermission(session, permission)) return false;
  return zoneId === undefined || inScope(session, zoneId);
}

export function actionsFor<R extends Resource>(session: SessionContext, resource: R, zoneId?: string | null): string[] {
  const actions = resourceRegistry.get(resource);
  if (!actions) throw new Error(`unknown resource "${resource}"`);
  return Object.entries(actions)
    .filter(([, permission]) => can(session, permission as Permission, zoneId))
    .map(([action]) => action);
}

/** Global permissions, for menus. */
export function permissionsOf(role: Role): Permission[] {
  return allPermissions().filter((p) => grantRegistry.get(p)!.includes(role));
}

import type { Role } from '../../../contract/roles.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: 'zh-CN' | 'en-US';
  mustChangePassword: boolean;
  regionCode: string | null;
}

/**
 * The zones a caller covers. `all` for system admins; `zoneIds` answers "is this record mine?" in
 * memory, and `rule` lets the database evaluate the same set (platform/scope.ts) in list queries.
 */
export interface Scope {
  all: boolean;
  zoneIds: string[];
  rule: import('../scope.ts').ScopeRule;
}

export interface SessionContext {
  tokenHash: string;
  csrfToken: string;
  user: SessionUser;
  scope: Scope;
}

/** Who is acting, for audit records. */
export interface Actor {
  id: string | null;
  name: string;
  requestId?: string;
}

export const systemActor: Actor = { id: null, name: 'system' };

export function actorOf(session: SessionContext, requestId?: string): Actor {
  return { id: session.user.id, name: session.user.username, requestId };
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null;
  }
  interface FastifyContextConfig {
    /** Routes that need no session (login, health, docs). Everything else is guarded. */
    public?: boolean;
    /** A session that must change its password first may call this route (OperationSpec.beforePasswordChange). */
    beforePasswordChange?: boolean;
    /** A global permission the route needs, checked before the handler. */
    permission?: import('../policies.ts').Permission;
  }
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { hasPermission } from '../policies.ts';
import type { SessionContext } from './session.ts';

export const SESSION_COOKIE = 'zd_session';
const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every /api route needs a session unless its config says `public`; every mutation needs the
 * session's CSRF token in X-CSRF-Token; a session that must change its password reaches only the
 * routes marked `beforePasswordChange`; a route's `permission` is checked here, before any handler.
 */
export function registerGuard(app: FastifyInstance, resolve: (token: string) => Promise<SessionContext | 'expired' | null>) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    // Unknown URLs (no route) fall through to the not-found handler.
    if (!request.routeOptions.url?.startsWith('/api/') || config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const session = await resolve(token);
    if (session === 'expired') throw new AppError('SESSION_EXPIRED');
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (mutating.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw new AppError('CSRF_INVALID');
    // A new or reset account serves nothing but its own password change until it is made.
    if (session.user.mustChangePassword && !config.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (config.permission && !hasPermission(session, config.permission)) throw new AppError('FORBIDDEN');
    request.session = session;
  });
}

/** The session of a guarded route (the guard has already proven there is one). */
export function sessionOf(request: FastifyRequest): SessionContext {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return request.session;
}

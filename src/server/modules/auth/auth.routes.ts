import { authOperations as op } from '../../../contract/auth.ts';
import { SESSION_COOKIE } from '../../platform/auth/guard.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { AuthService } from './auth.service.ts';

/** The session cookie is set and cleared here; everything else is the service's. */
export function authRoutes(router: Router, auth: AuthService, { config }: ModuleContext) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.COOKIE_SECURE };

  router.handle(
    op.login,
    async ({ body, requestId, reply, request }) => {
      // request.ip is the socket's peer unless TRUST_PROXY names the proxy in front.
      const { token, session, expiresAt } = await auth.login(body.username, body.password, requestId, request.ip);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      return auth.me(session);
    },
    { rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
  );
  router.handle(op.logout, async ({ session, requestId, reply }) => {
    await auth.logout(session, requestId);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true as const };
  });
  router.handle(op.me, ({ session }) => auth.me(session));
  router.handle(op.changePassword, async ({ session, body, requestId }) => {
    await auth.changePassword(session, body.currentPassword, body.newPassword, requestId);
    return { ok: true as const };
  });
  router.handle(op.setLocale, async ({ session, body, requestId }) => {
    await auth.setLocale(session, body.locale, requestId);
    return { ok: true as const };
  });
}

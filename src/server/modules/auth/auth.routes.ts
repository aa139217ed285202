import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBody, localeBody, loginBody, meResponse } from '../../../contract/auth.ts';
import { okSchema } from '../../../contract/common.ts';
import { SESSION_COOKIE, sessionOf } from '../../platform/auth/guard.ts';
import type { AuthService } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; cookieSecure: boolean; loginRateLimit: number }> = async (
  app,
  { auth, cookieSecure, loginRateLimit },
) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecure };

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录 / Log in', body: loginBody, response: { 200: meResponse } },
      config: { public: true, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, session, expiresAt } = await auth.login(request.body.username, request.body.password, String(request.id));
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      return auth.me(session);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出 / Log out', response: { 200: okSchema } } }, async (request, reply) => {
    await auth.logout(sessionOf(request), String(request.id));
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: meResponse } } }, async (request) =>
    auth.me(sessionOf(request)),
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: '修改密码 / Change own password', body: changePasswordBody, response: { 200: okSchema } } },
    async (request) => {
      await auth.changePassword(sessionOf(request), request.body.currentPassword, request.body.newPassword, String(request.id));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/locale',
    { schema: { tags: ['auth'], summary: '界面语言 / UI language', body: localeBody, response: { 200: okSchema } } },
    async (request) => {
      await auth.setLocale(sessionOf(request), request.body.locale);
      return { ok: true as const };
    },
  );
};

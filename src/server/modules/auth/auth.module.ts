import { defineModule } from '../../platform/module.ts';
import { createOrgRepository } from '../org/org.repository.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { createSessionsRepository } from './auth.repository.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService, type AuthService } from './auth.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    auth: AuthService;
  }
}

export const authModule = defineModule({
  name: 'auth',
  service: ({ db, audit, clock, config }) =>
    createAuthService({
      db,
      sessions: createSessionsRepository(),
      users: createUsersRepository(),
      org: createOrgRepository(),
      audit,
      clock,
      policy: { sessionTtlHours: config.SESSION_TTL_HOURS, maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
    }),
  plugin: async (app, auth, { config }) =>
    app.register(authRoutes, { auth, cookieSecure: config.COOKIE_SECURE, loginRateLimit: config.LOGIN_RATE_LIMIT_PER_MINUTE }),
});

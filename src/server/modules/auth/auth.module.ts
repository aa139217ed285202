import { defineModule } from '../../platform/module.ts';
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
  service: ({ db, audit, clock, config, services }) =>
    createAuthService({
      db,
      sessions: createSessionsRepository(),
      users: () => services.users,
      org: () => services.org,
      audit,
      clock,
      policy: {
        sessionTtlHours: config.SESSION_TTL_HOURS,
        sessionCacheSeconds: config.SESSION_CACHE_SECONDS,
        maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES,
      },
    }),
  routes: authRoutes,
});

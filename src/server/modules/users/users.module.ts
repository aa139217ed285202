import { defineModule } from '../../platform/module.ts';
import { usersPolicy } from './users.policy.ts';
import { createUsersRepository } from './users.repository.ts';
import { usersRoutes } from './users.routes.ts';
import { seedDemoUsers } from './users.seed.ts';
import { createUsersService, type UsersService } from './users.service.ts';
import { demoId } from '../../seed/demo-ids.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    users: UsersService;
  }
}

export const usersModule = defineModule({
  name: 'users',
  policy: usersPolicy,
  service: ({ db, audit, clock, services }) =>
    createUsersService({ db, users: createUsersRepository(), org: services.org, sessions: services.auth, audit, clock }),
  routes: usersRoutes,
  seed: { order: 10, run: seedDemoUsers },
  securityFixtures: {
    '/api/users/:id': () => demoId('user:hejin'),
    '/api/users/:id/password': () => demoId('user:hejin'),
    '/api/users/:id/login': () => demoId('user:hejin'),
  },
});

import { defineModule } from '../../platform/module.ts';
import { createSessionsRepository } from '../auth/auth.repository.ts';
import { createOrgRepository } from '../org/org.repository.ts';
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
  service: ({ db, audit, clock }) =>
    createUsersService({ db, users: createUsersRepository(), org: createOrgRepository(), sessions: createSessionsRepository(), audit, clock }),
  plugin: async (app, users) => app.register(usersRoutes, { users }),
  seed: { order: 10, run: seedDemoUsers },
  securityFixtures: {
    '/api/users/:id': () => demoId('user:hejin'),
    '/api/users/:id/password': () => demoId('user:hejin'),
  },
});

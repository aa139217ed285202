import { defineModule } from '../../platform/module.ts';
import { enterprisesPolicy } from './enterprises.policy.ts';
import { createEnterprisesRepository } from './enterprises.repository.ts';
import { enterprisesRoutes } from './enterprises.routes.ts';
import { createEnterprisesService, type EnterprisesService } from './enterprises.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    enterprises: EnterprisesService;
  }
}

export const enterprisesModule = defineModule({
  name: 'enterprises',
  policy: enterprisesPolicy,
  service: ({ db, audit }) => createEnterprisesService({ db, enterprises: createEnterprisesRepository(), audit }),
  plugin: async (app, enterprises) => app.register(enterprisesRoutes, { enterprises }),
  securityFixtures: {
    '/api/enterprises/:id': async ({ login }) => {
      const hejinLeader = await login('hejin');
      return (await hejinLeader.post('/api/enterprises', { name: `河津测试铝业${Math.random()}有限公司`, noCreditCode: true })).body.id;
    },
  },
  sharedRecordRoutes: ['GET /api/enterprises/:id', 'GET /api/enterprises/:id/page'],
});

import { defineModule } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { factorsPolicy } from './factors.policy.ts';
import { createFactorsRepository } from './factors.repository.ts';
import { factorsRoutes } from './factors.routes.ts';
import { factorRequests } from './factors.schema.ts';
import { seedFactors } from './factors.seed.ts';
import { createFactorsService, type FactorsService } from './factors.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    factors: FactorsService;
  }
}

export const factorsModule = defineModule({
  name: 'factors',
  policy: factorsPolicy,
  tables: [factorRequests],
  service: ({ db, audit, clock, services }) =>
    createFactorsService({ db, repo: createFactorsRepository(), audit, clock, blockers: services.dispatch.blockers }),
  records: (factors) => ({ factorRequest: (s, id) => factors.recordInScope(s, id) }),
  routes: factorsRoutes,
  seed: { order: 73, run: (tx, { clock }) => seedFactors(tx, { clock }) },
  securityFixtures: {
    '/api/factor-requests/:id/resolve': () => demoId('factor:hejin'),
    '/api/factor-requests/:id/raise': () => demoId('factor:hejin'),
  },
});

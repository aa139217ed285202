import { defineModule } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { hiringImporters } from './hiring.importers.ts';
import { hiringPolicy } from './hiring.policy.ts';
import { createHiringRepository } from './hiring.repository.ts';
import { hiringRoutes } from './hiring.routes.ts';
import { hiringFairPosts, hiringFairs, hiringPartnershipEnterprises, hiringPartnerships, hiringPosts } from './hiring.schema.ts';
import { seedHiring } from './hiring.seed.ts';
import { createHiringService, type HiringService } from './hiring.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    hiring: HiringService;
  }
}

export const hiringModule = defineModule({
  name: 'hiring',
  policy: hiringPolicy,
  tables: [hiringPosts, hiringFairs, hiringFairPosts, hiringPartnerships, hiringPartnershipEnterprises],
  service: ({ db, audit, clock }) => createHiringService({ db, repo: createHiringRepository(), audit, clock }),
  records: (hiring) => ({
    hiringPost: (s, id) => hiring.recordInScope(s, 'post', id),
    hiringFair: (s, id) => hiring.recordInScope(s, 'fair', id),
    hiringPartnership: (s, id) => hiring.recordInScope(s, 'partnership', id),
  }),
  routes: hiringRoutes,
  importers: (_hiring, { db }) => hiringImporters({ db, repo: createHiringRepository() }),
  seed: { order: 71, run: (tx, { clock }) => seedHiring(tx, { clock }) },
  securityFixtures: {
    '/api/hiring/posts/:id': () => demoId('hiring-post:hejin'),
    '/api/hiring/fairs/:id': () => demoId('hiring-fair:hejin'),
    '/api/hiring/partnerships/:id': () => demoId('hiring-partnership:hejin'),
  },
});

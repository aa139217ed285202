import { defineModule } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { orgPolicy } from './org.policy.ts';
import { createOrgRepository } from './org.repository.ts';
import { orgRoutes } from './org.routes.ts';
import { seedDemoOrg } from './org.seed.ts';
import { createOrgService, type OrgService } from './org.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    org: OrgService;
  }
}

export const orgModule = defineModule({
  name: 'org',
  policy: orgPolicy,
  service: ({ db, audit, services }) => createOrgService({ db, org: createOrgRepository(), audit, sessions: services.auth }),
  records: (org) => ({
    zone: (session, id) => org.inCallerScope(session, 'zone', id),
    park: (session, id) => org.inCallerScope(session, 'park', id),
    department: (session, id) => org.inCallerScope(session, 'department', id),
  }),
  routes: orgRoutes,
  seed: { order: 0, run: seedDemoOrg },
  // An existing database (seeded with the old 26 codes) gets the full GB/T 2260 table on start.
  start: (org, { log }) => {
    org.ensureRegions().catch((err: unknown) => log.error({ err }, 'loading the GB/T 2260 regions failed'));
    return () => {};
  },
  securityFixtures: {
    '/api/zones/:id': () => demoId('zone:hejin'),
    '/api/zones/:id/parks': () => demoId('zone:hejin'),
    '/api/parks/:id': () => demoId('park:hejin:铝工业园'),
    '/api/departments/:id': () => demoId('dept:hejin:investment'),
  },
});

import { defineModule, type SecurityFixtureContext } from '../../platform/module.ts';
import { enterprisesPolicy } from './enterprises.policy.ts';
import { createEnterprisesRepository } from './enterprises.repository.ts';
import { enterprisesRoutes } from './enterprises.routes.ts';
import { createEnterprisesService, type EnterprisesService } from './enterprises.service.ts';
import { enterpriseSearch } from './enterprises.search.ts';

/** An enterprise registered by 河津's leader (汾东 works no lead or project with it). */
async function hejinEnterprise({ login }: SecurityFixtureContext): Promise<string> {
  const hejinLeader = await login('hejin');
  return (await hejinLeader.post('/api/enterprises', { name: `河津测试企业${Math.random()}有限公司`, noCreditCode: true })).body.id;
}

declare module '../../platform/module.ts' {
  interface ModuleServices {
    enterprises: EnterprisesService;
  }
}

export const enterprisesModule = defineModule({
  name: 'enterprises',
  policy: enterprisesPolicy,
  service: ({ db, audit, clock }) => createEnterprisesService({ db, enterprises: createEnterprisesRepository(), audit, clock }),
  routes: enterprisesRoutes,
  search: (service) => enterpriseSearch(service),
  // A database from before the short-name rule: its stored comparable names are brought up to date.
  start: (enterprises, { log }) => {
    enterprises.renormalizeNames().catch((err: unknown) => log.error({ err }, 're-normalising enterprise names failed'));
    return () => {};
  },
  // An edit is refused before its body is validated: 404 when missing, 403 when the caller may not edit it.
  records: (enterprises) => ({
    editableEnterprise: (s, id) => enterprises.assertEditable(s, 'enterprise', id).then(() => true),
    mergeableEnterprise: (s, id) => enterprises.assertEditable(s, 'enterprise', id, 'enterprise.merge').then(() => true),
    editableEnterpriseContact: (s, id) => enterprises.assertEditable(s, 'contact', id).then(() => true),
  }),
  securityFixtures: {
    ...Object.fromEntries(
      ['/api/enterprises/:id', '/api/enterprises/:id/contacts', '/api/enterprises/:id/merge'].map((url) => [url, hejinEnterprise] as const),
    ),
    '/api/enterprise-contacts/:id': async (ctx) => {
      const hejinLeader = await ctx.login('hejin');
      return (await hejinLeader.post(`/api/enterprises/${await hejinEnterprise(ctx)}/contacts`, { name: '王经理' })).body.id;
    },
  },
  sharedRecordRoutes: ['GET /api/enterprises/:id', 'GET /api/enterprises/:id/page'],
});

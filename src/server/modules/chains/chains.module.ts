import { defineModule, type SecurityFixtureContext } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { chainsPolicy } from './chains.policy.ts';
import { createChainsModuleService, type ChainsModuleService } from './chains.module-service.ts';
import { chainsRoutes } from './chains.routes.ts';
import { chainLinkEnterprises, chainLinkProjects, chainLinks, chainRoadmapItems, chainTargets, chains, industryPlans, sectors } from './chains.schema.ts';
import { enterpriseCooperations, enterpriseHonours, enterpriseProductionLines, enterpriseYearlyFigures } from './chains.schema.ts';
import { seedChains } from './chains.seed.ts';
import { figuresImporter } from './figures.importer.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    chains: ChainsModuleService;
  }
}

/** An enterprise registered by 河津's leader (汾东 neither works it nor has it on a chain). */
async function hejinEnterprise({ login }: SecurityFixtureContext): Promise<string> {
  const hejin = await login('hejin');
  return (await hejin.post('/api/enterprises', { name: `河津画像测试${Math.random()}有限公司`, noCreditCode: true })).body.id;
}
async function hejinProfileRow(ctx: SecurityFixtureContext, tail: string, body: unknown): Promise<string> {
  const id = await hejinEnterprise(ctx);
  return (await (await ctx.login('hejin')).post(`/api/enterprises/${id}/${tail}`, body)).body.id;
}

const hejinChain = () => demoId('chain:hejin:copper');
const hejinLink = () => demoId('chain-link:hejin:copper:cu-ultra');

export const chainsModule = defineModule({
  name: 'chains',
  policy: chainsPolicy,
  tables: [
    industryPlans,
    sectors,
    chains,
    chainLinks,
    chainLinkEnterprises,
    chainLinkProjects,
    chainTargets,
    chainRoadmapItems,
    enterpriseHonours,
    enterpriseYearlyFigures,
    enterpriseProductionLines,
    enterpriseCooperations,
  ],
  service: ({ db, audit, clock, services }) => createChainsModuleService({ db, audit, clock, leads: services.leads, enterprises: services.enterprises }),
  records: ({ chains: c, profile: p }) => ({
    sector: (s, id) => c.inCallerScope(s, 'sector', id),
    chain: (s, id) => c.inCallerScope(s, 'chain', id),
    chainLink: (s, id) => c.inCallerScope(s, 'chainLink', id),
    chainPlacement: (s, id) => c.inCallerScope(s, 'chainPlacement', id),
    chainLinkProject: (s, id) => c.inCallerScope(s, 'chainLinkProject', id),
    chainTarget: (s, id) => c.inCallerScope(s, 'chainTarget', id),
    chainRoadmapItem: (s, id) => c.inCallerScope(s, 'chainRoadmapItem', id),
    // Shared enterprise facts: 404 when missing, 403 when the caller may not keep this enterprise's profile.
    editableEnterpriseProfile: (s, id) => p.assertProfileEditable(s, 'enterprise', id).then(() => true),
    enterpriseHonour: (s, id) => p.assertProfileEditable(s, 'honour', id).then(() => true),
    enterpriseFigures: (s, id) => p.assertProfileEditable(s, 'figures', id).then(() => true),
    enterpriseLine: (s, id) => p.assertProfileEditable(s, 'line', id).then(() => true),
    enterpriseCooperation: (s, id) => p.assertProfileEditable(s, 'cooperation', id).then(() => true),
  }),
  routes: chainsRoutes,
  importers: (service) => [figuresImporter(service)],
  seed: { order: 50, run: (tx, { clock }) => seedChains(tx, { clock }) },
  securityFixtures: {
    '/api/sectors/:id': () => demoId('sector:hejin:nonferrous'),
    ...Object.fromEntries(['', '/targets', '/roadmap', '/links'].map((tail) => [`/api/chains/:id${tail}`, hejinChain] as const)),
    ...Object.fromEntries(
      ['', '/enterprises', '/projects', '/leads', '/targets', '/targets/import', '/province-candidates', '/targets/from-province'].map(
        (tail) => [`/api/chain-links/:id${tail}`, hejinLink] as const,
      ),
    ),
    '/api/chain-placements/:id': () => demoId('chain-placement:hejin:copper:cu-ultra:0'),
    '/api/chain-link-projects/:id': () => demoId('chain-project:hejin:copper'),
    '/api/chain-targets/:id': () => demoId('chain-target:hejin:copper:0'),
    '/api/chain-roadmap-items/:id': () => demoId('chain-roadmap:hejin:copper:0'),
    ...Object.fromEntries(['honours', 'figures', 'production-lines', 'cooperations'].map((tail) => [`/api/enterprises/:id/${tail}`, hejinEnterprise] as const)),
    '/api/enterprises/:id/profile': hejinEnterprise,
    '/api/enterprise-honours/:id': (ctx) => hejinProfileRow(ctx, 'honours', { kind: 'high_tech', year: 2024 }),
    '/api/enterprise-figures/:id': (ctx) => hejinProfileRow(ctx, 'figures', { year: 2024, outputWan: 1000 }),
    '/api/enterprise-production-lines/:id': (ctx) => hejinProfileRow(ctx, 'production-lines', { name: '一号线' }),
    '/api/enterprise-cooperations/:id': (ctx) =>
      hejinProfileRow(ctx, 'cooperations', { kind: 'joint_lab', title: '联合实验室', partnerName: '太原理工大学', partnerKind: 'university' }),
  },
  sharedRecordRoutes: ['GET /api/enterprises/:id/profile'],
});

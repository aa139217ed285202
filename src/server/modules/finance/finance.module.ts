import { defineModule } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { financePolicy } from './finance.policy.ts';
import { createFinanceRepository } from './finance.repository.ts';
import { financeRoutes } from './finance.routes.ts';
import { financeEvents, financeInstitutions, financeNeeds, financeProducts, financeReferrals } from './finance.schema.ts';
import { seedFinance } from './finance.seed.ts';
import { createFinanceService, type FinanceService } from './finance.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    finance: FinanceService;
  }
}

export const financeModule = defineModule({
  name: 'finance',
  policy: financePolicy,
  tables: [financeInstitutions, financeProducts, financeNeeds, financeEvents, financeReferrals],
  service: ({ db, audit, clock }) => createFinanceService({ db, repo: createFinanceRepository(), audit, clock }),
  records: (finance) => ({
    financeInstitution: (s, id) => finance.recordInScope(s, 'institution', id),
    financeProduct: (s, id) => finance.recordInScope(s, 'product', id),
    financeNeed: (s, id) => finance.recordInScope(s, 'need', id),
    financeEvent: (s, id) => finance.recordInScope(s, 'event', id),
    financeReferral: (s, id) => finance.recordInScope(s, 'referral', id),
  }),
  routes: financeRoutes,
  seed: { order: 74, run: (tx, { clock }) => seedFinance(tx, { clock }) },
  securityFixtures: {
    '/api/finance/institutions/:id': () => demoId('finance-institution:hejin'),
    '/api/finance/products/:id': () => demoId('finance-product:hejin'),
    '/api/finance/needs/:id': () => demoId('finance-need:hejin'),
    '/api/finance/events/:id': () => demoId('finance-event:hejin'),
    '/api/finance/referrals/:id': () => demoId('finance-referral:hejin'),
  },
});

import { defineModule } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { fundingImporters } from './funding.importers.ts';
import { fundingPolicy } from './funding.policy.ts';
import { createFundingRepository } from './funding.repository.ts';
import { fundingRoutes } from './funding.routes.ts';
import { fundingApplications, fundingContacts, fundingProgrammes, fundingReserve, fundingReserveProgrammes } from './funding.schema.ts';
import { seedFunding } from './funding.seed.ts';
import { createFundingService, type FundingService } from './funding.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    funding: FundingService;
  }
}

export const fundingModule = defineModule({
  name: 'funding',
  policy: fundingPolicy,
  tables: [fundingProgrammes, fundingReserve, fundingReserveProgrammes, fundingApplications, fundingContacts],
  service: ({ db, audit, clock }) => createFundingService({ db, repo: createFundingRepository(), audit, clock }),
  records: (funding) => ({
    fundingProgramme: (s, id) => funding.recordInScope(s, 'programme', id),
    fundingReserve: (s, id) => funding.recordInScope(s, 'reserve', id),
    fundingApplication: (s, id) => funding.recordInScope(s, 'application', id),
    fundingContact: (s, id) => funding.recordInScope(s, 'contact', id),
  }),
  routes: fundingRoutes,
  importers: (_funding, { db }) => fundingImporters({ db, repo: createFundingRepository() }),
  // Deadline reminders go out on a timer here and on every read of the applications or the summary.
  start: (funding, { log }) => {
    const timer = setInterval(() => funding.sendDueReminders(null).catch((err) => log.error({ err }, 'funding reminders failed')), 60 * 60_000);
    return () => clearInterval(timer);
  },
  seed: { order: 70, run: (tx, { clock }) => seedFunding(tx, { clock }) },
  securityFixtures: {
    '/api/funding/programmes/:id': () => demoId('funding-programme:hejin'),
    '/api/funding/reserve/:id': () => demoId('funding-reserve:hejin'),
    '/api/funding/applications/:id': () => demoId('funding-application:hejin'),
    '/api/funding/contacts/:id': () => demoId('funding-contact:hejin'),
  },
});

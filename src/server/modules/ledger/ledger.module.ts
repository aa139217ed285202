import { defineModule } from '../../platform/module.ts';
import { createLeadsRepository } from '../leads/leads.repository.ts';
import { createLedgerRepository } from './ledger.repository.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { createLedgerService } from './ledger.service.ts';

/** The 招商线索台账 in and out of Excel (its permission, lead.import, belongs to leads). */
export const ledgerModule = defineModule({
  name: 'ledger',
  service: ({ db, audit, clock, services }) =>
    createLedgerService({ db, ledger: createLedgerRepository(), leadsRepo: createLeadsRepository(), leads: services.leads, audit, clock }),
  plugin: async (app, ledger) => app.register(ledgerRoutes, { ledger }),
});

import { defineModule } from '../../platform/module.ts';
import { enterprisesImporter, leadsImporter } from './ledger.importers.ts';
import { createLedgerRepository } from './ledger.repository.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { createLedgerService } from './ledger.service.ts';

/** The 招商线索台账 in and out of Excel (its permission, lead.import, belongs to leads). */
export const ledgerModule = defineModule({
  name: 'ledger',
  service: ({ db, clock, services }) => {
    const ledger = createLedgerRepository();
    return createLedgerService({ leads: services.leads, clock, agreements: (ids) => ledger.ledgerAgreements(db, ids) });
  },
  importers: (_ledger, { services }) => {
    const ledger = createLedgerRepository();
    return [leadsImporter({ ledger, leads: services.leads, enterprises: services.enterprises }), enterprisesImporter({ ledger })];
  },
  plugin: async (app, ledger) => app.register(ledgerRoutes, { ledger }),
});

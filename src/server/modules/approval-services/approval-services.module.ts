import { defineModule } from '../../platform/module.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { delegatedItemsImporter } from './approval-services.importer.ts';
import { approvalServicesPolicy } from './approval-services.policy.ts';
import { createApprovalServicesRepository } from './approval-services.repository.ts';
import { approvalServicesRoutes } from './approval-services.routes.ts';
import { approvalCases, approvalServiceSettings, delegatedItems } from './approval-services.schema.ts';
import { seedApprovalServices } from './approval-services.seed.ts';
import { createApprovalServicesService, type ApprovalServicesService } from './approval-services.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    approvalServices: ApprovalServicesService;
  }
}

export const approvalServicesModule = defineModule({
  name: 'approvalServices',
  policy: approvalServicesPolicy,
  tables: [delegatedItems, approvalCases, approvalServiceSettings],
  service: ({ db, audit, clock, services }) =>
    createApprovalServicesService({
      db,
      repo: createApprovalServicesRepository(),
      audit,
      clock,
      calendar: () => services.calendar.current(),
      projects: services.projects,
    }),
  records: (svc) => ({
    delegatedItem: (s, id) => svc.recordInScope(s, 'item', id),
    approvalCase: (s, id) => svc.recordInScope(s, 'case', id),
  }),
  routes: approvalServicesRoutes,
  importers: () => [delegatedItemsImporter({ repo: createApprovalServicesRepository() })],
  // Overdue cases escalate on a timer here and on every read of the cases or the worklist.
  start: (svc, { log }) => {
    const timer = setInterval(() => svc.escalateDue(null).catch((err) => log.error({ err }, 'approval case escalation failed')), 15 * 60_000);
    return () => clearInterval(timer);
  },
  seed: { order: 72, run: (tx, { clock }) => seedApprovalServices(tx, { clock }) },
  securityFixtures: {
    '/api/delegated-items/:id': () => demoId('delegated-item:hejin'),
    '/api/approval-cases/:id': () => demoId('approval-case:hejin'),
    '/api/approval-cases/:id/advance': () => demoId('approval-case:hejin'),
  },
});

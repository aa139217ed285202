import { defineModule } from '../../platform/module.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import { createDispatchRepository } from './dispatch.repository.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { dispatchSecurityFixtures } from './dispatch.security-fixtures.ts';
import { seedDispatch } from './dispatch.seed.ts';
import { createDispatchService, type DispatchService } from './dispatch.service.ts';
import { blockerSearch } from './dispatch.search.ts';
import { campaignListsImporter } from './campaign-lists.importer.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    dispatch: DispatchService;
  }
}

export const dispatchModule = defineModule({
  name: 'dispatch',
  policy: dispatchPolicy,
  service: ({ db, audit, clock, services }) =>
    createDispatchService({ db, repo: createDispatchRepository(), audit, clock, calendar: (d) => services.calendar.current(d) }),
  // Operations naming a record answer 404 before validating the body when it lies outside the caller's zones.
  records: (dispatch) => ({
    blocker: (s, id) => dispatch.blockers.inCallerScope(s, id),
    meeting: (s, id) => dispatch.meetings.inCallerScope(s, id),
    decision: (s, id) => dispatch.decisions.inCallerScope(s, id),
    campaign: (s, id) => dispatch.campaigns.inCallerScope(s, id),
    campaignEntry: (s, id) => dispatch.campaigns.entryInCallerScope(s, id),
    // A notice is its recipient's alone.
    notification: (s, id) => dispatch.notifications.isRecipient(s, id),
  }),
  routes: dispatchRoutes,
  // The 三个一批 lists as a workbook (three blocks on one sheet) through the shared import engine (docs/imports.md).
  importers: (_dispatch, { audit }) => [campaignListsImporter({ audit })],
  search: (service) => blockerSearch(service),
  // Overdue blockers escalate on a timer here and lazily on every read (docs/dispatch.md); tests drive the read path with their clock.
  start: (dispatch, { log }) => dispatch.startEscalationTimer(15 * 60_000, (err) => log.error({ err }, 'blocker escalation sweep failed')),
  seed: { order: 40, run: (tx, { clock }) => seedDispatch(tx, { clock }) },
  securityFixtures: dispatchSecurityFixtures,
});

import { defineModule } from '../../platform/module.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import { createDispatchRepository } from './dispatch.repository.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { seedDispatch } from './dispatch.seed.ts';
import { createDispatchService, type DispatchService } from './dispatch.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    dispatch: DispatchService;
  }
}

export const dispatchModule = defineModule({
  name: 'dispatch',
  policy: dispatchPolicy,
  service: ({ db, audit, clock, services }) =>
    createDispatchService({ db, repo: createDispatchRepository(), audit, clock, calendar: () => services.calendar.current() }),
  plugin: async (app, dispatch) => app.register(dispatchRoutes, { dispatch }),
  // Overdue blockers escalate on a timer here and lazily on every read (docs/dispatch.md); tests drive the read path with their clock.
  start: (dispatch, { log }) => dispatch.startEscalationTimer(15 * 60_000, (err) => log.error({ err }, 'blocker escalation sweep failed')),
  seed: { order: 40, run: (tx, { clock }) => seedDispatch(tx, { clock }) },
});

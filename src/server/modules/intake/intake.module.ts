import { defineModule } from '../../platform/module.ts';
import { intakePolicy } from './intake.policy.ts';
import { createIntakeRepository } from './intake.repository.ts';
import { intakeRoutes } from './intake.routes.ts';
import { intakeZoneFigures } from './intake.schema.ts';
import { createIntakeService, type IntakeService } from './intake.service.ts';

// 智能录入 creates and updates projects, leads and enterprises through those modules' services
// (createInTx, updateInTx, findOrCreateInTx), inside its one transaction (docs/intake.md, Web flow).
export const intakeModule = defineModule({
  name: 'intake',
  policy: intakePolicy,
  tables: [intakeZoneFigures],
  service: ({ db, audit, clock, services }) =>
    createIntakeService({
      db,
      repo: createIntakeRepository(),
      projects: services.projects,
      leads: services.leads,
      enterprises: services.enterprises,
      audit,
      clock,
    }),
  routes: intakeRoutes,
});

declare module '../../platform/module.ts' {
  interface ModuleServices {
    intake: IntakeService;
  }
}

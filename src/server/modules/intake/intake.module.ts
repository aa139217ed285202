import { defineModule } from '../../platform/module.ts';
import { createEnterprisesRepository } from '../enterprises/enterprises.repository.ts';
import { createLeadsRepository } from '../leads/leads.repository.ts';
import { createProjectsRepository } from '../projects/projects.repository.ts';
import { intakePolicy } from './intake.policy.ts';
import { createIntakeRepository } from './intake.repository.ts';
import { intakeRoutes } from './intake.routes.ts';
import { createIntakeService } from './intake.service.ts';

// 智能录入 creates and updates projects and leads through those modules (docs/intake.md, Web flow).
export const intakeModule = defineModule({
  name: 'intake',
  policy: intakePolicy,
  service: ({ db, audit, clock, services }) =>
    createIntakeService({
      db,
      repo: createIntakeRepository(),
      projects: services.projects,
      projectsRepo: createProjectsRepository(),
      leadsRepo: createLeadsRepository(),
      enterprises: createEnterprisesRepository(),
      audit,
      clock,
    }),
  plugin: async (app, intake) => app.register(intakeRoutes, { intake }),
});

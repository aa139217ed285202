import { defineModule } from '../../platform/module.ts';
import { leadsPolicy } from './leads.policy.ts';
import { createLeadsRepository } from './leads.repository.ts';
import { leadsRoutes } from './leads.routes.ts';
import { seedPipeline } from './leads.seed.ts';
import { createLeadsService, type LeadsService } from './leads.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    leads: LeadsService;
  }
}

export const leadsModule = defineModule({
  name: 'leads',
  policy: leadsPolicy,
  service: ({ db, audit, clock, services }) =>
    createLeadsService({ db, leads: createLeadsRepository(), enterprises: services.enterprises, audit, clock, projects: services.projects }),
  plugin: async (app, leads) => app.register(leadsRoutes, { leads }),
  seed: { order: 30, run: (tx, { scale }) => seedPipeline(tx, { scale }) },
});

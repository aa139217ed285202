import { defineModule } from '../../platform/module.ts';
import { createAuditRepository } from '../audit/audit.repository.ts';
import { createWorkbenchRepository } from './workbench.repository.ts';
import { workbenchRoutes } from './workbench.routes.ts';
import { createWorkbenchService } from './workbench.service.ts';

/** The 工作台: each module's share of it comes from that module's public service. */
export const workbenchModule = defineModule({
  name: 'workbench',
  service: ({ db, services }) =>
    createWorkbenchService({
      db,
      workbench: createWorkbenchRepository(),
      audit: createAuditRepository(),
      projects: services.projects,
      pipeline: services.leads,
      dispatch: services.dispatch,
    }),
  plugin: async (app, workbench) => app.register(workbenchRoutes, { workbench }),
});

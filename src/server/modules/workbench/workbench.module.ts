import { defineModule } from '../../platform/module.ts';
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
      audit: services.audit,
      projects: services.projects,
      pipeline: services.leads,
      dispatch: services.dispatch,
    }),
  routes: workbenchRoutes,
});

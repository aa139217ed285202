import { defineModule } from '../../platform/module.ts';
import { createDispatchSheetRepository } from './dispatch-sheet.repository.ts';
import { dispatchSheetRoutes } from './dispatch-sheet.routes.ts';
import { createDispatchSheetService } from './dispatch-sheet.service.ts';
import { projectsPolicy } from './projects.policy.ts';
import { createProjectsRepository } from './projects.repository.ts';
import { projectsRoutes } from './projects.routes.ts';
import { seedProjects } from './projects.seed.ts';
import { createProjectsService, type ProjectsService } from './projects.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    projects: ProjectsService;
  }
}

export const projectsModule = defineModule({
  name: 'projects',
  policy: projectsPolicy,
  service: ({ db, audit, clock, services }) =>
    createProjectsService({ db, projects: createProjectsRepository(), audit, clock, calendar: () => services.calendar.current() }),
  plugin: async (app, projects, { db, audit, clock }) => {
    await app.register(projectsRoutes, { projects });
    await app.register(dispatchSheetRoutes, {
      sheet: createDispatchSheetService({ db, sheet: createDispatchSheetRepository(), projects: createProjectsRepository(), audit, clock }),
    });
  },
  seed: { order: 20, run: (tx, { scale }) => seedProjects(tx, { scale }) },
});

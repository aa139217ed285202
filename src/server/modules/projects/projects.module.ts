import { defineModule } from '../../platform/module.ts';
import { dispatchSheetImporters, dispatchSheetPlugin } from './dispatch-sheet.wiring.ts';
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
  records: (projects) => ({ project: (session, id) => projects.inCallerScope(session, id) }),
  routes: projectsRoutes,
  // The dispatch sheet: its export route, and its importer on the shared import engine (dispatch-sheet.wiring.ts).
  plugin: dispatchSheetPlugin,
  importers: dispatchSheetImporters,
  seed: { order: 20, run: (tx, { scale, clock }) => seedProjects(tx, { scale, clock }) },
});

import { projectOperations } from '../../../contract/projects.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { defineModule } from '../../platform/module.ts';
import { dispatchSheetImporters, dispatchSheetPlugin } from './dispatch-sheet.wiring.ts';
import { projectsPolicy } from './projects.policy.ts';
import { createProjectsRepository } from './projects.repository.ts';
import { projectsRoutes } from './projects.routes.ts';
import { seedProjects } from './projects.seed.ts';
import { createProjectsService, type ProjectsService } from './projects.service.ts';
import { projectSearch } from './projects.search.ts';

/** Every route naming a project: the security walk tries it with 河津's LNG project, out of 汾东's reach. */
const projectRecordRoutes = Object.values(projectOperations)
  .filter((operation) => 'record' in operation)
  .map((operation) => operation.path);

declare module '../../platform/module.ts' {
  interface ModuleServices {
    projects: ProjectsService;
  }
}

export const projectsModule = defineModule({
  name: 'projects',
  policy: projectsPolicy,
  service: ({ db, audit, clock, services }) => {
    const projects = createProjectsRepository();
    return createProjectsService({
      db,
      projects,
      audit,
      clock,
      calendar: (d) => services.calendar.current(d),
      // 标准地 reads the enterprises' yearly figures (亩均税收/产出/能耗) where they exist.
      enterpriseYearly: (d, ids) => projects.latestYearlyFigures(d, ids),
    });
  },
  records: (projects) => ({ project: (session, id) => projects.inCallerScope(session, id) }),
  routes: projectsRoutes,
  search: (service) => projectSearch(service),
  // The dispatch sheet: its export route, and its importer on the shared import engine (dispatch-sheet.wiring.ts).
  plugin: dispatchSheetPlugin,
  importers: dispatchSheetImporters,
  seed: { order: 20, run: (tx, { scale, clock }) => seedProjects(tx, { scale, clock }) },
  securityFixtures: Object.fromEntries(projectRecordRoutes.map((path) => [path, () => demoId('project:hejin-lng')])),
});

/**
 * The projects module's one public service, composed of its aggregates: the project itself
 * (project-core), its plan, its progress and the settings. They share one context
 * (projects.context.ts); the routes, other modules (leads, workbench, intake) and tests use this.
 */
import { createProjectApprovalCasesService } from './project-approval-cases.service.ts';
import { createProjectCoreService } from './project-core.service.ts';
import { createProjectPlanService } from './project-plan.service.ts';
import { createProjectProgressService } from './project-progress.service.ts';
import { createProjectSettingsService } from './project-settings.service.ts';
import { createProjectsContext, type ProjectsDeps } from './projects.context.ts';

export { PHOTO_MAX_BYTES } from '../../../contract/projects.ts';
export type { ProjectCreateValues, ProjectFromLeadInput } from './project-core.service.ts';
export { imageTypeOf } from './projects.rules.ts';
export type { ProjectsDeps } from './projects.context.ts';

export function createProjectsService(deps: ProjectsDeps) {
  const context = createProjectsContext(deps);
  return {
    today: context.today,
    ensureFresh: context.ensureFresh,
    ...createProjectCoreService(context),
    ...createProjectPlanService(context),
    ...createProjectProgressService(context),
    ...createProjectSettingsService(context),
    ...createProjectApprovalCasesService(context),
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;

/**
 * The projects module's public surface: the only file of src/server/modules/projects/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
export { createProjectsService, type ProjectCreateValues, type ProjectFromLeadInput, type ProjectsService } from './projects.service.ts';
export type { ProjectRow } from './projects.repository.ts';

import {
  projectCoreOperations as core,
  projectPlanOperations as plan,
  projectProgressOperations as progress,
  projectSettingsOperations as settings,
} from '../../../contract/projects.ts';
import type { Router } from '../../platform/http/operations.ts';
import { fieldError } from '../../platform/errors.ts';
import type { ProjectsService } from './projects.service.ts';

/** Every projects route, from its operation (the dispatch sheet's stay in dispatch-sheet.routes.ts). */
export function projectsRoutes(router: Router, projects: ProjectsService) {
  router.handle(core.list, ({ session, query }) => projects.list(session, query));
  router.handle(core.create, ({ session, body, requestId }) => projects.create(session, body, requestId));
  router.handle(core.get, ({ session, params }) => projects.get(session, params.id));
  router.handle(core.update, ({ session, params, body, requestId }) => projects.update(session, params.id, body, requestId));
  router.handle(core.changeStage, ({ session, params, body, requestId }) => projects.changeStage(session, params.id, body, requestId));
  router.handle(core.flagHistory, ({ session, params }) => projects.flagHistory(session, params.id));
  router.handle(core.assignees, ({ session, query }) => projects.assignableUsers(session, query.zoneId));

  router.handle(plan.putMilestones, ({ session, params, body, requestId }) => projects.putMilestones(session, params.id, body, requestId));
  router.handle(plan.putApprovals, ({ session, params, body, requestId }) => projects.putApprovals(session, params.id, body, requestId));
  router.handle(plan.putLandStandard, ({ session, params, body, requestId }) => projects.putLandStandard(session, params.id, body, requestId));
  router.handle(plan.putAnnualPlan, ({ session, params, body, requestId }) => projects.putAnnualPlan(session, params.id, params.year, body, requestId));
  router.handle(plan.landCompliance, ({ session, query }) => projects.landCompliance(session, query.zoneId));
  router.handle(plan.landComplianceExport, ({ session, query }) => projects.landComplianceXlsx(session, query));

  router.handle(progress.createReport, ({ session, params, body, requestId }) => projects.createReport(session, params.id, body, requestId));
  router.handle(progress.updateReport, ({ session, params, body, requestId }) => projects.updateReport(session, params.id, params.reportId, body, requestId));
  router.handle(progress.uploadPhoto, async ({ session, params, request, file, requestId }) => {
    // A request without a form has no photo: the same answer as a form without a file.
    if (!request.isMultipart()) throw fieldError('file', 'photo_missing');
    let upload;
    try {
      upload = await file();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'photo_too_large');
      throw err;
    }
    return projects.uploadPhoto(
      session,
      params.id,
      upload ? { bytes: upload.buffer, truncated: false } : undefined,
      { caption: upload?.fields.caption, reportId: upload?.fields.reportId },
      requestId,
    );
  });
  router.handle(progress.photo, async ({ session, params }) => {
    const photo = await projects.photo(session, params.id, params.photoId);
    const extension = photo.mimeType.split('/')[1] ?? 'bin';
    return {
      buffer: photo.bytes,
      fileName: `${params.photoId}.${extension === 'jpeg' ? 'jpg' : extension}`,
      contentType: photo.mimeType,
      disposition: 'inline' as const,
      // A stored photo never changes under its id.
      cacheControl: 'private, max-age=86400',
    };
  });
  router.handle(progress.batch, ({ session, query }) => projects.batch(session, query));
  router.handle(progress.batchCreate, ({ session, body, requestId }) => projects.batchCreate(session, body, requestId));

  router.handle(settings.templates, ({ session, query }) => projects.templates(session, query.zoneId));
  router.handle(settings.putTemplates, ({ session, body, requestId }) => projects.putTemplates(session, body, requestId));
  router.handle(settings.flagRule, ({ session, query }) => projects.flagRule(session, query.zoneId));
  router.handle(settings.putFlagRule, ({ session, body, requestId }) => projects.putFlagRule(session, body, requestId));
}

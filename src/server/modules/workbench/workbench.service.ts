import type { Db } from '../../db/client.ts';
import type { ProjectWorkbench } from '../../../contract/projects.ts';
import type { PipelineWorkbench } from '../../../contract/leads.ts';
import type { DispatchWorkbench } from '../../../contract/dispatch.ts';
import type { ServicesWorkbench } from '../../../contract/services/workbench.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import type { AuditService } from '../audit/index.ts';
import type { createWorkbenchRepository } from './workbench.repository.ts';

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;

export function createWorkbenchService(deps: {
  db: Db;
  workbench: ReturnType<typeof createWorkbenchRepository>;
  audit: Pick<AuditService, 'recentChanges'>;
  /** The 项目 entries (overdue milestones, reports due), when the projects module is present. */
  projects?: { workbench(s: SessionContext): Promise<ProjectWorkbench> };
  /** The 招商 entries (my leads, follow-ups due), when the pipeline module is present. */
  pipeline?: { workbench(s: SessionContext): Promise<PipelineWorkbench> };
  /** The 调度 entries (blockers I own, decisions assigned to me), when the dispatch module is present. */
  dispatch?: { myTodo(s: SessionContext): Promise<DispatchWorkbench> };
  /** The 企业服务 worklists (service officer, 代办员), when those modules are present. */
  services?: { workbench(s: SessionContext): Promise<ServicesWorkbench> };
}) {
  const { db, workbench, audit, projects, pipeline, dispatch, services } = deps;
  return {
    async get(s: SessionContext) {
      // Zone-level changes only: global entries (logins, users) belong to the admin's audit page.
      const [zones, recent, projectEntries, pipelineEntries, dispatchEntries, serviceEntries] = await Promise.all([
        workbench.zoneSummaries(db, s),
        audit.recentChanges(s, 10),
        projects?.workbench(s),
        pipeline?.workbench(s),
        dispatch?.myTodo(s),
        services?.workbench(s),
      ]);
      return {
        zones,
        recentChanges: recent,
        projects: projectEntries,
        pipeline: pipelineEntries,
        dispatch: dispatchEntries,
        services: serviceEntries,
      };
    },
  };
}

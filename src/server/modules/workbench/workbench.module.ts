import type { SessionContext } from '../../platform/auth/session.ts';
import { defineModule, type ModuleServices } from '../../platform/module.ts';
import { requestLocaleOf } from './workbench.locale.ts';
import { createWorkbenchRepository } from './workbench.repository.ts';
import { workbenchRoutes } from './workbench.routes.ts';
import { createWorkbenchService } from './workbench.service.ts';

/** The 企业服务 share: the caller's funding deadlines, 代办 cases and closing posts, most urgent first, with the two headline lines. */
function servicesWorkbench(services: ModuleServices) {
  const { funding, hiring, approvalServices } = services;
  if (!funding && !hiring && !approvalServices) return undefined;
  return {
    async workbench(s: SessionContext) {
      const locale = requestLocaleOf(s);
      const [a, b, c, f, h] = await Promise.all([
        approvalServices?.myWorklist(s) ?? [],
        funding?.myWorklist(s) ?? [],
        hiring?.myWorklist(s) ?? [],
        funding?.summary(s, {}, locale),
        hiring?.summary(s, {}, locale),
      ]);
      const todo = [...a, ...b, ...c]
        .sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.dueOn ?? '9999').localeCompare(y.dueOn ?? '9999'))
        .slice(0, 30);
      return { todo, funding: f?.text ?? null, hiring: h?.text ?? null };
    },
  };
}

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
      services: servicesWorkbench(services),
    }),
  routes: workbenchRoutes,
});

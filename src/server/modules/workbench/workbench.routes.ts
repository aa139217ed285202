import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workbenchResponse } from '../../../contract/workbench.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { createWorkbenchService } from './workbench.service.ts';

export const workbenchRoutes: FastifyPluginAsyncZod<{ workbench: ReturnType<typeof createWorkbenchService> }> = async (app, { workbench }) => {
  app.get('/api/workbench', { schema: { tags: ['workbench'], summary: '工作台 / Workbench', response: { 200: workbenchResponse } } }, async (req) =>
    workbench.get(sessionOf(req)),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '../../../contract/audit.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { createAuditService } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: ReturnType<typeof createAuditService> }> = async (app, { audit }) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: '操作日志与记录历史 / Audit log and record history', querystring: auditQuery, response: { 200: auditPage } } },
    async (req) => audit.list(sessionOf(req), req.query),
  );
};

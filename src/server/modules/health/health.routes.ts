import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse } from '../../../contract/health.ts';
import type { Database } from '../../db/client.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; version: string }> = async (app, { database, version }) => {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['health'], summary: '健康检查 / Health', response: { 200: healthResponse } } },
    async () => {
      await database.query('select 1');
      return { status: 'ok' as const, db: database.kind, version };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { createEnterpriseBody, enterprisePage, enterpriseSchema, listEnterprisesQuery, updateEnterpriseBody } from '../../../contract/enterprises.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { EnterprisesService } from './enterprises.service.ts';

export const enterprisesRoutes: FastifyPluginAsyncZod<{ enterprises: EnterprisesService }> = async (app, { enterprises }) => {
  const tags = ['enterprises'];
  app.get(
    '/api/enterprises',
    { schema: { tags, summary: '企业库 / Enterprises', querystring: listEnterprisesQuery, response: { 200: enterprisePage } } },
    async (req) => enterprises.list(sessionOf(req), req.query),
  );
  app.post(
    '/api/enterprises',
    { config: { permission: 'enterprise.create' }, schema: { tags, summary: '新建企业 / Create enterprise', body: createEnterpriseBody, response: { 201: enterpriseSchema } } },
    async (req, reply) => {
      reply.status(201);
      return enterprises.create(sessionOf(req), req.body, String(req.id));
    },
  );
  app.get('/api/enterprises/:id', { schema: { tags, summary: '企业详情 / Get enterprise', params: idParams, response: { 200: enterpriseSchema } } }, async (req) =>
    enterprises.get(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise.update' },
      schema: { tags, summary: '修改企业 / Update enterprise', params: idParams, body: updateEnterpriseBody, response: { 200: enterpriseSchema } },
    },
    async (req) => enterprises.update(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
};

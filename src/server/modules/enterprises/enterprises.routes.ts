import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okSchema } from '../../../contract/common.ts';
import {
  contactBody,
  contactSchema,
  createEnterpriseBody,
  enterprisePage,
  enterprisePageSchema,
  enterpriseSchema,
  listEnterprisesQuery,
  mergeEnterpriseBody,
  mergeResultSchema,
  updateEnterpriseBody,
} from '../../../contract/enterprises.ts';
import { industrySections } from '../../../contract/industries.ts';
import type { FastifyRequest } from 'fastify';
import { sessionOf } from '../../platform/auth/guard.ts';
import { notFound } from '../../platform/errors.ts';
import type { EnterprisesService } from './enterprises.service.ts';

export const enterprisesRoutes: FastifyPluginAsyncZod<{ enterprises: EnterprisesService }> = async (app, { enterprises }) => {
  const tags = ['enterprises'];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  // Edits of a record the caller may not edit are refused before the body is validated.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (req.method === 'GET') return;
    const url = req.routeOptions.url ?? '';
    const id = (req.params as { id?: string }).id ?? '';
    if (!url.startsWith('/api/enterprises/:id') && !url.startsWith('/api/enterprise-contacts/:id')) return;
    if (!uuid.test(id)) throw notFound();
    await enterprises.assertEditable(
      sessionOf(req),
      url.startsWith('/api/enterprise-contacts') ? 'contact' : 'enterprise',
      id,
      url.endsWith('/merge') ? 'enterprise.merge' : 'enterprise.update',
    );
  });
  app.get(
    '/api/enterprises',
    { schema: { tags, summary: '企业库 / Enterprises', querystring: listEnterprisesQuery, response: { 200: enterprisePage } } },
    async (req) => enterprises.list(sessionOf(req), req.query),
  );
  app.post(
    '/api/enterprises',
    {
      config: { permission: 'enterprise.create' },
      schema: { tags, summary: '新建企业 / Create enterprise', body: createEnterpriseBody, response: { 201: enterpriseSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return enterprises.create(sessionOf(req), req.body, String(req.id));
    },
  );
  app.get(
    '/api/enterprises/:id',
    { schema: { tags, summary: '企业详情 / Get enterprise', params: idParams, response: { 200: enterpriseSchema } } },
    async (req) => enterprises.get(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise.update' },
      schema: { tags, summary: '修改企业 / Update enterprise', params: idParams, body: updateEnterpriseBody, response: { 200: enterpriseSchema } },
    },
    async (req) => enterprises.update(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.get(
    '/api/enterprises/:id/page',
    { schema: { tags, summary: '企业页：联系人、线索与项目 / Enterprise page', params: idParams, response: { 200: enterprisePageSchema } } },
    async (req) => enterprises.page(sessionOf(req), req.params.id),
  );
  app.post(
    '/api/enterprises/:id/contacts',
    {
      config: { permission: 'enterprise.update' },
      schema: { tags, summary: '新增联系人 / Add contact', params: idParams, body: contactBody, response: { 201: contactSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return enterprises.addContact(sessionOf(req), req.params.id, req.body, String(req.id));
    },
  );
  app.patch(
    '/api/enterprise-contacts/:id',
    {
      config: { permission: 'enterprise.update' },
      schema: { tags, summary: '修改联系人 / Update contact', params: idParams, body: contactBody, response: { 200: contactSchema } },
    },
    async (req) => enterprises.updateContact(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.delete(
    '/api/enterprise-contacts/:id',
    { config: { permission: 'enterprise.update' }, schema: { tags, summary: '删除联系人 / Delete contact', params: idParams, response: { 200: okSchema } } },
    async (req) => enterprises.deleteContact(sessionOf(req), req.params.id, String(req.id)),
  );
  app.post(
    '/api/enterprises/:id/merge',
    {
      config: { permission: 'enterprise.merge' },
      schema: {
        tags,
        summary: '合并重复企业 / Merge a duplicate into this enterprise',
        params: idParams,
        body: mergeEnterpriseBody,
        response: { 200: mergeResultSchema },
      },
    },
    async (req) => enterprises.merge(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.get(
    '/api/industries',
    {
      schema: {
        tags,
        summary: '国民经济行业分类 / GB/T 4754 industries',
        response: { 200: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), divisions: z.array(z.tuple([z.string(), z.string()])) })) },
      },
    },
    async () => industrySections,
  );
};

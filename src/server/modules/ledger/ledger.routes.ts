import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { commitImportBody, importProgressSchema, importSummarySchema, uploadImportQuery } from '../../../contract/imports.ts';
import { listLeadsQuery } from '../../../contract/leads.ts';
import type { FastifyRequest } from 'fastify';
import { sessionOf } from '../../platform/auth/guard.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { requestLocale } from '../../platform/i18n.ts';
import type { LedgerService } from './ledger.service.ts';

const exportQuery = listLeadsQuery.omit({ page: true, pageSize: true });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ledgerRoutes: FastifyPluginAsyncZod<{ ledger: LedgerService; maxUploadBytes?: number }> = async (
  app,
  { ledger, maxUploadBytes = 100 * 1024 * 1024 },
) => {
  // Multipart only here: spreadsheets stream straight into the reader.
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 5 } });
  const tags = ['ledger'];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.routeOptions.url?.startsWith('/api/imports/:id')) return;
    const id = (req.params as { id?: string }).id ?? '';
    // While an upload is still being read its batch is not visible yet: progress answers for it.
    if (req.routeOptions.url === '/api/imports/:id/progress') return;
    if (!uuid.test(id) || !(await ledger.inCallerScope(sessionOf(req), id))) throw notFound();
  });

  app.get(
    '/api/exports/lead-ledger.xlsx',
    { schema: { tags, summary: '导出招商线索台账 / Export the lead ledger (.xlsx)', querystring: exportQuery } },
    async (req, reply) => {
      const buffer = await ledger.exportLedger(sessionOf(req), req.query);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('招商线索台账.xlsx')}`);
      return reply.send(buffer);
    },
  );

  app.post(
    '/api/imports',
    {
      config: { permission: 'lead.import' },
      schema: {
        tags,
        summary: '上传 .xlsx 并校验（暂存） / Upload and validate an .xlsx (staged)',
        description: 'multipart/form-data with one file field. Nothing is written to leads or enterprises until commit.',
        querystring: uploadImportQuery,
        response: { 201: importSummarySchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw fieldError('file', 'import_file_required');
      const file = await req.file();
      if (!file) throw fieldError('file', 'import_file_required');
      const summary = await ledger.stage(sessionOf(req), req.query, file.filename || 'upload.xlsx', file.file, requestLocale(req), String(req.id));
      reply.status(201);
      return summary;
    },
  );
  app.get(
    '/api/imports/:id',
    { schema: { tags, summary: '导入结果 / Import summary', params: idParams, response: { 200: importSummarySchema } } },
    async (req) => ledger.get(sessionOf(req), req.params.id),
  );
  app.get(
    '/api/imports/:id/progress',
    { schema: { tags, summary: '导入进度 / Import progress', params: idParams, response: { 200: importProgressSchema } } },
    async (req) => ledger.progress(sessionOf(req), req.params.id),
  );
  app.post(
    '/api/imports/:id/commit',
    {
      config: { permission: 'lead.import' },
      schema: { tags, summary: '确认导入 / Commit an import', params: idParams, body: commitImportBody, response: { 200: importSummarySchema } },
    },
    async (req) => ledger.commit(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.post(
    '/api/imports/:id/discard',
    {
      config: { permission: 'lead.import' },
      schema: { tags, summary: '放弃导入 / Discard an import', params: idParams, response: { 200: importSummarySchema } },
    },
    async (req) => ledger.discard(sessionOf(req), req.params.id, String(req.id)),
  );
};

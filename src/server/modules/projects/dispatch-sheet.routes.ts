import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dispatchCommitQuery,
  dispatchImportProgress,
  dispatchImportProgressQuery,
  dispatchImportQuery,
  dispatchImportReport,
  dispatchSheetQuery,
} from '../../../contract/project-dispatch-sheet.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import { fieldError } from '../../platform/errors.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { DISPATCH_MAX_BYTES, type DispatchSheetService } from './dispatch-sheet.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The whole upload in memory (size-limited): the import reads it twice, rows as a stream and merged ranges from the zip. */
async function uploadOf(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw fieldError('file', 'import_file_required');
  const file = await req.file();
  if (!file) throw fieldError('file', 'import_file_required');
  let buffer: Buffer;
  try {
    buffer = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'sheet_too_large');
    throw err;
  }
  return { buffer, fileName: file.filename || 'upload.xlsx' };
}

/** 重点项目调度表: export, and import in two steps (preview, then commit with the same file). */
export const dispatchSheetRoutes: FastifyPluginAsyncZod<{ sheet: DispatchSheetService }> = async (app, { sheet }) => {
  await app.register(multipart, { limits: { fileSize: DISPATCH_MAX_BYTES, files: 1, fields: 5 } });
  const tags = ['projects'];

  app.get(
    '/api/exports/project-dispatch.xlsx',
    {
      config: { permission: 'project.read' },
      schema: { tags, summary: '导出重点项目调度表 / Export the project dispatch sheet (.xlsx)', querystring: dispatchSheetQuery },
    },
    async (req, reply) => {
      const { buffer, fileName } = await sheet.exportSheet(sessionOf(req), req.query);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return reply.send(buffer);
    },
  );

  app.post(
    '/api/imports/project-dispatch/preview',
    {
      config: { permission: 'project.import' },
      schema: {
        tags,
        summary: '校验调度表（不写入） / Check a dispatch sheet (writes nothing)',
        description: 'multipart/form-data with one file field. Answers the row report (row, column, reason) and what the valid rows would write.',
        querystring: dispatchImportQuery,
        response: { 200: dispatchImportReport },
      },
    },
    async (req) => {
      const { buffer } = await uploadOf(req);
      return sheet.preview(sessionOf(req), req.query, buffer, requestLocale(req));
    },
  );

  app.post(
    '/api/imports/project-dispatch/commit',
    {
      config: { permission: 'project.import' },
      schema: {
        tags,
        summary: '导入调度表 / Import a dispatch sheet',
        description:
          'The same file as the preview, checked again and written in one transaction: mode=all only if every row is valid, mode=valid the valid rows.',
        querystring: dispatchCommitQuery,
        response: { 200: dispatchImportReport },
      },
    },
    async (req) => {
      const { buffer, fileName } = await uploadOf(req);
      return sheet.commit(sessionOf(req), req.query, buffer, fileName, requestLocale(req), String(req.id));
    },
  );

  app.get(
    '/api/imports/project-dispatch/progress',
    {
      config: { permission: 'project.import' },
      schema: { tags, summary: '调度表导入进度 / Import progress', querystring: dispatchImportProgressQuery, response: { 200: dispatchImportProgress } },
    },
    async (req) => sheet.progress(sessionOf(req), req.query.importId),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dispatchSheetQuery } from '../../../contract/project-dispatch-sheet.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import type { DispatchSheetService } from './dispatch-sheet.service.ts';

/** 重点项目调度表: the export (its import runs on the staged-import engine: dispatch-sheet.importer.ts). */
export const dispatchSheetRoutes: FastifyPluginAsyncZod<{ sheet: DispatchSheetService }> = async (app, { sheet }) => {
  app.get(
    '/api/exports/project-dispatch.xlsx',
    {
      config: { permission: 'project.read' },
      schema: { tags: ['projects'], summary: '导出重点项目调度表 / Export the project dispatch sheet (.xlsx)', querystring: dispatchSheetQuery },
    },
    async (req, reply) => sendFile(reply, await sheet.exportSheet(sessionOf(req), req.query)),
  );
};

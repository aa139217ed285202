/**
 * What the projects manifest registers for the 重点项目调度表: the export route (a Fastify plugin)
 * and the importer the staged-import engine runs (platform/imports). Kept here so the manifest holds
 * two lines for the sheet.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module.ts';
import { dispatchSheetImporter } from './dispatch-sheet.importer.ts';
import { createDispatchSheetRepository } from './dispatch-sheet.repository.ts';
import { dispatchSheetRoutes } from './dispatch-sheet.routes.ts';
import { createDispatchSheetService } from './dispatch-sheet.service.ts';
import { createProjectsRepository } from './projects.repository.ts';

export async function dispatchSheetPlugin(app: FastifyInstance, _projects: unknown, { db, clock }: ModuleContext) {
  await app.register(dispatchSheetRoutes, { sheet: createDispatchSheetService({ db, sheet: createDispatchSheetRepository(), clock }) });
}

export function dispatchSheetImporters(_projects: unknown, { db, audit, clock }: ModuleContext) {
  const sheet = createDispatchSheetRepository();
  return [dispatchSheetImporter({ sheet, periods: createDispatchSheetService({ db, sheet, clock }), projects: createProjectsRepository(), audit })];
}

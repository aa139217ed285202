import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listLeadsQuery } from '../../../contract/leads.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import type { LedgerService } from './ledger.service.ts';

const exportQuery = listLeadsQuery.omit({ page: true, pageSize: true });

/** The ledger's export (its import runs on the staged-import engine: ledger.importers.ts). */
export const ledgerRoutes: FastifyPluginAsyncZod<{ ledger: LedgerService }> = async (app, { ledger }) => {
  app.get(
    '/api/exports/lead-ledger.xlsx',
    { schema: { tags: ['ledger'], summary: '导出招商线索台账 / Export the lead ledger (.xlsx)', querystring: exportQuery } },
    async (req, reply) => sendFile(reply, await ledger.exportLedger(sessionOf(req), req.query)),
  );
};

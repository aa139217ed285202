import { financeOperations } from '../../../../contract/services/finance.ts';
import { operationUrl } from '../../../lib/api-client';

/** The 银企对接台账 download; the browser fetches it with the session cookie. */
export const financeExportUrl = (zoneId: string | null, year?: number) =>
  operationUrl(financeOperations.export, { query: { zoneId: zoneId ?? undefined, year } });

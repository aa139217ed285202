import { fundingOperations } from '../../../../contract/services/funding.ts';
import { operationUrl } from '../../../lib/api-client';

/** The 向上争取资金台账 download; the browser fetches it with the session cookie. */
export const fundingExportUrl = (zoneId: string | null, year?: number) =>
  operationUrl(fundingOperations.export, { query: { zoneId: zoneId ?? undefined, year } });

import { factorOperations } from '../../../../contract/services/factors.ts';
import { operationUrl } from '../../../lib/api-client';

/** The 要素保障清单 download; the browser fetches it with the session cookie. */
export const factorsExportUrl = (zoneId: string | null) => operationUrl(factorOperations.export, { query: { zoneId: zoneId ?? undefined } });

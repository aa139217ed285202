import type { QueryParams } from '../../../lib/api-client';

/** The ledger download URL for the current filters (the browser downloads it with the session cookie). */
export function ledgerExportUrl(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && k !== 'page' && k !== 'pageSize') search.set(k, String(v));
  const q = search.toString();
  return `/api/exports/lead-ledger.xlsx${q ? `?${q}` : ''}`;
}

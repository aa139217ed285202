import { useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { projectKeys } from './keys';

/** The export URL: the browser downloads it with the session cookie (a plain link, no fetch). */
export const dispatchSheetUrl = (zoneId: string, period: string) => `/api/exports/project-dispatch.xlsx?${new URLSearchParams({ zoneId, period }).toString()}`;

/** After a dispatch sheet import commits: every project list and page is stale. (The import itself is the shared ImportWizard's.) */
export function useDispatchSheetImported() {
  const client = useQueryClient();
  return (_summary: ImportSummary) => void client.invalidateQueries({ queryKey: projectKeys.all });
}

import { useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { invalidatePipeline } from './keys';

/** After a ledger import commits: the lead and enterprise lists are stale. (The import itself is the shared ImportWizard's.) */
export function useLedgerImported() {
  const queryClient = useQueryClient();
  return (_summary: ImportSummary) => void invalidatePipeline(queryClient);
}

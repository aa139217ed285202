import { useQuery } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type Funnel = OperationResult<typeof leadOperations.funnel>;
export type SignedReport = OperationResult<typeof leadOperations.signedReport>;

export function useFunnel(zoneId: string | null) {
  return useQuery({ queryKey: leadKeys.funnel(zoneId), queryFn: () => callOperation(leadOperations.funnel, { query: { zoneId: zoneId ?? undefined } }) });
}

/** Signed totals by the counting rule for a period, beside the naive gross sum. */
export function useSignedReport(zoneId: string | null, from: string, to: string) {
  const params = { zoneId, from, to };
  return useQuery({
    queryKey: leadKeys.signed(params),
    queryFn: () => callOperation(leadOperations.signedReport, { query: { zoneId: zoneId ?? undefined, from, to } }),
  });
}

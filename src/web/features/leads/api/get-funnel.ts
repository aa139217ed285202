import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { funnelSchema, signedReportSchema } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type Funnel = z.infer<typeof funnelSchema>;
export type SignedReport = z.infer<typeof signedReportSchema>;

export function useFunnel(zoneId: string | null) {
  return useQuery({ queryKey: leadKeys.funnel(zoneId), queryFn: () => api.get<Funnel>('/leads/funnel', { zoneId }) });
}

/** Signed totals by the counting rule for a period, beside the naive gross sum. */
export function useSignedReport(zoneId: string | null, from: string, to: string) {
  const params = { zoneId, from, to };
  return useQuery({ queryKey: leadKeys.signed(params), queryFn: () => api.get<SignedReport>('/leads/signed-report', params) });
}

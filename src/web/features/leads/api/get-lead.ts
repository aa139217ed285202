import { useQuery } from '@tanstack/react-query';
import type { LeadDetail } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { leadKeys } from './keys';

export function getLead(id: string): Promise<LeadDetail> {
  return api.get<LeadDetail>(`/leads/${id}`);
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: () => getLead(id) });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { leadPage } from '../../../../contract/leads.ts';
import { api, type QueryParams } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type LeadPage = z.infer<typeof leadPage>;

export function listLeads(params: QueryParams): Promise<LeadPage> {
  return api.get<LeadPage>('/leads', params);
}

export function useLeads(params: QueryParams) {
  return useQuery({ queryKey: leadKeys.list(params), queryFn: () => listLeads(params), placeholderData: keepPreviousData });
}

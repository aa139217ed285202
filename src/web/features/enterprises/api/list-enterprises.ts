import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { enterprisePage } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export type EnterpriseList = z.infer<typeof enterprisePage>;

export function useEnterprises(params: { q?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: enterpriseKeys.list(params), queryFn: () => api.get<EnterpriseList>('/enterprises', params), placeholderData: keepPreviousData });
}

import { useQuery } from '@tanstack/react-query';
import type { IndustrySection } from '../../../../contract/industries.ts';
import { api } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export function useIndustries() {
  return useQuery({ queryKey: enterpriseKeys.industries, queryFn: () => api.get<IndustrySection[]>('/industries'), staleTime: Infinity });
}

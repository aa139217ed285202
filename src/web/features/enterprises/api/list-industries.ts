import { useQuery } from '@tanstack/react-query';
import { enterpriseOperations } from '../../../../contract/enterprises.ts';
import { callOperation } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export function useIndustries() {
  return useQuery({ queryKey: enterpriseKeys.industries, queryFn: () => callOperation(enterpriseOperations.industries), staleTime: Infinity });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseOperations } from '../../../../contract/enterprises.ts';
import type { OperationQuery, OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export type EnterpriseList = OperationResult<typeof enterpriseOperations.list>;

export function useEnterprises(params: OperationQuery<typeof enterpriseOperations.list>) {
  return useQuery({
    queryKey: enterpriseKeys.list(params),
    queryFn: () => callOperation(enterpriseOperations.list, { query: params }),
    placeholderData: keepPreviousData,
  });
}

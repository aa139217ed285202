import { useQuery } from '@tanstack/react-query';
import { enterpriseOperations } from '../../../../contract/enterprises.ts';
import { callOperation } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

/** The enterprise with its contacts, and its leads and projects in the caller's zones. */
export function useEnterprisePage(id: string) {
  return useQuery({ queryKey: enterpriseKeys.page(id), queryFn: () => callOperation(enterpriseOperations.page, { params: { id } }) });
}

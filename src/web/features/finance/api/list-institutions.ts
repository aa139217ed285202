import { useQuery } from '@tanstack/react-query';
import { financeOperations } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { financeKeys } from './keys';

export const listInstitutions = (zoneId: string | null) => callOperation(financeOperations.listInstitutions, { query: { zoneId: zoneId ?? undefined } });
export const useInstitutions = (zoneId: string | null) => useQuery({ queryKey: financeKeys.institutions(zoneId), queryFn: () => listInstitutions(zoneId) });

import { useQuery } from '@tanstack/react-query';
import { financeOperations } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { financeKeys } from './keys';

export const listProducts = (zoneId: string | null) => callOperation(financeOperations.listProducts, { query: { zoneId: zoneId ?? undefined } });
export const useProducts = (zoneId: string | null) => useQuery({ queryKey: financeKeys.products(zoneId), queryFn: () => listProducts(zoneId) });

import { useQuery } from '@tanstack/react-query';
import { financeOperations } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { financeKeys } from './keys';

export type SummaryQuery = { zoneId?: string; year?: number };
export const getSummary = (query: SummaryQuery) => callOperation(financeOperations.summary, { query });
export const useFinanceSummary = (query: SummaryQuery) => useQuery({ queryKey: financeKeys.summary(query), queryFn: () => getSummary(query) });

import { useQuery } from '@tanstack/react-query';
import { fundingOperations } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { fundingKeys } from './keys';

export type SummaryQuery = { zoneId?: string; year?: number };
export const getSummary = (query: SummaryQuery) => callOperation(fundingOperations.summary, { query });
export const useFundingSummary = (query: SummaryQuery) => useQuery({ queryKey: fundingKeys.summary(query), queryFn: () => getSummary(query) });

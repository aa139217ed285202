import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { statisticsOperations } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export type ResultsQuery = { year?: number; zoneId?: string; history?: 'true' | 'false' };
export const listResults = (query: ResultsQuery) => callOperation(statisticsOperations.results, { query });
export const useResults = (query: ResultsQuery | null) =>
  useQuery({ queryKey: statisticsKeys.results(query ?? {}), queryFn: () => listResults(query!), enabled: !!query, placeholderData: keepPreviousData });

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { statisticsOperations, type trendQuery } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export type TrendQuery = z.input<typeof trendQuery>;
export const getTrend = (query: TrendQuery) => callOperation(statisticsOperations.trend, { query });
export const useTrend = (query: TrendQuery | null) =>
  useQuery({ queryKey: statisticsKeys.trend(query ?? {}), queryFn: () => getTrend(query!), enabled: !!query, placeholderData: keepPreviousData });

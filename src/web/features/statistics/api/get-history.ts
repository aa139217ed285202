import { useQuery } from '@tanstack/react-query';
import { statisticsOperations } from '../../../../contract/statistics.ts';
import type { IndicatorCode } from '../../../../contract/statistics-indicators.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export type HistoryQuery = { zoneId: string; indicator: IndicatorCode; period: string };
export const getHistory = (query: HistoryQuery) => callOperation(statisticsOperations.history, { query });
export const useHistory = (query: HistoryQuery | null) =>
  useQuery({ queryKey: statisticsKeys.history(query ?? {}), queryFn: () => getHistory(query!), enabled: !!query });

import { useQuery } from '@tanstack/react-query';
import { statisticsOperations, type StatTrend } from '../../../../contract/statistics.ts';
import type { IndicatorCode } from '../../../../contract/statistics-indicators.ts';
import { callOperation } from '../../../lib/api-client';

/** A zone's 统计局 figure by year (the statistics module's trend), for the 驾驶舱's trend card. */
export function useStatTrend(zoneId: string | null, indicator: IndicatorCode, from: string, to: string) {
  return useQuery({
    queryKey: ['statistics', 'trend', zoneId, indicator, from, to],
    queryFn: (): Promise<StatTrend> => callOperation(statisticsOperations.trend, { query: { zoneId: zoneId!, indicator, kind: 'year', from, to } }),
    enabled: Boolean(zoneId),
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { kpiOperations, type KpiRanking, type kpiRankingQuery } from '../../../../contract/kpis.ts';
import { callOperation } from '../../../lib/api-client';

export type RankingParams = z.input<typeof kpiRankingQuery>;

export function getKpiRanking(params: RankingParams): Promise<KpiRanking> {
  return callOperation(kpiOperations.ranking, { query: params });
}

export function useKpiRanking(params: RankingParams) {
  return useQuery({ queryKey: ['kpis', 'ranking', params], queryFn: () => getKpiRanking(params), placeholderData: keepPreviousData });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { kpiOperations, type KpiDashboard } from '../../../../contract/kpis.ts';
import { callOperation } from '../../../lib/api-client';

export function getKpiDashboard(zoneId: string | null, year?: number): Promise<KpiDashboard> {
  return callOperation(kpiOperations.dashboard, { query: { zoneId: zoneId ?? undefined, year } });
}

/** The 驾驶舱 of one zone, or of all the caller's zones (null). */
export function useKpiDashboard(zoneId: string | null, year?: number) {
  return useQuery({ queryKey: ['kpis', 'dashboard', zoneId ?? 'all', year ?? 'now'], queryFn: () => getKpiDashboard(zoneId, year), placeholderData: keepPreviousData });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kpiOperations } from '../../../../contract/kpis.ts';
import { callOperation } from '../../../lib/api-client';

/** 刷新: rebuilds one zone's summaries now, then reloads every KPI view. */
export function useRefreshKpis() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (zoneId: string) => callOperation(kpiOperations.refresh, { body: { zoneId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['kpis'] }),
  });
}

import type { QueryClient } from '@tanstack/react-query';
import type { QueryParams } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The pipeline's query keys; every lead mutation refreshes leads, trips, the funnel and the workbench. */
export const leadKeys = {
  all: ['leads'] as const,
  list: (params: QueryParams) => ['leads', 'list', params] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
  timeline: (id: string) => ['leads', 'timeline', id] as const,
  funnel: (zoneId: string | null) => ['leads', 'funnel', zoneId ?? 'all'] as const,
  signed: (params: QueryParams) => ['leads', 'signed', params] as const,
  duplicates: (params: Record<string, unknown>) => ['leads', 'duplicates', params] as const,
  owners: (zoneId: string | null) => ['leads', 'owners', zoneId ?? 'all'] as const,
  views: ['leads', 'views'] as const,
  trips: ['leads', 'trips'] as const,
  trip: (id: string) => ['leads', 'trips', id] as const,
};

export function invalidatePipeline(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: leadKeys.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.workbench }),
    queryClient.invalidateQueries({ queryKey: ['enterprises'] }),
  ]);
}

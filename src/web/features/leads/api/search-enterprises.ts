import { useQuery } from '@tanstack/react-query';
import type { Enterprise } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api-client';

/** Investors to choose from, by name or credit code (the shared enterprise library). */
export function useEnterpriseOptions(q: string) {
  return useQuery({
    queryKey: ['enterprises', 'options', q],
    queryFn: () => api.get<{ items: Enterprise[] }>('/enterprises', { q: q || undefined, pageSize: 20 }),
    enabled: q.length >= 2,
  });
}

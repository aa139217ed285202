import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { leadKeys } from './keys';

export interface Owner {
  id: string;
  displayName: string;
  zoneIds: string[];
}

export function useOwners(zoneId: string | null) {
  return useQuery({ queryKey: leadKeys.owners(zoneId), queryFn: () => api.get<Owner[]>('/leads/owners', { zoneId }) });
}

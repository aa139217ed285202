import { useQuery } from '@tanstack/react-query';
import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export function getBlocker(id: string): Promise<BlockerDetail> {
  return api.get<BlockerDetail>(`/blockers/${id}`);
}

export function useBlocker(id: string) {
  return useQuery({ queryKey: dispatchKeys.blocker(id), queryFn: () => getBlocker(id) });
}

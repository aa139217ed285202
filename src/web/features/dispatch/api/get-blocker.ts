import { useQuery } from '@tanstack/react-query';
import { blockerOperations, type BlockerDetail } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export function getBlocker(id: string): Promise<BlockerDetail> {
  return callOperation(blockerOperations.get, { params: { id } });
}

export function useBlocker(id: string) {
  return useQuery({ queryKey: dispatchKeys.blocker(id), queryFn: () => getBlocker(id) });
}

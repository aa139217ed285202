import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { blockerList } from '../../../../contract/dispatch.ts';
import { api, type QueryParams } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type BlockerList = z.infer<typeof blockerList>;

export function listBlockers(params: QueryParams): Promise<BlockerList> {
  return api.get<BlockerList>('/blockers', params);
}

export function useBlockers(params: QueryParams) {
  return useQuery({ queryKey: dispatchKeys.blockers(params), queryFn: () => listBlockers(params), placeholderData: keepPreviousData });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { blockerOperations } from '../../../../contract/dispatch.ts';
import type { OperationQuery, OperationResult } from '../../../../contract/operation.ts';
import { callOperation, type QueryParams } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type BlockerList = OperationResult<typeof blockerOperations.list>;
export type BlockerQuery = NonNullable<OperationQuery<typeof blockerOperations.list>>;

/** The board's filters come from the page's selects; the operation's schema checks them. */
export function listBlockers(query: BlockerQuery | QueryParams): Promise<BlockerList> {
  return callOperation(blockerOperations.list, { query: query as BlockerQuery });
}

export function useBlockers(query: BlockerQuery | QueryParams) {
  return useQuery({ queryKey: dispatchKeys.blockers(query), queryFn: () => listBlockers(query), placeholderData: keepPreviousData });
}

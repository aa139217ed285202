import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { decisionOperations } from '../../../../contract/dispatch.ts';
import type { OperationQuery } from '../../../../contract/operation.ts';
import { callOperation, type QueryParams } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type DecisionQuery = NonNullable<OperationQuery<typeof decisionOperations.list>>;

/** The filters come from the page's selects; the operation's schema checks them. */
export const listDecisions = (query: DecisionQuery | QueryParams) => callOperation(decisionOperations.list, { query: query as DecisionQuery });
export const useDecisions = (query: DecisionQuery | QueryParams) =>
  useQuery({ queryKey: dispatchKeys.decisions(query), queryFn: () => listDecisions(query), placeholderData: keepPreviousData });

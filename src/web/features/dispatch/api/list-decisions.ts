import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Decision } from '../../../../contract/dispatch.ts';
import { api, type QueryParams } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const listDecisions = (params: QueryParams) => api.get<Decision[]>('/decisions', params);
export const useDecisions = (params: QueryParams) =>
  useQuery({ queryKey: dispatchKeys.decisions(params), queryFn: () => listDecisions(params), placeholderData: keepPreviousData });

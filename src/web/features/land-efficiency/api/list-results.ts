import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { landEfficiencyOperations as op, type listResultsQuery } from '../../../../contract/land-efficiency.ts';
import { callOperation } from '../../../lib/api-client';
import { landEfficiencyKeys } from './keys';

export type ResultsParams = z.input<typeof listResultsQuery>;

export const useLandEfficiencyResults = (params: ResultsParams | null) =>
  useQuery({
    queryKey: landEfficiencyKeys.results(params ?? {}),
    queryFn: () => callOperation(op.listResults, { query: params! }),
    enabled: Boolean(params?.zoneId),
    placeholderData: keepPreviousData,
  });

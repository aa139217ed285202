import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { statisticsOperations, type gridQuery } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export type GridQuery = z.input<typeof gridQuery>;
export const getGrid = (query: GridQuery) => callOperation(statisticsOperations.grid, { query });
export const useGrid = (query: GridQuery | null) =>
  useQuery({ queryKey: statisticsKeys.grid(query ?? {}), queryFn: () => getGrid(query!), enabled: !!query, placeholderData: keepPreviousData });

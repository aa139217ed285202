import { useQuery } from '@tanstack/react-query';
import { statisticsOperations } from '../../../../contract/statistics.ts';
import { callOperation } from '../../../lib/api-client';
import { statisticsKeys } from './keys';

export const listSchemes = () => callOperation(statisticsOperations.listSchemes, {});
export const useSchemes = () => useQuery({ queryKey: statisticsKeys.schemes, queryFn: listSchemes });

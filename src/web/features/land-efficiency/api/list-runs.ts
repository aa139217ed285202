import { useQuery } from '@tanstack/react-query';
import { landEfficiencyOperations as op } from '../../../../contract/land-efficiency.ts';
import { callOperation } from '../../../lib/api-client';
import { landEfficiencyKeys } from './keys';

export const useLandEfficiencyRuns = (zoneId: string | null, year: number) =>
  useQuery({
    queryKey: landEfficiencyKeys.runs(zoneId ?? '', year),
    queryFn: () => callOperation(op.listRuns, { query: { zoneId: zoneId!, year } }),
    enabled: Boolean(zoneId),
  });

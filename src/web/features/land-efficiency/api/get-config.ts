import { useQuery } from '@tanstack/react-query';
import { landEfficiencyOperations as op } from '../../../../contract/land-efficiency.ts';
import { callOperation } from '../../../lib/api-client';
import { landEfficiencyKeys } from './keys';

/** The zone's policy for the year (saved, copied from an earlier year, or the defaults). */
export const useLandEfficiencyConfig = (zoneId: string | null, year: number) =>
  useQuery({
    queryKey: landEfficiencyKeys.config(zoneId ?? '', year),
    queryFn: () => callOperation(op.getConfig, { query: { zoneId: zoneId!, year } }),
    enabled: Boolean(zoneId),
  });

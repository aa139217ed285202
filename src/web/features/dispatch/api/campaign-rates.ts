import { useQuery } from '@tanstack/react-query';
import { campaignOperations } from '../../../../contract/dispatch.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type ZoneRates = OperationResult<typeof campaignOperations.rates>;

/** Per zone (all its campaigns of the year) and per batch (each campaign), for the zones the caller covers. */
export const getCampaignRates = (year: number) => callOperation(campaignOperations.rates, { query: { year } });
export const useCampaignRates = (year: number) => useQuery({ queryKey: dispatchKeys.rates(year), queryFn: () => getCampaignRates(year) });

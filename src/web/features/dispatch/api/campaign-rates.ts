import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { zoneRatesSchema } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export type ZoneRates = z.infer<typeof zoneRatesSchema>;

/** Per zone (all its campaigns of the year) and per batch (each campaign), for the zones the caller covers. */
export const getCampaignRates = (year: number) => api.get<ZoneRates>('/campaigns/rates', { year });
export const useCampaignRates = (year: number) => useQuery({ queryKey: dispatchKeys.rates(year), queryFn: () => getCampaignRates(year) });

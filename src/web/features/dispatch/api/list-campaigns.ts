import { useQuery } from '@tanstack/react-query';
import type { Campaign } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const listCampaigns = (zoneId: string | null) => api.get<Campaign[]>('/campaigns', { zoneId });
export const useCampaigns = (zoneId: string | null) => useQuery({ queryKey: dispatchKeys.campaigns(zoneId), queryFn: () => listCampaigns(zoneId) });

import { useQuery } from '@tanstack/react-query';
import { campaignOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const listCampaigns = (zoneId: string | null) => callOperation(campaignOperations.list, { query: { zoneId: zoneId ?? undefined } });
export const useCampaigns = (zoneId: string | null) => useQuery({ queryKey: dispatchKeys.campaigns(zoneId), queryFn: () => listCampaigns(zoneId) });

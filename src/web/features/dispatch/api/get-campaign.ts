import { useQuery } from '@tanstack/react-query';
import { campaignOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const getCampaign = (id: string) => callOperation(campaignOperations.get, { params: { id } });
export const useCampaign = (id: string | null) =>
  useQuery({ queryKey: dispatchKeys.campaign(id ?? ''), queryFn: () => getCampaign(id!), enabled: Boolean(id) });

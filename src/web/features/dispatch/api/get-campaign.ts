import { useQuery } from '@tanstack/react-query';
import type { CampaignDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const getCampaign = (id: string) => api.get<CampaignDetail>(`/campaigns/${id}`);
export const useCampaign = (id: string | null) =>
  useQuery({ queryKey: dispatchKeys.campaign(id ?? ''), queryFn: () => getCampaign(id!), enabled: Boolean(id) });

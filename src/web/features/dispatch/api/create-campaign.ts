import type { CampaignDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const createCampaign = (input: { zoneId: string; year: number; quarter: number; eventOn?: string | null }) =>
  api.post<CampaignDetail>('/campaigns', input);
export const useCreateCampaign = () => useDispatchMutation(createCampaign);

import { campaignOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const createCampaign = (input: { zoneId: string; year: number; quarter: number; eventOn?: string | null; signingEventId?: string | null }) =>
  callOperation(campaignOperations.create, { body: input });
export const useCreateCampaign = () => useDispatchMutation(createCampaign);

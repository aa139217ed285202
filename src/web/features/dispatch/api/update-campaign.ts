import type { z } from 'zod';
import { campaignOperations, type updateCampaignBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

/** A campaign's name, event day and signing event. */
export const updateCampaign = ({ id, ...body }: z.input<typeof updateCampaignBody> & { id: string }) =>
  callOperation(campaignOperations.update, { params: { id }, body });
export const useUpdateCampaign = () => useDispatchMutation(updateCampaign);

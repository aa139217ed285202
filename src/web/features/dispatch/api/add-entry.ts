import type { z } from 'zod';
import type { CampaignEntry, createEntryBody } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const addEntry = ({ campaignId, ...body }: z.input<typeof createEntryBody> & { campaignId: string }) =>
  api.post<CampaignEntry>(`/campaigns/${campaignId}/entries`, body);
export const useAddEntry = () => useDispatchMutation(addEntry);

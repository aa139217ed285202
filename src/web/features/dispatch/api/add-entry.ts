import type { z } from 'zod';
import { campaignOperations, type createEntryBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const addEntry = ({ campaignId, ...body }: z.input<typeof createEntryBody> & { campaignId: string }) =>
  callOperation(campaignOperations.addEntry, { params: { id: campaignId }, body });
export const useAddEntry = () => useDispatchMutation(addEntry);

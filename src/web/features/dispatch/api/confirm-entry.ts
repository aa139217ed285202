import type { z } from 'zod';
import { campaignOperations, type confirmEntryBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const confirmEntry = ({ id, ...body }: z.input<typeof confirmEntryBody> & { id: string }) =>
  callOperation(campaignOperations.confirmEntry, { params: { id }, body });
export const useConfirmEntry = () => useDispatchMutation(confirmEntry);

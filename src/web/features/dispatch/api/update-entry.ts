import type { z } from 'zod';
import { campaignOperations, type updateEntryBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

/** A nomination's note and money arrived (its achievement is derived, never typed). */
export const updateEntry = ({ id, ...body }: z.input<typeof updateEntryBody> & { id: string }) =>
  callOperation(campaignOperations.updateEntry, { params: { id }, body });
export const useUpdateEntry = () => useDispatchMutation(updateEntry);

import type { z } from 'zod';
import type { CampaignEntry, confirmEntryBody } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const confirmEntry = ({ id, ...body }: z.input<typeof confirmEntryBody> & { id: string }) => api.patch<CampaignEntry>(`/campaign-entries/${id}`, body);
export const useConfirmEntry = () => useDispatchMutation(confirmEntry);
